package cn.gov.shanwei.xinyixing.redlist.web;

import cn.gov.shanwei.xinyixing.redlist.boundary.BatchDocument;
import cn.gov.shanwei.xinyixing.redlist.boundary.BatchRejectedException;
import cn.gov.shanwei.xinyixing.redlist.boundary.BatchRejectedFault;
import cn.gov.shanwei.xinyixing.redlist.boundary.IntakeAck;
import cn.gov.shanwei.xinyixing.redlist.boundary.IntakeStatus;
import cn.gov.shanwei.xinyixing.redlist.boundary.RedListIntake;
import cn.gov.shanwei.xinyixing.redlist.control.Rejection;
import cn.gov.shanwei.xinyixing.redlist.control.RejectionCode;
import jakarta.ejb.EJB;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import java.util.List;

/**
 * The SOAP face of the red-list intake for the credit platform (信用汕尾), published by the web
 * module at {@code /soap/RedListPush} with its WSDL (mapped in {@code web.xml}). A servlet
 * endpoint rather than an EJB one so that {@link SoapIntakeGuard}, a servlet filter, sees every
 * request before Metro parses a byte of it: the caller's key, the size, DOCTYPEs. It only
 * translates; {@link RedListIntake} decides.
 */
@WebService(name = "RedListPush",
        serviceName = "RedListPushService",
        portName = "RedListPushPort",
        targetNamespace = BatchRejectedFault.NAMESPACE)
public class RedListPushEndpoint {

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
