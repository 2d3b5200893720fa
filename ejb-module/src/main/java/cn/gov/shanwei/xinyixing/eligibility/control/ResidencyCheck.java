package cn.gov.shanwei.xinyixing.eligibility.control;

import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * R3: only Shanwei household-registered (户籍) or habitual (常住) residents qualify. The credit
 * platform's residency field decides when present; only when it is silent does the ID number's
 * region code (4415 = 汕尾市) stand in.
 *
 * <p>Only entries the platform vouches for on the day (not revoked, within their dates) are read:
 * an expired or withdrawn entry may carry a residency that no longer holds. Where current entries
 * disagree, household or habitual wins, as either one alone satisfies the plan.
 */
final class ResidencyCheck {

    /** Region code prefix of 汕尾市 in the national ID number (GB 11643, GB/T 2260). */
    static final String SHANWEI_REGION = "4415";

    /** @param reason {@code null} when resident, else the NOT_RESIDENT reason */
    record Finding(boolean resident, ResidencyEvidence evidence, Reason reason) {
    }

    private ResidencyCheck() {
    }

    static Finding assess(LocalDate date, String idNumber, List<Qualification> entries) {
        List<Residency> reported = entries.stream()
                .filter(e -> e.currentOn(date))
                .map(Qualification::residency)
                .filter(Objects::nonNull)
                .toList();
        if (reported.contains(Residency.HOUSEHOLD) || reported.contains(Residency.HABITUAL)) {
            return new Finding(true, ResidencyEvidence.PLATFORM_RESIDENCY, null);
        }
        if (!reported.isEmpty()) {
            return new Finding(false, ResidencyEvidence.PLATFORM_RESIDENCY, Reason.of(Reason.NOT_RESIDENT,
                    "信用平台登记为非汕尾市户籍或常住人口 / The credit platform records the person as neither "
                            + "household-registered nor habitually resident in Shanwei"));
        }
        if (idNumber != null && idNumber.strip().startsWith(SHANWEI_REGION)) {
            return new Finding(true, ResidencyEvidence.ID_REGION_CODE, null);
        }
        String region = idNumber == null || idNumber.strip().length() < 4 ? "?" : idNumber.strip().substring(0, 4);
        return new Finding(false, ResidencyEvidence.ID_REGION_CODE, Reason.of(Reason.NOT_RESIDENT,
                "无居住登记，身份证号码地区码 " + region + " 不属汕尾市（" + SHANWEI_REGION
                        + "） / No residency on record and ID region code " + region + " is not Shanwei ("
                        + SHANWEI_REGION + ")"));
    }
}
