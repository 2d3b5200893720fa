package cn.gov.shanwei.xinyixing.eligibility.control;

/**
 * A fare split into what the citizen pays and what the city reimburses (R11), all in fen. Only
 * {@link Discount#apply(int, int)} makes these, so the split always adds up.
 *
 * @param originalFen the undiscounted fare
 * @param discountFen the part waived, paid to the bus company by the city
 * @param chargedFen  the part the citizen pays
 */
public record Fare(int originalFen, int discountFen, int chargedFen) {

    public Fare {
        if (originalFen < 0 || discountFen < 0 || chargedFen < 0 || discountFen + chargedFen != originalFen) {
            throw new IllegalArgumentException("inconsistent fare " + originalFen + " = " + discountFen + " + "
                    + chargedFen);
        }
    }
}
