package cn.gov.shanwei.xinyixing.redlist.control;

import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import java.time.LocalDate;

/**
 * One line of a red-list batch exactly as the credit platform sent it, before anything is trusted. Every
 * field may be null: {@link BatchValidator} reports what is missing instead of the parser failing, so the
 * platform learns every problem in one reply.
 *
 * @param idNumber       18-character resident ID number, as sent (not trimmed, x not upper-cased)
 * @param categoryCode   red-list category; categories are data (R2), so this is not an enum
 * @param details        the figures behind the category (level, blood, donation, stars, tax grade)
 * @param recognisedOn   when the recognising body made its decision; informative only
 * @param validFrom      first day of the listing
 * @param validTo        last day of the listing
 * @param sourceDocument the decision or document the listing rests on (文件依据)
 * @param residency      Shanwei residency as the platform knows it (R3); may be absent
 */
public record EntryMessage(Operation operation, String idNumber, String name, String categoryCode,
                           CategoryDetails details, LocalDate recognisedOn, LocalDate validFrom, LocalDate validTo,
                           String sourceDocument, Residency residency) {

    /** Masks the ID number and name so a logged message does not leak personal data (R14). */
    @Override
    public String toString() {
        return "EntryMessage[" + operation + ", " + Masking.idNumber(idNumber) + ", " + Masking.name(name) + ", "
                + categoryCode + ", " + details + ", recognisedOn=" + recognisedOn + ", valid " + validFrom
                + ".." + validTo + ", sourceDocument=" + sourceDocument + ", " + residency + "]";
    }
}
