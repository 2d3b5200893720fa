package cn.gov.shanwei.xinyixing.platform.masking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void idNumberKeepsRegionAndLastFour() {
        assertEquals("4415**********123X", Masking.idNumber("44150219900101123X"));
    }

    @Test
    void shortOrMissingIdNumbersRevealNothing() {
        assertEquals("********", Masking.idNumber("44150219"));
        assertEquals("", Masking.idNumber(null));
    }

    @Test
    void nameKeepsOnlyTheFirstCharacter() {
        assertEquals("张**", Masking.name("张三丰"));
        assertEquals("欧*", Masking.name("欧阳"));
        assertEquals("", Masking.name(""));
    }

    @Test
    void nameMaskCountsCharactersNotUtf16Units() {
        // 𠮷 lies outside the BMP (two UTF-16 units) and must not be split
        assertEquals("𠮷*", Masking.name("𠮷野"));
        assertEquals("李*", Masking.name("李𠮷"));
    }
}
