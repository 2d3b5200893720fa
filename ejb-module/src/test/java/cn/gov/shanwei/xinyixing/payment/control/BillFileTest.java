package cn.gov.shanwei.xinyixing.payment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BillFileTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);

    private static final String BILL = """
            billDate,successTime,type,number,transactionId,amountFen
            2026-11-30,2026-11-30T22:00:01.123+08:00,DEDUCTION,XYXD001,4200000000000001,150
            2026-11-30,2026-11-30T23:59:59.999+08:00,REPAYMENT,XYXR001,4200000000000002,450
            TOTAL,2,600
            """;

    private static BillFile.Problem problem(String body, String digest) {
        return assertThrows(BillFile.Refused.class, () -> BillFile.read(DAY, bytes(body), digest)).problem();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBillWhoseDigestMatchesIsReadLineByLine() {
        BillFile.Bill bill = BillFile.read(DAY, bytes(BILL), BillFile.digestHeader(bytes(BILL)));
        assertEquals(2, bill.lines().size());
        assertEquals(600, bill.amountFen());
        BillLine first = bill.lines().get(0);
        assertEquals(new BillLine(PaymentKind.DEDUCTION, "XYXD001", "4200000000000001", 150,
                Instant.parse("2026-11-30T14:00:01.123Z"), 2), first);
        assertEquals(PaymentKind.REPAYMENT, bill.lines().get(1).kind());
        assertEquals(64, bill.digestHex().length());
    }

    @Test
    void aChangedByteOrAMissingDigestRefusesTheWholeBill() {
        String digest = BillFile.digestHeader(bytes(BILL));
        assertEquals(BillFile.Problem.BILL_DIGEST_MISMATCH, problem(BILL.replace(",150", ",151"), digest));
        assertEquals(BillFile.Problem.BILL_DIGEST_MISSING, problem(BILL, null));
        assertEquals(BillFile.Problem.BILL_DIGEST_MISSING, problem(BILL, "SHA1=00"));
    }

    @Test
    void aWrongTotalShapeOrDateIsRefusedEvenWithTheRightDigest() {
        assertEquals(BillFile.Problem.BILL_TOTAL_MISMATCH, signedProblem(BILL.replace("TOTAL,2,600", "TOTAL,2,601")));
        assertEquals(BillFile.Problem.BILL_TOTAL_MISMATCH, signedProblem(BILL.replace("TOTAL,2,600", "TOTAL,3,600")));
        assertEquals(BillFile.Problem.BILL_MALFORMED, signedProblem(BILL.replace("TOTAL,2,600\n", "")));
        assertEquals(BillFile.Problem.BILL_MALFORMED, signedProblem(BILL.replace(",150", ",abc")));
        assertEquals(BillFile.Problem.BILL_MALFORMED, signedProblem(BILL.replace(",150", ",-150")));
        assertEquals(BillFile.Problem.BILL_MALFORMED, signedProblem(BILL.replace("DEDUCTION", "REFUND")));
        assertEquals(BillFile.Problem.BILL_MALFORMED, signedProblem("number,amount\n" + BILL));
        assertEquals(BillFile.Problem.BILL_MALFORMED, signedProblem(BILL + "2026-11-30,x\n"));
        assertEquals(BillFile.Problem.BILL_DATE_MISMATCH, signedProblem(BILL.replace("\n2026-11-30,2026-11-30T22", "\n2026-11-29,2026-11-30T22")));
    }

    @Test
    void windowsLineEndsAndAnEmptyDayAreRead() {
        String crlf = BILL.replace("\n", "\r\n");
        assertEquals(2, BillFile.read(DAY, bytes(crlf), BillFile.digestHeader(bytes(crlf))).lines().size());
        String empty = "billDate,successTime,type,number,transactionId,amountFen\nTOTAL,0,0\n";
        assertEquals(0, BillFile.read(DAY, bytes(empty), BillFile.digestHeader(bytes(empty))).lines().size());
    }

    private static BillFile.Problem signedProblem(String body) {
        return problem(body, BillFile.digestHeader(bytes(body)));
    }
}
