package cn.gov.shanwei.xinyixing.redlist.control;

import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The exact bytes the credit platform signs for a red-list batch. The signature covers this text, not the
 * XML or JSON it travelled in, so a SOAP batch and a REST batch with the same content verify the same way
 * and neither side has to canonicalise XML or JSON.
 *
 * <h2>Format {@code XYX-REDLIST-BATCH-V1}</h2>
 * The text is encoded as UTF-8 without a byte-order mark. It is a sequence of lines; <em>every</em> line,
 * the last one included, ends with a single LF (0x0A). There is no CR.
 * <ol>
 *   <li>{@code XYX-REDLIST-BATCH-V1}</li>
 *   <li>batch id</li>
 *   <li>sequence number, in decimal without leading zeros or sign (e.g. {@code 42})</li>
 *   <li>issuedAt in UTC as Java's {@code Instant.toString()} writes it: {@code yyyy-MM-ddTHH:mm:ssZ}, with
 *       a fraction of a second only when it is not zero, written as 3, 6 or 9 digits (the fewest that hold
 *       it): {@code 2024-05-01T08:00:00Z}, {@code 2024-05-01T08:00:00.500Z},
 *       {@code 2024-05-01T08:00:00.000001Z}</li>
 *   <li>number of entries, in decimal</li>
 *   <li>then one line per entry, in the order of the message, with these 14 fields separated by {@code |}:
 *     <ol>
 *       <li>operation: {@code ADD}, {@code CHANGE} or {@code REMOVE}</li>
 *       <li>ID number, exactly as sent (no trimming, no change of case)</li>
 *       <li>name</li>
 *       <li>category code</li>
 *       <li>level: {@code COUNTY}, {@code MUNICIPAL}, {@code PROVINCIAL} or {@code NATIONAL}</li>
 *       <li>blood in ml: decimal integer, {@code -} for a negative number</li>
 *       <li>donation in yuan: the decimal number with trailing fractional zeros removed and no exponent,
 *           i.e. Java's {@code stripTrailingZeros().toPlainString()}: {@code 10000.00} and {@code 10000} are
 *           both {@code 10000}, {@code 12.50} is {@code 12.5}, {@code 0.00} is {@code 0}</li>
 *       <li>volunteer stars: decimal integer</li>
 *       <li>taxpayer grade</li>
 *       <li>recognised on: ISO date {@code yyyy-MM-dd}</li>
 *       <li>valid from: ISO date {@code yyyy-MM-dd}</li>
 *       <li>valid to: ISO date {@code yyyy-MM-dd}</li>
 *       <li>source document</li>
 *       <li>residency: {@code HOUSEHOLD}, {@code HABITUAL} or {@code OTHER}</li>
 *     </ol>
 *   </li>
 * </ol>
 * An absent value (null) is written as the empty string, so absent and empty sign the same; both count as
 * missing in validation. Entry details that are absent as a whole write fields 5 to 9 empty. In every value,
 * header lines included, a backslash is written {@code \\}, a {@code |} is written {@code \|} and a line feed
 * is written {@code \n} (backslash, letter n); these three replacements are made in one left-to-right pass and
 * all other characters, CR and other control characters included, are written as they are.
 *
 * <p>Example: batch {@code XYSW-2024-0001}, sequence 1, issued 2024-05-01 08:00 UTC, one blood donor:
 * <pre>
 * XYX-REDLIST-BATCH-V1
 * XYSW-2024-0001
 * 1
 * 2024-05-01T08:00:00Z
 * 1
 * ADD|441502198503120020|张三|BLOOD_DONOR||4200||||2024-03-01|2024-04-01|2026-03-31|汕血〔2024〕3号|HOUSEHOLD
 * </pre>
 * The signature is SM2 with SM3 and the default user id {@code 1234567812345678} (GB/T 32918) over these
 * bytes, sent as the raw 64 bytes r ‖ s; see {@link BatchSignature}.
 *
 * <p>A malformed message still has a canonical form (missing header values are empty, a missing entries list
 * counts 0, a missing entry is a line of 14 empty fields), so checking its signature never throws.
 */
public final class CanonicalForm {

    /** The first line; a future incompatible format gets a new name, so old signatures cannot be replayed. */
    public static final String VERSION_LINE = "XYX-REDLIST-BATCH-V1";

    private static final char SEPARATOR = '|';
    private static final char END_OF_LINE = '\n';

    private CanonicalForm() {
    }

    /** The UTF-8 bytes to sign or verify; the batch's own signature is not part of them. */
    public static byte[] of(BatchMessage batch) {
        return text(batch).getBytes(StandardCharsets.UTF_8);
    }

    /** The same as {@link #of} before encoding; handy when a platform developer compares outputs. */
    public static String text(BatchMessage batch) {
        List<EntryMessage> entries = batch.entries() == null ? List.of() : batch.entries();
        StringBuilder out = new StringBuilder(128 + 128 * entries.size());
        line(out, VERSION_LINE);
        line(out, escape(batch.batchId()));
        line(out, Long.toString(batch.sequenceNo()));
        line(out, batch.issuedAt() == null ? "" : batch.issuedAt().toString());
        line(out, Integer.toString(entries.size()));
        for (EntryMessage entry : entries) {
            appendEntry(out, entry);
        }
        return out.toString();
    }

    private static void appendEntry(StringBuilder out, EntryMessage entry) {
        EntryMessage e = entry == null
                ? new EntryMessage(null, null, null, null, null, null, null, null, null, null)
                : entry;
        CategoryDetails d = e.details() == null ? CategoryDetails.NONE : e.details();
        out.append(escape(e.operation())).append(SEPARATOR)
                .append(escape(e.idNumber())).append(SEPARATOR)
                .append(escape(e.name())).append(SEPARATOR)
                .append(escape(e.categoryCode())).append(SEPARATOR)
                .append(escape(d.level())).append(SEPARATOR)
                .append(escape(d.bloodMl())).append(SEPARATOR)
                .append(yuan(d.donationYuan())).append(SEPARATOR)
                .append(escape(d.volunteerStars())).append(SEPARATOR)
                .append(escape(d.taxpayerGrade())).append(SEPARATOR)
                .append(escape(e.recognisedOn())).append(SEPARATOR)
                .append(escape(e.validFrom())).append(SEPARATOR)
                .append(escape(e.validTo())).append(SEPARATOR)
                .append(escape(e.sourceDocument())).append(SEPARATOR)
                .append(escape(e.residency()))
                .append(END_OF_LINE);
    }

    // One spelling per amount: 10000, 10000.0 and 10000.00 are the same donation and must sign the same.
    private static String yuan(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }

    private static void line(StringBuilder out, String value) {
        out.append(value).append(END_OF_LINE);
    }

    /** Enums, numbers and dates print with {@code toString()}, which for all of them is the documented form. */
    private static String escape(Object value) {
        return value == null ? "" : escape(value.toString());
    }

    /** Escapes so that {@code |} and LF stay unambiguous separators, and so the escape is reversible. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
