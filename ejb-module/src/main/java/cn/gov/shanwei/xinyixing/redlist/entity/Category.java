package cn.gov.shanwei.xinyixing.redlist.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * A qualifying red-list category and the rule that qualifies (R2). Rows, not an enum: the plan's
 * list is open (包括但不限于), so a new category is data that staff add.
 */
@Entity
@Table(name = "category")
public class Category {

    @Id
    private String code;

    @Column(name = "name_zh", nullable = false)
    private String nameZh;

    @Column(name = "name_en", nullable = false)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_kind", nullable = false)
    private RuleKind ruleKind;

    @Column(precision = 14, scale = 2)
    private BigDecimal threshold;

    private String grades;

    private boolean active;

    protected Category() {
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public RuleKind ruleKind() {
        return ruleKind;
    }

    public BigDecimal threshold() {
        return threshold;
    }

    public String grades() {
        return grades;
    }

    public boolean active() {
        return active;
    }
}
