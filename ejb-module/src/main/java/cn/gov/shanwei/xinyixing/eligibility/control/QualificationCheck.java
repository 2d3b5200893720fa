package cn.gov.shanwei.xinyixing.eligibility.control;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether one red-list entry counts on a given day. Answers with exactly one reason: QUALIFIED, or
 * the first check it fails — revoked, then dates, then category, then the category's figures — as
 * the first failure is the one the citizen would have to remedy.
 */
final class QualificationCheck {

    private QualificationCheck() {
    }

    static Reason check(Qualification entry, LocalDate date, Function<String, Optional<CategoryRule>> categories) {
        long id = entry.entryId();
        if (entry.revoked()) {
            return Reason.of(Reason.ENTRY_REVOKED, id, "红名单记录已被撤销 / Red-list entry has been revoked");
        }
        if (date.isBefore(entry.validFrom())) {
            return Reason.of(Reason.ENTRY_NOT_YET_VALID, id, "红名单记录自 " + entry.validFrom()
                    + " 起有效 / Red-list entry is valid only from " + entry.validFrom());
        }
        if (date.isAfter(entry.validTo())) {
            return Reason.of(Reason.ENTRY_EXPIRED, id, "红名单记录已于 " + entry.validTo()
                    + " 到期 / Red-list entry expired on " + entry.validTo());
        }
        Optional<CategoryRule> rule = categories.apply(entry.categoryCode());
        if (rule.isEmpty()) {
            return Reason.of(Reason.CATEGORY_UNKNOWN, id, "未知的红名单类别 " + entry.categoryCode()
                    + " / Unknown red-list category " + entry.categoryCode());
        }
        return rule.get().test(entry.details()).toReason(id);
    }
}
