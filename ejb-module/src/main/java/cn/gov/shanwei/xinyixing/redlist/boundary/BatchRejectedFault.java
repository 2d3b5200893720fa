package cn.gov.shanwei.xinyixing.redlist.boundary;

import cn.gov.shanwei.xinyixing.redlist.control.Rejection;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.ws.WebFault;
import java.util.ArrayList;
import java.util.List;

/**
 * The SOAP fault for a refused batch. Its detail lists every reason with its entry index (-1 for
 * the batch as a whole), the same codes the REST interface returns.
 */
@WebFault(name = "BatchRejected", targetNamespace = BatchRejectedFault.NAMESPACE)
public class BatchRejectedFault extends Exception {

    /** The namespace of the SOAP intake (service, messages and faults). */
    public static final String NAMESPACE = "urn:cn:gov:shanwei:xinyixing:redlist:v1";

    private final Detail detail;

    public BatchRejectedFault(String message, Detail detail) {
        super(message);
        this.detail = detail;
    }

    public static BatchRejectedFault of(List<Rejection> rejections) {
        Detail detail = new Detail();
        for (Rejection rejection : rejections) {
            Reason reason = new Reason();
            reason.entryIndex = rejection.entryIndex();
            reason.code = rejection.code();
            reason.message = rejection.message();
            detail.reasons.add(reason);
        }
        return new BatchRejectedFault("BATCH_REJECTED: 批次被拒绝 / The batch was rejected", detail);
    }

    public Detail getFaultInfo() {
        return detail;
    }

    /** The fault detail: the list of reasons. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "BatchRejection")
    public static class Detail {
        @XmlElement(name = "reason")
        public List<Reason> reasons = new ArrayList<>();
    }

    /** One reason. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "RejectionReason", propOrder = {"entryIndex", "code", "message"})
    public static class Reason {
        public int entryIndex;
        public String code;
        public String message;
    }
}
