package cn.gov.shanwei.xinyixing.redlist.control;

import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules one entry must meet on its own; {@link BatchValidator} adds what needs the whole batch. Every
 * broken rule is reported, so the platform can fix an entry in one round trip.
 */
final class EntryRules {

    private final Function<String, Optional<RequiredFigure>> categories;
    private final LocalDate today;

    EntryRules(Function<String, Optional<RequiredFigure>> categories, LocalDate today) {
        this.categories = categories;
        this.today = today;
    }

    void check(int index, EntryMessage entry, List<Rejection> out) {
        if (entry == null) {
            out.add(Rejection.of(index, RejectionCode.MALFORMED_MESSAGE, "条目为空", "the entry is empty"));
            return;
        }
        checkIdNumber(index, entry.idNumber(), out);
        Optional<RequiredFigure> figure = checkCategory(index, entry.categoryCode(), out);
        if (entry.operation() == null) {
            // Without the operation it is unknown which other fields are required; report only the fields
            // every operation needs, rather than guessing and adding noise.
            out.add(Rejection.of(index, RejectionCode.OPERATION_MISSING));
            return;
        }
        if (entry.operation() == Operation.REMOVE) {
            // A revocation names the listing to withdraw; its figures and dates no longer matter.
            return;
        }
        if (isBlank(entry.name())) {
            out.add(Rejection.of(index, RejectionCode.NAME_MISSING));
        }
        checkValidity(index, entry.validFrom(), entry.validTo(), out);
        if (isBlank(entry.sourceDocument())) {
            out.add(Rejection.of(index, RejectionCode.SOURCE_DOCUMENT_MISSING));
        }
        figure.ifPresent(required -> checkRequiredFigure(index, required, entry.details(), out));
        checkNoNegativeFigure(index, entry.details(), out);
    }

    private void checkIdNumber(int index, String idNumber, List<Rejection> out) {
        IdNumberCheck.check(idNumber, today).ifPresent(problem -> out.add(Rejection.of(index, switch (problem) {
            case FORMAT -> RejectionCode.ID_NUMBER_MALFORMED;
            case CHECK_DIGIT -> RejectionCode.ID_NUMBER_CHECK_DIGIT;
            case BIRTH_DATE -> RejectionCode.ID_NUMBER_BIRTH_DATE;
            case REGION -> RejectionCode.ID_NUMBER_REGION;
        })));
    }

    private Optional<RequiredFigure> checkCategory(int index, String categoryCode, List<Rejection> out) {
        Optional<RequiredFigure> figure = isBlank(categoryCode) ? null : categories.apply(categoryCode);
        if (figure == null || figure.isEmpty()) {
            out.add(Rejection.of(index, RejectionCode.CATEGORY_UNKNOWN));
            return Optional.empty();
        }
        return figure;
    }

    private static void checkValidity(int index, LocalDate from, LocalDate to, List<Rejection> out) {
        if (from == null || to == null) {
            out.add(Rejection.of(index, RejectionCode.VALIDITY_MISSING));
        } else if (to.isBefore(from)) {
            out.add(Rejection.of(index, RejectionCode.VALIDITY_REVERSED));
        }
    }

    private static void checkRequiredFigure(int index, RequiredFigure required, CategoryDetails details,
                                            List<Rejection> out) {
        if (!required.presentIn(details)) {
            out.add(Rejection.of(index, RejectionCode.THRESHOLD_MISSING, required.chinese(), required.english()));
        }
    }

    /** Any figure sent, needed or not, is checked: a negative count or amount cannot be right. */
    private static void checkNoNegativeFigure(int index, CategoryDetails details, List<Rejection> out) {
        for (RequiredFigure figure : RequiredFigure.values()) {
            if (figure.negativeIn(details)) {
                out.add(Rejection.of(index, RejectionCode.THRESHOLD_NEGATIVE, figure.chinese(), figure.english()));
            }
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
