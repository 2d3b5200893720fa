package cn.gov.shanwei.xinyixing.trip.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One read of the usage feedback: when, which month and page, how many rows left the system, and
 * the name of the credential presented. Holds no personal data, so it can be kept and shown to an
 * auditor as it is.
 */
@Entity
@Table(name = "feedback_access")
public class FeedbackAccess {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "accessed_at", nullable = false, updatable = false)
    private Instant accessedAt;

    @Column(nullable = false, updatable = false, length = 7)
    private String month;

    @Column(nullable = false, updatable = false)
    private int page;

    @Column(name = "page_size", nullable = false, updatable = false)
    private int pageSize;

    @Column(name = "row_count", nullable = false, updatable = false)
    private int rowCount;

    @Column(nullable = false, updatable = false)
    private String credential;

    protected FeedbackAccess() {
    }

    public FeedbackAccess(Instant accessedAt, String month, int page, int pageSize, int rowCount, String credential) {
        this.accessedAt = accessedAt;
        this.month = month;
        this.page = page;
        this.pageSize = pageSize;
        this.rowCount = rowCount;
        this.credential = credential;
    }
}
