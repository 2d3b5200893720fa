package cn.gov.shanwei.xinyixing.redlist.rest;

import cn.gov.shanwei.xinyixing.redlist.control.Operation;
import cn.gov.shanwei.xinyixing.redlist.entity.Level;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The red-list batch as the OpenAPI document describes it: the fields {@code BatchJson} reads, by
 * the same names and types. Only a description, never instantiated: the body is read by hand so
 * that a wrong field is reported with its place, and the signature covers the canonical form
 * documented in {@code redlist.control.CanonicalForm}, not these bytes. Public fields, because
 * that is what every OpenAPI scanner reads.
 */
@Schema(name = "RedListBatch", description = "签名的红名单批次，整批生效或整批拒绝 / A signed red-list batch, applied whole or not at all")
public final class BatchSchema {

    @Schema(required = true, maxLength = 64, description = "批次号，全局唯一 / Batch id, unique")
    public String batchId;

    @Schema(required = true, minimum = "1", description = "序号 = 上一批 + 1 / Sequence number: the last applied + 1")
    public long sequenceNo;

    @Schema(required = true, description = "签发时间 ISO-8601 / When the platform issued the batch")
    public Instant issuedAt;

    @Schema(required = true, description = "条目，至多 xinyixing.credit-platform.max-batch-entries 条 / The entries")
    public List<Entry> entries;

    @Schema(required = true, format = "byte",
            description = "SM2 签名（r‖s，Base64），覆盖规范化形式 / SM2 signature (r‖s, Base64) over the canonical form")
    public String signature;

    private BatchSchema() {
    }

    /** One listing: who, in which category, on what evidence, and for how long. */
    @Schema(name = "RedListEntry")
    public static final class Entry {

        @Schema(required = true, description = "ADD, CHANGE or REMOVE")
        public Operation operation;

        @Schema(required = true, minLength = 18, maxLength = 18, description = "18 位居民身份证号 / Resident ID number")
        public String idNumber;

        @Schema(description = "姓名 / Name (ADD, CHANGE)")
        public String name;

        @Schema(required = true, description = "红名单类别代码 / Category code, e.g. BLOOD_DONOR")
        public String categoryCode;

        @Schema(description = "认定级别 / Level of the recognising body")
        public Level level;

        @Schema(description = "累计献血量（毫升）/ Blood donated (ml)")
        public Integer bloodMl;

        @Schema(description = "累计捐赠（元）/ Donations (yuan)")
        public BigDecimal donationYuan;

        @Schema(description = "志愿者星级 / Volunteer stars")
        public Integer volunteerStars;

        @Schema(description = "纳税信用等级 / Taxpayer grade, e.g. A")
        public String taxpayerGrade;

        @Schema(description = "认定日期 yyyy-mm-dd / Recognised on")
        public LocalDate recognisedOn;

        @Schema(description = "有效期起 yyyy-mm-dd / First day (ADD, CHANGE)")
        public LocalDate validFrom;

        @Schema(description = "有效期止 yyyy-mm-dd / Last day (ADD, CHANGE)")
        public LocalDate validTo;

        @Schema(description = "文件依据 / Source document (ADD, CHANGE)")
        public String sourceDocument;

        @Schema(description = "居住情况 / Residency in Shanwei, if known")
        public Residency residency;

        private Entry() {
        }
    }
}
