package cn.gov.shanwei.xinyixing.redlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.system.Http;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import java.net.http.HttpResponse;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The credit platform's SOAP interface, called the way the platform would: from its WSDL, with Metro. */
public abstract class RedListSoapChecks {

    private static final String NS = "urn:cn:gov:shanwei:xinyixing:redlist:v1";

    @Test
    void wsdlIsPublishedWithTheIntakeOperations() throws Exception {
        HttpResponse<String> wsdl = Http.get("/soap/RedListPush?wsdl");
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("name=\"RedListPushService\""), wsdl.body());
        assertTrue(wsdl.body().contains("name=\"getIntakeStatus\""), wsdl.body());
    }

    @Test
    void intakeStatusCallReturnsTheListAsStored() throws Exception {
        Service service = Service.create(Http.uri("/soap/RedListPush?wsdl").toURL(), new QName(NS, "RedListPushService"));
        Dispatch<SOAPMessage> dispatch = service.createDispatch(new QName(NS, "RedListPushPort"), SOAPMessage.class,
                Service.Mode.MESSAGE);
        SOAPMessage request = MessageFactory.newInstance().createMessage();
        request.getSOAPBody().addChildElement(new QName(NS, "getIntakeStatus", "rl"));

        SOAPBody response = dispatch.invoke(request).getSOAPBody();

        assertFalse(response.hasFault());
        String stored = RedListIntakeChecks.column("SELECT COUNT(*) FROM redlist_entry WHERE revoked_at IS NULL");
        assertTrue(Long.parseLong(stored) > 0, "the demo red list is loaded");
        Element status = (Element) response.getElementsByTagName("status").item(0);
        assertEquals(stored, text(status, "entryCount"));
        assertEquals(RedListIntakeChecks.column("SELECT COALESCE(MAX(sequence_no), 0) FROM redlist_batch"),
                text(status, "lastSequenceNo"));
    }

    @Test
    void malformedEnvelopeGetsASoapFaultWithoutInternals() throws Exception {
        HttpResponse<String> response = Http.post("/soap/RedListPush", "text/xml; charset=utf-8",
                "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><broken");
        assertTrue(response.body().contains("Fault"), response.body());
        assertFalse(response.body().contains("at cn.gov"), response.body());
        assertFalse(response.body().contains("at com.sun"), response.body());
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagName(child).item(0).getTextContent();
    }
}
