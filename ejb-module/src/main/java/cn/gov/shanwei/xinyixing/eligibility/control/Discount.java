package cn.gov.shanwei.xinyixing.eligibility.control;

/**
 * The one rounding rule for money in 信易行. The same figure is charged to the citizen, reported by
 * the card operator (R10) and reimbursed to the bus company (R11), so it must be computed in one
 * place, in whole fen, without floating point.
 *
 * <p>Rule: {@code discountFen = fareFen × rateBasisPoints / 10000}, rounded half up to a whole fen;
 * {@code chargedFen = fareFen − discountFen}. A half fen goes to the citizen: a 1 fen fare at 50 %
 * is discounted by 1 fen and costs nothing. Examples: 200 fen at 5000 bp → 100 off, 100 charged;
 * 250 fen at 3333 bp → 83.325 → 83 off, 167 charged.
 */
public final class Discount {

    /** 10000 basis points: the whole fare. */
    public static final int FULL_BP = 10_000;

    private Discount() {
    }

    /**
     * @param fareFen         the undiscounted fare in fen, not negative
     * @param rateBasisPoints share waived, 0..10000
     * @throws IllegalArgumentException when either is out of range
     */
    public static Fare apply(int fareFen, int rateBasisPoints) {
        if (fareFen < 0) {
            throw new IllegalArgumentException("fare must not be negative: " + fareFen);
        }
        if (rateBasisPoints < 0 || rateBasisPoints > FULL_BP) {
            throw new IllegalArgumentException("rate must be 0..10000 basis points: " + rateBasisPoints);
        }
        // Exact integer arithmetic; long because fare × 10000 can exceed an int. Adding half the
        // divisor before the (truncating) division rounds half up for non-negative values.
        long discount = ((long) fareFen * rateBasisPoints + FULL_BP / 2) / FULL_BP;
        return new Fare(fareFen, (int) discount, fareFen - (int) discount);
    }
}
