package cn.gov.shanwei.xinyixing.trip.boundary;

import java.util.List;

/** One page of a month's usage feedback: pages count from 0; {@code total} is the month's number of rows. */
public record FeedbackPage(String month, int page, int size, long total, List<FeedbackRow> rows) {
}
