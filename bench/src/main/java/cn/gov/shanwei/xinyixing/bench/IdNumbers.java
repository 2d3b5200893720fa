package cn.gov.shanwei.xinyixing.bench;

import java.time.LocalDate;

/**
 * Synthetic but valid resident ID numbers (GB 11643): region 441502 (汕尾市城区), a birth date, a 3-digit
 * sequence and the ISO 7064 MOD 11-2 check character. Number {@code n} of a series is born
 * {@code firstBirth + n / 1000} days and has sequence {@code n % 1000}, so a series of a million spans
 * 1000 birth days and every number in it is distinct; two series whose birth ranges do not overlap
 * never share a number.
 */
final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final String REGION = "441502";

    private final LocalDate firstBirth;

    IdNumbers(LocalDate firstBirth) {
        this.firstBirth = firstBirth;
    }

    String number(long n) {
        LocalDate birth = firstBirth.plusDays(n / 1000);
        StringBuilder id = new StringBuilder(18).append(REGION)
                .append(String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth()))
                .append(String.format("%03d", n % 1000));
        id.append(checkCharacter(id));
        return id.toString();
    }

    /** The last day of birth a series of {@code count} numbers uses. */
    LocalDate lastBirth(long count) {
        return firstBirth.plusDays((count - 1) / 1000);
    }

    static char checkCharacter(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
