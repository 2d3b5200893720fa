package cn.gov.shanwei.xinyixing.settlement.control;

/** Rides and their money, in fen. Sums are exact: fen are integers and never leave {@code long}. */
public record Totals(long rides, long originalFen, long chargedFen, long discountFen) {

    public static final Totals NONE = new Totals(0, 0, 0, 0);

    public Totals plus(Totals other) {
        return new Totals(rides + other.rides, originalFen + other.originalFen, chargedFen + other.chargedFen,
                discountFen + other.discountFen);
    }

    public Totals minus(Totals other) {
        return new Totals(rides - other.rides, originalFen - other.originalFen, chargedFen - other.chargedFen,
                discountFen - other.discountFen);
    }

    public boolean isZero() {
        return equals(NONE);
    }
}
