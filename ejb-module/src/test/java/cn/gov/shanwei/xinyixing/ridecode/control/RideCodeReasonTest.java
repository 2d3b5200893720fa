package cn.gov.shanwei.xinyixing.ridecode.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RideCodeReasonTest {

    @Test
    void everyReasonHasItsOwnChineseAndEnglishMessage() {
        Set<String> zh = new HashSet<>();
        Set<String> en = new HashSet<>();
        for (RideCodeReason reason : RideCodeReason.values()) {
            assertTrue(reason.messageZh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), reason + " needs Chinese");
            assertTrue(reason.messageEn().matches("[A-Z][\\x20-\\x7E]+"), reason + " needs English");
            assertTrue(zh.add(reason.messageZh()), reason + " repeats a Chinese message");
            assertTrue(en.add(reason.messageEn()), reason + " repeats an English message");
            assertEquals(reason.messageZh() + " / " + reason.messageEn(), reason.message());
        }
    }

    @Test
    void reasonsAreDeclaredInTheOrderOfTheChecks() {
        int previous = 0;
        for (RideCodeReason reason : RideCodeReason.values()) {
            assertTrue(reason.step() >= previous, reason + " is out of order");
            previous = reason.step();
        }
        assertEquals(0, RideCodeReason.OK.step());
        assertEquals(8, RideCodeReason.ENTITLEMENT_EXPIRED.step());
        assertEquals(8, RideCodeReason.AMOUNT_LIMIT_EXCEEDED.step());
        assertEquals(14, RideCodeReason.values().length);
    }
}
