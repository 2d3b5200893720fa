package cn.gov.shanwei.xinyixing.redlist.control;

import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Level;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Valid sample data that each test bends in one place, so a failing test shows exactly what it changed. */
final class TestBatches {

    static final LocalDate TODAY = LocalDate.of(2024, 5, 1);
    static final Instant ISSUED = Instant.parse("2024-05-01T08:00:00Z");

    /** A small catalogue with one category per kind of figure. */
    static final Map<String, RequiredFigure> CATALOGUE = Map.of(
            "MORAL_MODEL", RequiredFigure.NONE,
            "MODEL_WORKER", RequiredFigure.LEVEL,
            "BLOOD_DONOR", RequiredFigure.BLOOD_ML,
            "CHARITY_DONOR", RequiredFigure.DONATION_YUAN,
            "STAR_VOLUNTEER", RequiredFigure.VOLUNTEER_STARS,
            "A_TAXPAYER", RequiredFigure.TAXPAYER_GRADE);

    static final Function<String, Optional<RequiredFigure>> CATEGORIES =
            code -> Optional.ofNullable(CATALOGUE.get(code));

    private TestBatches() {
    }

    static EntryMessage bloodDonor() {
        return new EntryMessage(Operation.ADD, "441502198503120020", "张三", "BLOOD_DONOR",
                new CategoryDetails(null, 4200, null, null, null), LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 4, 1), LocalDate.of(2026, 3, 31), "汕血〔2024〕3号", Residency.HOUSEHOLD);
    }

    static EntryMessage charityDonor() {
        return new EntryMessage(Operation.CHANGE, "441501199007071010", "李四", "CHARITY_DONOR",
                new CategoryDetails(Level.MUNICIPAL, null, new BigDecimal("10000.00"), 3, "A"), null,
                LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31), "doc", Residency.HABITUAL);
    }

    static EntryMessage removal() {
        return new EntryMessage(Operation.REMOVE, "11010519491231002X", null, "MODEL_WORKER", null, null, null, null,
                null, null);
    }

    static BatchMessage batch(EntryMessage... entries) {
        return new BatchMessage("XYSW-2024-0001", 7, ISSUED, list(entries), null);
    }

    /** A list that, unlike {@code List.of}, may hold nulls, as a malformed message can. */
    static List<EntryMessage> list(EntryMessage... entries) {
        return Arrays.asList(entries);
    }

    /** The three sample entries, all valid. */
    static BatchMessage validBatch() {
        return batch(bloodDonor(), charityDonor(), removal());
    }

    /** A copy of the entry with some fields replaced, since records have no withers. */
    static EntryMessage change(EntryMessage original, Consumer<Fields> change) {
        Fields f = new Fields(original);
        change.accept(f);
        return new EntryMessage(f.operation, f.idNumber, f.name, f.categoryCode, f.details, f.recognisedOn,
                f.validFrom, f.validTo, f.sourceDocument, f.residency);
    }

    /** The fields of an entry, open for a test to overwrite. */
    static final class Fields {
        Operation operation;
        String idNumber;
        String name;
        String categoryCode;
        CategoryDetails details;
        LocalDate recognisedOn;
        LocalDate validFrom;
        LocalDate validTo;
        String sourceDocument;
        Residency residency;

        private Fields(EntryMessage e) {
            operation = e.operation();
            idNumber = e.idNumber();
            name = e.name();
            categoryCode = e.categoryCode();
            details = e.details();
            recognisedOn = e.recognisedOn();
            validFrom = e.validFrom();
            validTo = e.validTo();
            sourceDocument = e.sourceDocument();
            residency = e.residency();
        }
    }
}
