package cn.gov.shanwei.xinyixing.redlist.boundary;

import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import cn.gov.shanwei.xinyixing.redlist.control.EntryMessage;
import cn.gov.shanwei.xinyixing.redlist.control.Operation;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Level;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import jakarta.xml.bind.annotation.XmlType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * A red-list batch as it travels in SOAP. The same fields as the JSON form; dates as xsd:date and
 * the issue time as xsd:dateTime, the signature as base64Binary over the canonical form.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Batch", propOrder = {"batchId", "sequenceNo", "issuedAt", "entries", "signature"})
public class BatchDocument {

    @XmlElement(required = true)
    public String batchId;
    public long sequenceNo;
    @XmlElement(required = true)
    public XMLGregorianCalendar issuedAt;
    @XmlElement(name = "entry")
    public List<Entry> entries = new ArrayList<>();
    @XmlElement(required = true)
    public byte[] signature;

    /** One change to the list. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Entry")
    public static class Entry {
        public Operation operation;
        public String idNumber;
        public String name;
        public String categoryCode;
        public Level level;
        public Integer bloodMl;
        public BigDecimal donationYuan;
        public Integer volunteerStars;
        public String taxpayerGrade;
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar recognisedOn;
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar validFrom;
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar validTo;
        public String sourceDocument;
        public Residency residency;

        EntryMessage toMessage() {
            return new EntryMessage(operation, idNumber, name, categoryCode,
                    new CategoryDetails(level, bloodMl, donationYuan, volunteerStars, taxpayerGrade),
                    date(recognisedOn), date(validFrom), date(validTo), sourceDocument, residency);
        }
    }

    public BatchMessage toMessage() {
        return new BatchMessage(batchId, sequenceNo,
                instant(issuedAt),
                entries == null ? List.of() : entries.stream().map(Entry::toMessage).toList(),
                signature);
    }

    private static LocalDate date(XMLGregorianCalendar calendar) {
        return calendar == null ? null : LocalDate.of(calendar.getYear(), calendar.getMonth(), calendar.getDay());
    }

    private static Instant instant(XMLGregorianCalendar calendar) {
        return calendar == null ? null : calendar.toGregorianCalendar().toInstant();
    }
}
