package cn.gov.shanwei.xinyixing.platform.masking;

/**
 * The one way personal data is shown on screens, lists and exports.
 *
 * <p>An ID number keeps its first four characters (the prefecture, 4415 for Shanwei) and its last
 * four, as staff need to tell people apart on the phone; a name keeps its first character only.
 */
public final class Masking {

    private Masking() {
    }

    /** {@code 441502199001011234} → {@code 4415**********1234}. */
    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.length() <= 8) {
            return "*".repeat(idNumber == null ? 0 : idNumber.length());
        }
        int hidden = idNumber.length() - 8;
        return idNumber.substring(0, 4) + "*".repeat(hidden) + idNumber.substring(idNumber.length() - 4);
    }

    /** A payment account number as exports show it: like an ID number, its first four and last four digits. */
    public static String accountNumber(String accountNo) {
        return idNumber(accountNo == null ? "" : accountNo);
    }

    /** {@code 张三丰} → {@code 张**}. Works on code points, so names outside the BMP are not split. */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.codePointAt(0);
        int rest = name.codePointCount(0, name.length()) - 1;
        return new StringBuilder().appendCodePoint(first).append("*".repeat(rest)).toString();
    }
}
