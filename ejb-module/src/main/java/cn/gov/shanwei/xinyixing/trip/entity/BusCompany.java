package cn.gov.shanwei.xinyixing.trip.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A bus company running urban routes; the subsidy is paid per company. */
@Entity
@Table(name = "bus_company")
public class BusCompany {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    /** 统一社会信用代码, the company's legal identity on subsidy documents. */
    @Column(name = "credit_code", nullable = false)
    private String creditCode;

    protected BusCompany() {
    }

    public BusCompany(String code, String nameZh, String nameEn, String creditCode) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.creditCode = creditCode;
    }

    public Long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }
}
