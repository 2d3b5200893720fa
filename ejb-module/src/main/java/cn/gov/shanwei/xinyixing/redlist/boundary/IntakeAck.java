package cn.gov.shanwei.xinyixing.redlist.boundary;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** The SOAP acknowledgement of a batch, mirroring {@link IntakeResult}. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "IntakeAck", propOrder = {"outcome", "batchId", "sequenceNo", "added", "changed", "removed"})
public class IntakeAck {

    public String outcome;
    public String batchId;
    public long sequenceNo;
    public int added;
    public int changed;
    public int removed;

    public IntakeAck() {
    }

    public IntakeAck(IntakeResult result) {
        this.outcome = result.outcome().name();
        this.batchId = result.batchId();
        this.sequenceNo = result.sequenceNo();
        this.added = result.added();
        this.changed = result.changed();
        this.removed = result.removed();
    }
}
