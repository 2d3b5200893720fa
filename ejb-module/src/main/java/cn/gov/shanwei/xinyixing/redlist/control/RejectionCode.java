package cn.gov.shanwei.xinyixing.redlist.control;

/**
 * Why a red-list batch, or one of its entries, is refused. The names are a published contract with the credit
 * platform (they appear in SOAP and REST replies), so they are never renamed; the texts may be improved.
 * A text never contains the ID number or name it is about (R14): the entry index says which one.
 */
public enum RejectionCode {
    MALFORMED_MESSAGE("报文不完整", "The message is incomplete"),
    SIGNATURE_INVALID("批次签名无效", "The batch signature is not valid"),
    BATCH_ID_REUSED("批次号已用于内容不同的批次", "The batch id was already used for a batch with other content"),
    SEQUENCE_REPLAYED("批次序号已处理过（重放或乱序）", "The sequence number was already applied (replayed or out of order)"),
    SEQUENCE_GAP("批次序号不连续，缺少前序批次", "The sequence number skips batches not yet received"),
    BATCH_TOO_LARGE("批次条目数超过上限", "The batch has more entries than allowed"),
    BATCH_EMPTY("批次没有条目", "The batch has no entries"),
    ID_NUMBER_MALFORMED("身份证号格式错误，应为17位数字加1位校验码", "The ID number must be 17 digits and a check character"),
    ID_NUMBER_CHECK_DIGIT("身份证号校验位错误", "The ID number check digit is wrong"),
    ID_NUMBER_BIRTH_DATE("身份证号中的出生日期无效", "The birth date in the ID number is not valid"),
    ID_NUMBER_REGION("身份证号中的地区代码无效", "The region code in the ID number is not valid"),
    NAME_MISSING("缺少姓名", "The name is missing"),
    CATEGORY_UNKNOWN("红名单类别未知", "The red-list category is unknown"),
    OPERATION_MISSING("缺少操作类型（新增、变更或撤销）", "The operation (ADD, CHANGE or REMOVE) is missing"),
    VALIDITY_MISSING("缺少有效期起止日期", "The validity start or end date is missing"),
    VALIDITY_REVERSED("有效期截止日期早于起始日期", "The validity ends before it starts"),
    THRESHOLD_MISSING("缺少该类别所需的认定数据", "The figure this category needs is missing"),
    THRESHOLD_NEGATIVE("认定数据不能为负数", "A figure is below zero"),
    DUPLICATE_ENTRY("同一批次中同一身份证号和类别重复出现", "The same ID number and category appear twice in the batch"),
    SOURCE_DOCUMENT_MISSING("缺少认定文件依据", "The source document is missing");

    private final String chinese;
    private final String english;

    RejectionCode(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** Chinese first, for the platform's staff, then English: {@code 批次没有条目 / The batch has no entries}. */
    public String message() {
        return chinese + " / " + english;
    }
}
