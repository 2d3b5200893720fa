package cn.gov.shanwei.xinyixing.redlist.control;

import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.batch;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.bloodDonor;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.change;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.charityDonor;
import static cn.gov.shanwei.xinyixing.redlist.control.TestBatches.validBatch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CanonicalFormTest {

    /** Written by hand from the rules in the class Javadoc; the platform's developers can compare with it. */
    @Test
    void fixedExampleMatchesTheDocumentedFormat() {
        String expected = """
                XYX-REDLIST-BATCH-V1
                XYSW-2024-0001
                7
                2024-05-01T08:00:00Z
                3
                ADD|441502198503120020|张三|BLOOD_DONOR||4200||||2024-03-01|2024-04-01|2026-03-31|汕血〔2024〕3号|HOUSEHOLD
                CHANGE|441501199007071010|李四|CHARITY_DONOR|MUNICIPAL||10000|3|A||2024-01-01|2025-12-31|doc|HABITUAL
                REMOVE|11010519491231002X||MODEL_WORKER||||||||||
                """;

        assertEquals(expected, CanonicalForm.text(validBatch()));
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), CanonicalForm.of(validBatch()));
    }

    @Test
    void everyLineEndsWithLineFeedAndThereIsNoCarriageReturn() {
        byte[] bytes = CanonicalForm.of(validBatch());

        assertEquals('\n', bytes[bytes.length - 1]);
        assertEquals(-1, new String(bytes, StandardCharsets.UTF_8).indexOf('\r'));
    }

    @Test
    void chineseIsEncodedAsUtf8() {
        byte[] bytes = CanonicalForm.of(batch(bloodDonor()));
        String hex = HexFormat.of().formatHex(bytes);

        // |张三| : 7C, then 张 U+5F20 = E5 BC A0 and 三 U+4E09 = E4 B8 89, then 7C
        assertTrue(hex.contains("7ce5bca0e4b8897c"), hex);
    }

    @Test
    void backslashBarAndLineFeedAreEscapedEverywhere() {
        EntryMessage tricky = change(bloodDonor(), f -> {
            f.name = "王\\五|x\ny";
            f.sourceDocument = "a\rb";
        });
        BatchMessage batch = new BatchMessage("B|1\\2\n", 1, Instant.parse("2024-05-01T08:00:00.500Z"),
                TestBatches.list(tricky), null);

        String expected = "XYX-REDLIST-BATCH-V1\n"
                + "B\\|1\\\\2\\n\n"
                + "1\n"
                + "2024-05-01T08:00:00.500Z\n"
                + "1\n"
                + "ADD|441502198503120020|王\\\\五\\|x\\ny|BLOOD_DONOR||4200||||2024-03-01|2024-04-01|2026-03-31"
                + "|a\rb|HOUSEHOLD\n";
        assertEquals(expected, CanonicalForm.text(batch));
    }

    @Test
    void escapingKeepsFieldBoundariesUnambiguous() {
        EntryMessage barInName = change(bloodDonor(), f -> {
            f.name = "张|三";
            f.categoryCode = "X";
        });
        EntryMessage barInCategory = change(bloodDonor(), f -> {
            f.name = "张";
            f.categoryCode = "三|X";
        });

        assertNotEquals(CanonicalForm.text(batch(barInName)), CanonicalForm.text(batch(barInCategory)));
    }

    @Test
    void donationIsWrittenWithoutTrailingZerosOrExponent() {
        assertEquals(CanonicalForm.text(batch(withDonation("10000"))),
                CanonicalForm.text(batch(withDonation("10000.00"))));
        assertTrue(CanonicalForm.text(batch(withDonation("1E+4"))).contains("|10000|"));
        assertTrue(CanonicalForm.text(batch(withDonation("12.50"))).contains("|12.5|"));
        assertTrue(CanonicalForm.text(batch(withDonation("0.00"))).contains("|MUNICIPAL||0|"));
    }

    @Test
    void aMalformedMessageStillHasACanonicalForm() {
        BatchMessage empty = new BatchMessage(null, 0, null, null, null);
        assertEquals("XYX-REDLIST-BATCH-V1\n\n0\n\n0\n", CanonicalForm.text(empty));

        BatchMessage nullEntry = new BatchMessage("B", 1, null, TestBatches.list((EntryMessage) null), null);
        assertEquals("XYX-REDLIST-BATCH-V1\nB\n1\n\n1\n|||||||||||||\n", CanonicalForm.text(nullEntry));
    }

    @Test
    void theSignatureItselfIsNotPartOfTheSignedBytes() {
        assertArrayEquals(CanonicalForm.of(validBatch()),
                CanonicalForm.of(validBatch().withSignature(new byte[64])));
    }

    private static EntryMessage withDonation(String amount) {
        return change(charityDonor(),
                f -> f.details = new CategoryDetails(f.details.level(), null, new BigDecimal(amount), 3, "A"));
    }
}
