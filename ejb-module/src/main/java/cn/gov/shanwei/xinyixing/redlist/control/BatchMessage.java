package cn.gov.shanwei.xinyixing.redlist.control;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A signed red-list batch from the credit platform (信用汕尾), the same whether it came over SOAP or REST.
 * A batch is applied all or nothing (R1), so it is validated as a whole before any entry is used.
 *
 * <p>Any field may be missing in a malformed message; {@link BatchValidator} says so rather than this
 * record refusing to exist, because a rejection the platform can read is worth more than a parse error.
 *
 * @param batchId    the platform's identifier of the batch
 * @param sequenceNo the batch's place in the platform's sequence, from 1; a batch must follow the last one
 *                   applied
 * @param issuedAt   when the platform issued the batch
 * @param entries    the entries in the platform's order; rejections refer to them by zero-based index
 * @param signature  raw 64-byte SM2 r ‖ s over SM3 of {@link CanonicalForm#of}; null or empty if unsigned
 */
public record BatchMessage(String batchId, long sequenceNo, Instant issuedAt, List<EntryMessage> entries,
                           byte[] signature) {

    /** The same batch carrying the given signature; how a signer (tests, the platform stub) completes it. */
    public BatchMessage withSignature(byte[] newSignature) {
        return new BatchMessage(batchId, sequenceNo, issuedAt, entries, newSignature);
    }

    // A record compares arrays by reference; two copies of one message must be equal.
    @Override
    public boolean equals(Object other) {
        return other instanceof BatchMessage that
                && sequenceNo == that.sequenceNo
                && Objects.equals(batchId, that.batchId)
                && Objects.equals(issuedAt, that.issuedAt)
                && Objects.equals(entries, that.entries)
                && Arrays.equals(signature, that.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batchId, sequenceNo, issuedAt, entries, Arrays.hashCode(signature));
    }

    /** Lists the entry count rather than the entries, which are personal data, and the signature in hex. */
    @Override
    public String toString() {
        return "BatchMessage[" + batchId + " #" + sequenceNo + ", issuedAt=" + issuedAt + ", "
                + (entries == null ? "no entries list" : entries.size() + " entries") + ", signature="
                + (signature == null ? "none" : HexFormat.of().formatHex(signature)) + "]";
    }
}
