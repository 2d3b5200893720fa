package cn.gov.shanwei.xinyixing.account.control;

import cn.gov.shanwei.xinyixing.platform.masking.Masking;

/**
 * A real-name-verified person as the 善美村居 platform vouches for them in its identity token.
 * Never logged whole: {@link #toString()} masks.
 */
public record Citizen(String idNumber, String name, String phone) {

    @Override
    public String toString() {
        return "Citizen[" + Masking.idNumber(idNumber) + "]";
    }
}
