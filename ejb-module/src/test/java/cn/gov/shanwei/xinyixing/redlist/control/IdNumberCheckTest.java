package cn.gov.shanwei.xinyixing.redlist.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Check characters in this file were worked out by hand with the MOD 11-2 weights, not by the code under test. */
class IdNumberCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 5, 1);

    @ParameterizedTest
    @ValueSource(strings = {
            "441502198503120020",
            "441501199007071010",
            "11010519491231002X",
            "11010519491231002x", // lowercase check character means X
            "441502200002290013", // 29 February in a leap year
            "44150219000101001X", // earliest birth date allowed
            "821502198503120013"  // Hong Kong / Macao / Taiwan residence permits use 81-83
    })
    void validNumbersPass(String idNumber) {
        assertEquals(Optional.empty(), IdNumberCheck.check(idNumber, TODAY));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "44150219850312002",    // 17 characters
            "4415021985031200200",  // 19 characters
            "44150219850312002Y",   // check character neither digit nor X
            "4415021985031X0020",   // X only allowed last
            " 441502198503120020",  // surrounding space
            "４41502198503120020"   // full-width digit
    })
    void malformedNumbersAreFormatProblems(String idNumber) {
        assertEquals(Optional.of(IdNumberProblem.FORMAT), IdNumberCheck.check(idNumber, TODAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "441502198503120021", // check character changed (0 is right)
            "441502198503120120", // a serial digit mistyped (…0020 is right)
            "110105194912310020"  // X replaced by 0
    })
    void aWrongCheckCharacterIsReported(String idNumber) {
        assertEquals(Optional.of(IdNumberProblem.CHECK_DIGIT), IdNumberCheck.check(idNumber, TODAY));
    }

    @Test
    void aMistypedDigitIsCaughtByTheCheckCharacter() {
        // 441502198503120039 is valid; with two serial digits swapped, its check character no longer fits.
        assertEquals(Optional.empty(), IdNumberCheck.check("441502198503120039", TODAY));
        assertEquals(Optional.of(IdNumberProblem.CHECK_DIGIT), IdNumberCheck.check("441502198503120309", TODAY));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "441502198502300011", // 30 February
            "441502189912310015", // 1899, before 1900
            "441502202406010013"  // after today (2024-05-01)
    })
    void anImpossibleBirthDateIsReported(String idNumber) {
        assertEquals(Optional.of(IdNumberProblem.BIRTH_DATE), IdNumberCheck.check(idNumber, TODAY));
    }

    @Test
    void someoneBornTodayIsAccepted() {
        assertEquals(Optional.empty(), IdNumberCheck.check("441501202401010026", LocalDate.of(2024, 1, 1)));
        assertEquals(Optional.of(IdNumberProblem.BIRTH_DATE),
                IdNumberCheck.check("441501202401010026", LocalDate.of(2023, 12, 31)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "99150219850312001X", // no province 99
            "101502198503120014", // no province 10
            "72150219850312001X"  // no province 72
    })
    void anUnknownProvinceIsReported(String idNumber) {
        assertEquals(Optional.of(IdNumberProblem.REGION), IdNumberCheck.check(idNumber, TODAY));
    }

    @Test
    void shanweiNumbersStartWith4415() {
        assertTrue(IdNumberCheck.isShanweiRegion("441502198503120020"));
        assertTrue(IdNumberCheck.isShanweiRegion("441581199912310015"));
        assertFalse(IdNumberCheck.isShanweiRegion("440301198503120020"));
        assertFalse(IdNumberCheck.isShanweiRegion("11010519491231002X"));
        assertFalse(IdNumberCheck.isShanweiRegion(null));
    }
}
