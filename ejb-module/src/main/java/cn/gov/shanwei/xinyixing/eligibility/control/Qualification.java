package cn.gov.shanwei.xinyixing.eligibility.control;

import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One red-list entry as eligibility sees it: only what the rules need, none of the protected
 * personal data, so the rules can be run and tested without persistence.
 *
 * @param entryId      the red-list entry's id, quoted back in reasons
 * @param categoryCode the category the person is listed in
 * @param details      the figures behind the listing ({@link CategoryDetails#NONE} when absent)
 * @param validFrom    first day the listing counts, inclusive
 * @param validTo      last day the listing counts, inclusive
 * @param residency    residency as the credit platform reports it, {@code null} when not reported
 * @param revoked      whether the platform has withdrawn the listing
 */
public record Qualification(long entryId, String categoryCode, CategoryDetails details, LocalDate validFrom,
                            LocalDate validTo, Residency residency, boolean revoked) {

    public Qualification {
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        if (validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("valid-to precedes valid-from");
        }
        details = details == null ? CategoryDetails.NONE : details;
    }

    /** Whether the platform vouches for this listing on the date: not withdrawn and within its dates. */
    public boolean currentOn(LocalDate date) {
        return !revoked && !date.isBefore(validFrom) && !date.isAfter(validTo);
    }
}
