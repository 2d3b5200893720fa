package cn.gov.shanwei.xinyixing.payment.control;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The platform's daily bill (对账单), read and checked. Like WeChat Pay's and Alipay's trade bills it is one
 * file per day, ready the next morning, listing every successful payment of our merchant whose
 * <em>success time</em> falls on that day (China time), with a closing total; its SM3 digest comes in the
 * {@code X-Bill-Digest: SM3=<64 hex>} header. UTF-8, lines ending in LF:
 * <pre>
 * billDate,successTime,type,number,transactionId,amountFen
 * 2026-11-30,2026-11-30T22:00:01.123+08:00,DEDUCTION,D20261130...,4200000000000001,150
 * TOTAL,1,150
 * </pre>
 * {@code type} is {@code DEDUCTION} (number = our {@code outTradeNo}) or {@code REPAYMENT} (our
 * {@code repaymentNo}). A bill whose digest, shape, date or total is wrong is refused whole: nothing of it is
 * matched, and it is asked for again.
 */
public final class BillFile {

    static final String HEADER = "billDate,successTime,type,number,transactionId,amountFen";

    /** Why a downloaded bill was not read. */
    public enum Problem {
        BILL_DIGEST_MISSING,
        BILL_DIGEST_MISMATCH,
        BILL_MALFORMED,
        BILL_DATE_MISMATCH,
        BILL_TOTAL_MISMATCH
    }

    /** A bill that cannot be read; {@code detail} says where. */
    public static final class Refused extends RuntimeException {
        private final Problem problem;

        Refused(Problem problem, String detail) {
            super(problem + ": " + detail);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** A bill that was read: its date, its digest as checked, and its payments in file order. */
    public record Bill(LocalDate date, String digestHex, List<BillLine> lines) {
        public long amountFen() {
            return lines.stream().mapToLong(BillLine::amountFen).sum();
        }
    }

    private BillFile() {
    }

    /** The header value for a body, as the platform computes it (and as a stand-in must). */
    public static String digestHeader(byte[] body) {
        return "SM3=" + HexFormat.of().formatHex(SmCrypto.sm3(body));
    }

    public static Bill read(LocalDate date, byte[] body, String digestHeader) {
        if (digestHeader == null || !digestHeader.regionMatches(true, 0, "SM3=", 0, 4)) {
            throw new Refused(Problem.BILL_DIGEST_MISSING, "no X-Bill-Digest: SM3=… header");
        }
        String digest = digestHeader(body);
        if (!digest.equalsIgnoreCase(digestHeader.trim())) {
            throw new Refused(Problem.BILL_DIGEST_MISMATCH, "the body's SM3 is " + digest.substring(4));
        }
        String[] rows = new String(body, StandardCharsets.UTF_8).split("\n", -1);
        if (rows.length < 2 || !HEADER.equals(strip(rows[0]))) {
            throw new Refused(Problem.BILL_MALFORMED, "line 1: expected " + HEADER);
        }
        List<BillLine> lines = new ArrayList<>(rows.length);
        for (int i = 1; i < rows.length; i++) {
            String row = strip(rows[i]);
            if (row.startsWith("TOTAL,")) {
                checkTotal(row, i + 1, lines);
                checkNothingAfter(rows, i + 1);
                return new Bill(date, digest.substring(4).toLowerCase(), List.copyOf(lines));
            }
            lines.add(line(date, row, i + 1));
        }
        throw new Refused(Problem.BILL_MALFORMED, "no TOTAL line");
    }

    private static BillLine line(LocalDate date, String row, int lineNo) {
        String[] cells = row.split(",", -1);
        if (cells.length != 6) {
            throw new Refused(Problem.BILL_MALFORMED, "line " + lineNo + ": expected 6 fields");
        }
        if (!cells[0].equals(date.toString())) {
            throw new Refused(Problem.BILL_DATE_MISMATCH, "line " + lineNo + ": bill date " + cells[0]);
        }
        try {
            Instant successTime = OffsetDateTime.parse(cells[1]).toInstant();
            PaymentKind kind = PaymentKind.valueOf(cells[2]);
            long amount = Long.parseLong(cells[5]);
            if (cells[3].isEmpty() || amount <= 0) {
                throw new IllegalArgumentException("number or amount");
            }
            return new BillLine(kind, cells[3], cells[4], amount, successTime, lineNo);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new Refused(Problem.BILL_MALFORMED, "line " + lineNo + ": " + e.getMessage());
        }
    }

    private static void checkTotal(String row, int lineNo, List<BillLine> lines) {
        String[] cells = row.split(",", -1);
        try {
            long count = Long.parseLong(cells[1]);
            long amount = Long.parseLong(cells[2]);
            long sum = lines.stream().mapToLong(BillLine::amountFen).sum();
            if (cells.length != 3 || count != lines.size() || amount != sum) {
                throw new Refused(Problem.BILL_TOTAL_MISMATCH, "line " + lineNo + ": total says " + count + " lines, "
                        + amount + " fen; the lines are " + lines.size() + ", " + sum + " fen");
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new Refused(Problem.BILL_MALFORMED, "line " + lineNo + ": TOTAL,<lines>,<amountFen>");
        }
    }

    private static void checkNothingAfter(String[] rows, int from) {
        for (int i = from; i < rows.length; i++) {
            if (!strip(rows[i]).isEmpty()) {
                throw new Refused(Problem.BILL_MALFORMED, "line " + (i + 1) + ": after TOTAL");
            }
        }
    }

    private static String strip(String row) {
        return row.endsWith("\r") ? row.substring(0, row.length() - 1) : row;
    }
}
