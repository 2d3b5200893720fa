package cn.gov.shanwei.xinyixing.redlist.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A batch of red-list changes as received from the credit platform, kept as the intake cursor. */
@Entity
@Table(name = "redlist_batch")
public class RedListBatch {

    @Id
    @Column(name = "batch_id")
    private String batchId;

    @Column(name = "sequence_no", nullable = false, unique = true)
    private long sequenceNo;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "entry_count", nullable = false)
    private int entryCount;

    protected RedListBatch() {
    }

    public RedListBatch(String batchId, long sequenceNo, Instant issuedAt, Instant receivedAt, int entryCount) {
        this.batchId = batchId;
        this.sequenceNo = sequenceNo;
        this.issuedAt = issuedAt;
        this.receivedAt = receivedAt;
        this.entryCount = entryCount;
    }

    public String batchId() {
        return batchId;
    }

    public long sequenceNo() {
        return sequenceNo;
    }

    public Instant receivedAt() {
        return receivedAt;
    }
}
