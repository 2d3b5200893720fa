package cn.gov.shanwei.xinyixing.redlist.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.jws.WebMethod;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;

/**
 * The SOAP face of the red-list intake for the credit platform (信用汕尾), published at
 * {@code /soap/RedListPush} with its WSDL. It only translates; {@link RedListIntake} decides.
 */
@Stateless
@WebService(name = "RedListPush",
        serviceName = "RedListPushService",
        portName = "RedListPushPort",
        targetNamespace = RedListPushEndpoint.NAMESPACE)
public class RedListPushEndpoint {

    public static final String NAMESPACE = "urn:cn:gov:shanwei:xinyixing:redlist:v1";

    @EJB
    RedListIntake intake;

    /** Lets the platform find out which batch it must send next. */
    @WebMethod(operationName = "getIntakeStatus")
    @WebResult(name = "status")
    public IntakeStatus getIntakeStatus() {
        return intake.status();
    }
}
