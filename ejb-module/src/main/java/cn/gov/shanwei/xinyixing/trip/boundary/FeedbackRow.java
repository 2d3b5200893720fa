package cn.gov.shanwei.xinyixing.trip.boundary;

/**
 * One line of the usage feedback (联合奖惩反馈): how many discounted rides a person on the red list
 * was granted in a month, and the discount in fen. The person is named by their
 * {@link cn.gov.shanwei.xinyixing.redlist.control.PersonReference}, never by the ID number.
 */
public record FeedbackRow(String personRef, String month, long discountedRides, long discountFen) {
}
