package cn.gov.shanwei.xinyixing.redlist.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks the SOAP intake makes on the raw bytes, before Metro parses anything. */
class SoapIntakeGuardTest {

    private static final String ENVELOPE = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
            + "<rl:getIntakeStatus xmlns:rl=\"urn:cn:gov:shanwei:xinyixing:redlist:v1\"/></S:Body></S:Envelope>";

    private static Optional<SoapRefusal> inspect(String contentType, String body) {
        return SoapIntakeGuard.inspect(contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPlainEnvelopePasses() {
        assertEquals(Optional.empty(), inspect("text/xml; charset=utf-8", ENVELOPE));
        assertEquals(Optional.empty(), inspect("text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + ENVELOPE));
        assertEquals(Optional.empty(), inspect(null, "<!-- a comment --><S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<S:Body><x><![CDATA[<!DOCTYPE is text here]]></x></S:Body></S:Envelope>"));
    }

    @Test
    void everyMarkupDeclarationIsRefused() {
        for (String declaration : new String[] {"<!DOCTYPE x>", "<!doctype x>", "<!ENTITY x \"y\">", "<!ELEMENT x ANY>", "<!ATTLIST x>"}) {
            assertEquals(Optional.of(SoapRefusal.DOCTYPE_REFUSED), inspect("text/xml", declaration + ENVELOPE), declaration);
        }
        assertEquals(Optional.of(SoapRefusal.DOCTYPE_REFUSED), inspect("text/xml", ENVELOPE.replace("<S:Body>", "<S:Body><!DOCTYPE x>")));
        assertEquals(Optional.of(SoapRefusal.DOCTYPE_REFUSED), inspect("text/xml", "<!-- <!DOCTYPE hidden> --><!DOCTYPE x>" + ENVELOPE),
                "a declaration after a comment is still seen");
        assertTrue(inspect("text/xml", "<!-- unterminated <!DOCTYPE x>" + ENVELOPE).isPresent(),
                "an unterminated comment is not a way past the check");
    }

    @Test
    void onlyUtf8IsAccepted() {
        assertEquals(Optional.of(SoapRefusal.ENCODING_UNSUPPORTED), inspect("text/xml; charset=UTF-16", ENVELOPE));
        assertEquals(Optional.of(SoapRefusal.ENCODING_UNSUPPORTED), inspect("text/xml", "<?xml version='1.0' encoding='IBM037'?>" + ENVELOPE));
        assertEquals(Optional.of(SoapRefusal.ENCODING_UNSUPPORTED),
                SoapIntakeGuard.inspect("text/xml", ENVELOPE.getBytes(StandardCharsets.UTF_16)));
        assertEquals(Optional.of(SoapRefusal.ENCODING_UNSUPPORTED),
                SoapIntakeGuard.inspect("text/xml", ENVELOPE.getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void brokenOrForeignXmlIsMalformed() {
        for (String body : new String[] {"", "x", "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>",
                "<a/>", "<S:Envelope xmlns:S=\"http://www.w3.org/2003/05/soap-envelope\"/>",
                ENVELOPE.replace("/>", ">&lol;</rl:getIntakeStatus>")}) {
            assertEquals(Optional.of(SoapRefusal.MALFORMED_MESSAGE), inspect("text/xml", body), body);
        }
    }

    @Test
    void theBodyIsReadOnlyUpToTheCap() throws Exception {
        byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(ten, SoapIntakeGuard.readAtMost(new ByteArrayInputStream(ten), 10));
        assertNull(SoapIntakeGuard.readAtMost(new ByteArrayInputStream(ten), 9));
    }

    @Test
    void theFaultIsAClientFaultWithTheCodeAndNoInternals() {
        String fault = SoapIntakeGuard.faultEnvelope(SoapRefusal.DOCTYPE_REFUSED);
        assertTrue(fault.contains("<faultcode>S:Client</faultcode>"));
        assertTrue(fault.contains("<faultstring>DOCTYPE_REFUSED: "));
        assertTrue(fault.contains("<code>DOCTYPE_REFUSED</code>"));
        assertTrue(SoapIntakeGuard.faultEnvelope(SoapRefusal.API_KEY_NOT_CONFIGURED).contains("<faultcode>S:Server</faultcode>"));
    }
}
