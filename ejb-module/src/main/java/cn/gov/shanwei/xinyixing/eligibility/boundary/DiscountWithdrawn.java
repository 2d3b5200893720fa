package cn.gov.shanwei.xinyixing.eligibility.boundary;

import java.util.List;

/**
 * Fired in the deciding transaction when a person who had the 信易行 discount no longer has it
 * before their entitlement's own end date: their ride codes must stop now, not at the next
 * renewal.
 *
 * @param idNumberIndexes the person's keyed ID indexes, one per configured index key (never the ID
 *                        number itself), so rows not yet moved by a key rotation are found too
 * @param cause           what took the discount away
 */
public record DiscountWithdrawn(List<byte[]> idNumberIndexes, Cause cause) {

    /** What took the discount away. */
    public enum Cause {
        /** A red-list removal left the person without a qualifying entry. */
        REDLIST_REMOVED,
        /** The card operator registered another concession for the person (R4: no stacking). */
        OTHER_CONCESSION
    }

    public DiscountWithdrawn {
        idNumberIndexes = idNumberIndexes.stream().map(byte[]::clone).toList();
    }

    @Override
    public List<byte[]> idNumberIndexes() {
        return idNumberIndexes.stream().map(byte[]::clone).toList();
    }

    @Override
    public String toString() {
        return "DiscountWithdrawn[" + cause + "]";
    }
}
