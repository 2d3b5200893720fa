package cn.gov.shanwei.xinyixing.settlement.control;

/** The ways a day's bill and our payments can disagree, with the words staff read. */
public enum DifferenceKind {
    /** We recorded a payment that succeeded that day; the platform's bill of the day does not list it. */
    MISSING_FROM_BILL("已扣款但账单缺失 / Paid here, missing from the bill"),
    /** The bill lists a payment that matches nothing we recorded as paid that day (no such ride, or not paid here). */
    NO_TRIP("账单多出，无对应乘车 / On the bill without a ride paid here that day"),
    /** Both list the payment, with different amounts. */
    AMOUNT_DIFFERS("金额不符 / The amounts differ"),
    /** The bill lists the same payment more than once (each extra copy is one difference). */
    DUPLICATE("账单重复 / On the bill more than once");

    private final String label;

    DifferenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
