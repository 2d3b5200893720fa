package cn.gov.shanwei.xinyixing.redlist.boundary;

/**
 * One line of the usage feedback (联合奖惩反馈): how many discounted rides a person on the red list
 * was granted in a month, and the discount in fen. The ID number is the platform's own key for the
 * person; it leaves the system only over this authenticated interface.
 */
public record FeedbackRow(String idNumber, String month, long discountedRides, long discountFen) {
}
