package cn.gov.shanwei.xinyixing.platform.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The project's own constraints, and the Base64 pattern's promise that matching text decodes. */
class ConstraintValidatorsTest {

    @ItemCount(min = 1, max = 2)
    @Between(min = 0, max = 10_000)
    private static final Object ANNOTATED = null;

    @Test
    void itemCountRefusesNoneAndTooMany() throws Exception {
        ItemCount.Validator count = new ItemCount.Validator();
        count.initialize(annotation(ItemCount.class));
        assertFalse(count.isValid(null, null));
        assertFalse(count.isValid(List.of(), null));
        assertTrue(count.isValid(List.of(1), null));
        assertTrue(count.isValid(List.of(1, 2), null));
        assertFalse(count.isValid(List.of(1, 2, 3), null));
    }

    @Test
    void betweenIsInclusiveAndLeavesNullToNotNull() throws Exception {
        Between.Validator between = new Between.Validator();
        between.initialize(annotation(Between.class));
        assertTrue(between.isValid(null, null));
        assertTrue(between.isValid(0, null));
        assertTrue(between.isValid(10_000, null));
        assertFalse(between.isValid(-1, null));
        assertFalse(between.isValid(10_001L, null));
    }

    @Test
    void textMatchingTheBase64PatternAlwaysDecodes() {
        Pattern base64 = Pattern.compile(RequestPatterns.BASE64);
        for (String text : List.of("", "AAAA", "AAA=", "AA==", "QUJDREVGRw==", "+/+/")) {
            assertTrue(base64.matcher(text).matches(), text);
            Base64.getDecoder().decode(text);
        }
        for (String text : List.of("A", "AA", "AAA", "A===", "AA=A", "not*base64", "AAAA\n")) {
            assertFalse(base64.matcher(text).matches(), text);
        }
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(Class<A> type) throws Exception {
        return ConstraintValidatorsTest.class.getDeclaredField("ANNOTATED").getAnnotation(type);
    }
}
