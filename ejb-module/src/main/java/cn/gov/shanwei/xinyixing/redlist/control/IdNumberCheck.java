package cn.gov.shanwei.xinyixing.redlist.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an 18-character PRC resident ID number (GB 11643-1999) as far as it can be checked offline: shape,
 * ISO 7064 MOD 11-2 check character, birth date and province-level region. A number that passes may still
 * belong to nobody; what this catches is the typing and transcription errors that would otherwise put a
 * listing on the wrong person, or on no one.
 *
 * <p>The check character may be a lowercase x; it means X. Nothing else is normalised: a number with spaces
 * around it is a {@link IdNumberProblem#FORMAT} problem, because the platform should send it clean.
 */
public final class IdNumberCheck {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    /**
     * Province-level codes of GB/T 2260 (71 is Taiwan), plus 81, 82 and 83, which start the numbers on the
     * residence permits issued since 2018 to residents of Hong Kong, Macao and Taiwan.
     */
    private static final Set<Integer> PROVINCES = Set.of(
            11, 12, 13, 14, 15,
            21, 22, 23,
            31, 32, 33, 34, 35, 36, 37,
            41, 42, 43, 44, 45, 46,
            50, 51, 52, 53, 54,
            61, 62, 63, 64, 65,
            71, 81, 82, 83);

    private IdNumberCheck() {
    }

    /**
     * The first problem found, in the order format, check character, birth date, region; empty when the
     * number is fine. The check character comes before the date and region because a wrong one points at a
     * mistyped digit anywhere, which is the likelier story than a fabricated date.
     *
     * @param today the day a birth date may not be after; from the application clock
     */
    public static Optional<IdNumberProblem> check(String idNumber, LocalDate today) {
        if (!wellFormed(idNumber)) {
            return Optional.of(IdNumberProblem.FORMAT);
        }
        if (Character.toUpperCase(idNumber.charAt(17)) != expectedCheckCharacter(idNumber)) {
            return Optional.of(IdNumberProblem.CHECK_DIGIT);
        }
        if (!plausibleBirthDate(idNumber, today)) {
            return Optional.of(IdNumberProblem.BIRTH_DATE);
        }
        if (!PROVINCES.contains(Integer.parseInt(idNumber.substring(0, 2)))) {
            return Optional.of(IdNumberProblem.REGION);
        }
        return Optional.empty();
    }

    /** Whether the number was issued in Shanwei (prefecture code 4415); says nothing about where one lives now. */
    public static boolean isShanweiRegion(String idNumber) {
        return idNumber != null && idNumber.startsWith("4415");
    }

    private static boolean wellFormed(String idNumber) {
        if (idNumber == null || idNumber.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(idNumber.charAt(i))) {
                return false;
            }
        }
        char last = idNumber.charAt(17);
        return isAsciiDigit(last) || last == 'X' || last == 'x';
    }

    // Character.isDigit would also accept full-width and other scripts' digits.
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char expectedCheckCharacter(String idNumber) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (idNumber.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean plausibleBirthDate(String idNumber, LocalDate today) {
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(idNumber.substring(6, 10)),
                    Integer.parseInt(idNumber.substring(10, 12)),
                    Integer.parseInt(idNumber.substring(12, 14)));
        } catch (DateTimeException notADate) {
            return false;
        }
        return !birth.isBefore(EARLIEST_BIRTH) && !birth.isAfter(today);
    }
}
