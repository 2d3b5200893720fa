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

    /** SM3 of the canonical signed form: tells a re-sent batch from a different one under the same id. */
    @Column(name = "content_digest", nullable = false)
    private byte[] contentDigest;

    @Column(nullable = false)
    private String channel;

    @Column(name = "added_count")
    private int addedCount;

    @Column(name = "changed_count")
    private int changedCount;

    @Column(name = "removed_count")
    private int removedCount;

    protected RedListBatch() {
    }

    public RedListBatch(String batchId, long sequenceNo, Instant issuedAt, Instant receivedAt, int entryCount,
                        byte[] contentDigest, String channel, int added, int changed, int removed) {
        this.batchId = batchId;
        this.sequenceNo = sequenceNo;
        this.issuedAt = issuedAt;
        this.receivedAt = receivedAt;
        this.entryCount = entryCount;
        this.contentDigest = contentDigest.clone();
        this.channel = channel;
        this.addedCount = added;
        this.changedCount = changed;
        this.removedCount = removed;
    }

    public boolean sameContentAs(byte[] digest) {
        return java.security.MessageDigest.isEqual(contentDigest, digest);
    }

    public int addedCount() {
        return addedCount;
    }

    public int changedCount() {
        return changedCount;
    }

    public int removedCount() {
        return removedCount;
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
