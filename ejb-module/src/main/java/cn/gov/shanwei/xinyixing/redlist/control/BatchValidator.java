package cn.gov.shanwei.xinyixing.redlist.control;

import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides whether a red-list batch may be applied. Because a batch is applied all or nothing (R1), this
 * reports every problem at once — batch-level ones with index {@link Rejection#WHOLE_BATCH}, entry ones with
 * the entry's zero-based index — so the platform can correct the batch in one round trip. An empty answer
 * means the batch may be applied.
 *
 * <p>The signature is not checked here: the boundary verifies it first with {@link BatchSignature}, so that
 * nothing about unauthenticated data is reported back. Eligibility (thresholds, residency, no stacking) is not
 * decided here either: a listed person who does not qualify for the discount is still correctly listed.
 *
 * <p>Plain Java and stateless, so it is thread-safe and tested without a container. Incoming data may be
 * missing anywhere; that gives rejections, never exceptions. The arguments supplied by the caller
 * ({@code categories}, {@code today}) must not be null.
 */
public final class BatchValidator {

    /**
     * @param batch      the message as received
     * @param categories the category catalogue: the figure a category needs, or empty for an unknown code
     * @param maxEntries the most entries one batch may have
     * @param today      the day of intake, from the application clock; birth dates may not be after it
     * @return every problem found, batch-level first, then by entry index; empty if the batch is acceptable
     */
    public List<Rejection> validate(BatchMessage batch, Function<String, Optional<RequiredFigure>> categories,
                                    int maxEntries, LocalDate today) {
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(today, "today");
        List<Rejection> out = new ArrayList<>();
        if (batch == null) {
            out.add(Rejection.of(Rejection.WHOLE_BATCH, RejectionCode.MALFORMED_MESSAGE, "没有批次", "no batch"));
            return out;
        }
        checkHeader(batch, out);
        List<EntryMessage> entries = batch.entries();
        if (entries == null) {
            out.add(malformed("条目列表", "entries"));
            return out;
        }
        if (entries.isEmpty()) {
            out.add(Rejection.ofBatch(RejectionCode.BATCH_EMPTY));
            return out;
        }
        if (entries.size() > maxEntries) {
            // Such a batch is refused whatever its entries say; not looking at them bounds the work and the
            // size of the reply for an oversized (possibly hostile) message. The platform must split it anyway.
            out.add(Rejection.of(Rejection.WHOLE_BATCH, RejectionCode.BATCH_TOO_LARGE,
                    "上限为" + maxEntries + "条，收到" + entries.size() + "条",
                    "at most " + maxEntries + ", received " + entries.size()));
            return out;
        }
        EntryRules rules = new EntryRules(categories, today);
        Set<ListingKey> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            EntryMessage entry = entries.get(i);
            rules.check(i, entry, out);
            ListingKey key = ListingKey.of(entry);
            if (key != null && !seen.add(key)) {
                // The later occurrence is the one reported: the first is the one the platform meant to send.
                out.add(Rejection.of(i, RejectionCode.DUPLICATE_ENTRY));
            }
        }
        return out;
    }

    private static void checkHeader(BatchMessage batch, List<Rejection> out) {
        if (EntryRules.isBlank(batch.batchId())) {
            out.add(malformed("批次号", "batch id"));
        }
        // Sequence numbers start at 1; 0 is what a message without one parses to, and the intake status
        // uses it for "nothing applied yet".
        if (batch.sequenceNo() < 1) {
            out.add(malformed("批次序号", "sequence number"));
        }
        if (batch.issuedAt() == null) {
            out.add(malformed("签发时间", "issue time"));
        }
    }

    private static Rejection malformed(String chineseField, String englishField) {
        return Rejection.of(Rejection.WHOLE_BATCH, RejectionCode.MALFORMED_MESSAGE,
                "缺少" + chineseField, englishField + " missing");
    }

    /**
     * What identifies a listing: one person in one category. The ID number is compared as the protected store
     * compares it (trimmed, x as X), so two spellings of one number cannot both get in.
     */
    private record ListingKey(String idNumber, String categoryCode) {

        static ListingKey of(EntryMessage entry) {
            if (entry == null || EntryRules.isBlank(entry.idNumber()) || EntryRules.isBlank(entry.categoryCode())) {
                return null;
            }
            return new ListingKey(entry.idNumber().strip().toUpperCase(Locale.ROOT), entry.categoryCode());
        }

        @Override
        public String toString() {
            return "ListingKey[" + Masking.idNumber(idNumber) + ", " + categoryCode + "]";
        }
    }
}
