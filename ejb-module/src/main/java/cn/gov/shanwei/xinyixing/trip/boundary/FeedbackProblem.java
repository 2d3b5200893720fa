package cn.gov.shanwei.xinyixing.trip.boundary;

/** Why a request for usage feedback was not answered. */
public enum FeedbackProblem {
    MONTH_INVALID("月份格式应为 yyyy-MM", "The month must be yyyy-MM"),
    PAGE_INVALID("页码应不小于 0，每页条数应为 1 至 " + UsageFeedback.MAX_PAGE_SIZE,
            "page must be 0 or more and size 1 to " + UsageFeedback.MAX_PAGE_SIZE),
    FEEDBACK_KEY_NOT_CONFIGURED("反馈标识密钥未配置", "The key of the feedback's person references is not configured");

    private final String chinese;
    private final String english;

    FeedbackProblem(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String message() {
        return chinese + " / " + english;
    }
}
