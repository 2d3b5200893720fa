package cn.gov.shanwei.xinyixing.redlist.boundary;

import cn.gov.shanwei.xinyixing.redlist.control.Rejection;
import cn.gov.shanwei.xinyixing.redlist.control.RejectionCode;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import java.util.List;

/**
 * The SOAP face of the red-list intake for the credit platform (信用汕尾), published at
 * {@code /soap/RedListPush} with its WSDL. It only translates; {@link RedListIntake} decides.
 */
@Stateless
@WebService(name = "RedListPush",
        serviceName = "RedListPushService",
        portName = "RedListPushPort",
        targetNamespace = RedListPushEndpoint.NAMESPACE)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RedListPushEndpoint {

    public static final String NAMESPACE = "urn:cn:gov:shanwei:xinyixing:redlist:v1";

    @EJB
    RedListIntake intake;

    /** Applies one signed batch whole, or refuses it with every reason (a BatchRejected fault). */
    @WebMethod(operationName = "pushBatch")
    @WebResult(name = "ack")
    public IntakeAck pushBatch(@WebParam(name = "batch") BatchDocument batch) throws BatchRejectedFault {
        if (batch == null) {
            throw BatchRejectedFault.of(List.of(Rejection.ofBatch(RejectionCode.MALFORMED_MESSAGE)));
        }
        try {
            return new IntakeAck(intake.receive(batch.toMessage(), "SOAP"));
        } catch (BatchRejectedException e) {
            throw BatchRejectedFault.of(e.rejections());
        }
    }

    /** Lets the platform find out which batch it must send next. */
    @WebMethod(operationName = "getIntakeStatus")
    @WebResult(name = "status")
    public IntakeStatus getIntakeStatus() {
        return intake.status();
    }
}
