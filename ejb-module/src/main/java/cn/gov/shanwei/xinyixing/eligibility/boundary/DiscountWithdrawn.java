package cn.gov.shanwei.xinyixing.eligibility.boundary;

/**
 * Fired in the deciding transaction when a person who had the 信易行 discount no longer has it
 * before their entitlement's own end date: their ride codes must stop now, not at the next
 * renewal.
 *
 * @param idNumberIndex the person's keyed ID index (never the ID number itself)
 * @param cause         what took the discount away
 */
public record DiscountWithdrawn(byte[] idNumberIndex, Cause cause) {

    /** What took the discount away. */
    public enum Cause {
        /** A red-list removal left the person without a qualifying entry. */
        REDLIST_REMOVED,
        /** The card operator registered another concession for the person (R4: no stacking). */
        OTHER_CONCESSION
    }

    public DiscountWithdrawn {
        idNumberIndex = idNumberIndex.clone();
    }

    @Override
    public byte[] idNumberIndex() {
        return idNumberIndex.clone();
    }

    @Override
    public String toString() {
        return "DiscountWithdrawn[" + cause + "]";
    }
}
