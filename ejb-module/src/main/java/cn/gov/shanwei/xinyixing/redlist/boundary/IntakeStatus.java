package cn.gov.shanwei.xinyixing.redlist.boundary;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/**
 * Where the intake stands, as the credit platform sees it: the last batch applied (its id and
 * sequence, the cursor a new batch must follow) and how many entries are on the list.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "IntakeStatus", propOrder = {"lastBatchId", "lastSequenceNo", "entryCount"})
public class IntakeStatus {

    /** Absent when no batch has been applied yet. */
    public String lastBatchId;
    public long lastSequenceNo;
    public long entryCount;

    public IntakeStatus() {
    }

    IntakeStatus(String lastBatchId, long lastSequenceNo, long entryCount) {
        this.lastBatchId = lastBatchId;
        this.lastSequenceNo = lastSequenceNo;
        this.entryCount = entryCount;
    }
}
