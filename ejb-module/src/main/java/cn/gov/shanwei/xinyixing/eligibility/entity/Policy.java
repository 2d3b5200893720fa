package cn.gov.shanwei.xinyixing.eligibility.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One version of the policy (R5, R17): the discount rate and the window it is in force. */
@Entity
@Table(name = "policy_version")
public class Policy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "rate_basis_points", nullable = false)
    private int rateBasisPoints;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;

    @Column(name = "document_no", nullable = false)
    private String documentNo;

    protected Policy() {
    }

    public int rateBasisPoints() {
        return rateBasisPoints;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }
}
