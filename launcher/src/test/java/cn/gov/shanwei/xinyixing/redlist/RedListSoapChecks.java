package cn.gov.shanwei.xinyixing.redlist;

import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.add;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.blood;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import com.sun.net.httpserver.HttpServer;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The credit platform's SOAP interface, called the way the platform would: from its WSDL, with
 * Metro, presenting its API key; and as an attacker would: raw HTTP posts with no or a wrong key,
 * oversize bodies, DOCTYPEs with external entities, entity expansion, broken XML. Each of those is
 * a {@code S:Client} fault with a stable code, tells nothing of the parser, and applies nothing.
 */
public abstract class RedListSoapChecks {

    private static final String NS = "urn:cn:gov:shanwei:xinyixing:redlist:v1";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** The server's cap in the test domain: 50 entries at 1 KiB plus 64 KiB. */
    private static final int CAP = RunningSystem.MAX_BATCH_ENTRIES * 1024 + 65536;

    private static Dispatch<SOAPMessage> dispatch(String apiKey) throws Exception {
        Service service = Service.create(Http.uri("/soap/RedListPush?wsdl").toURL(), new QName(NS, "RedListPushService"));
        Dispatch<SOAPMessage> dispatch = service.createDispatch(new QName(NS, "RedListPushPort"), SOAPMessage.class,
                Service.Mode.MESSAGE);
        if (apiKey != null) {
            PlatformClient.withApiKey(dispatch, apiKey);
        }
        return dispatch;
    }

    private static SOAPMessage statusRequest() throws Exception {
        SOAPMessage request = MessageFactory.newInstance().createMessage();
        request.getSOAPBody().addChildElement(new QName(NS, "getIntakeStatus", "rl"));
        return request;
    }

    private static BatchMessage aGoodBatch() throws Exception {
        return signed(PlatformClient.nextSequence(), List.of(add(TestPeople.shanwei(), "BLOOD_DONOR", blood(4200), Residency.HOUSEHOLD)));
    }

    private static String envelope(BatchMessage batch) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlatformClient.soapPush(batch).writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> post(String body, String apiKey) throws Exception {
        return post(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), apiKey);
    }

    private static HttpResponse<String> post(HttpRequest.BodyPublisher body, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(Http.uri("/soap/RedListPush")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"\"").POST(body);
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A refusal as the filter answers it: a SOAP 1.1 client fault with the code, and no parser's words. */
    private static void assertRefused(HttpResponse<String> response, String code) {
        assertEquals(500, response.statusCode(), "SOAP 1.1 faults travel with HTTP 500: " + response.body());
        String body = response.body();
        assertTrue(body.contains("<faultcode>S:Client</faultcode>"), body);
        assertTrue(body.contains("<faultstring>" + code + ": "), body);
        assertTrue(body.contains("<code>" + code + "</code>"), body);
        for (String internal : List.of("Exception", "at com.", "at org.", "ParseError", "Unexpected", "lineNumber", "xerces", "woodstox")) {
            assertFalse(body.toLowerCase().contains(internal.toLowerCase()), internal + " in " + body);
        }
    }

    private static void assertNotApplied(BatchMessage batch, long sequence) throws Exception {
        assertEquals("0", RedListIntakeChecks.column("SELECT COUNT(*) FROM redlist_batch WHERE batch_id = '" + batch.batchId() + "'"));
        assertEquals(sequence, PlatformClient.nextSequence(), "nothing was applied");
    }

    @Test
    void wsdlIsPublishedWithTheIntakeOperationsAtTheSameAddress() throws Exception {
        HttpResponse<String> wsdl = Http.get("/soap/RedListPush?wsdl");
        assertEquals(200, wsdl.statusCode());
        assertTrue(wsdl.body().contains("name=\"RedListPushService\""), wsdl.body());
        assertTrue(wsdl.body().contains("name=\"getIntakeStatus\""), wsdl.body());
        assertTrue(wsdl.body().contains("name=\"BatchRejectedFault\""), wsdl.body());
        assertTrue(wsdl.body().contains("/soap/RedListPush\""), "soap:address stays where clients know it: " + wsdl.body());
    }

    @Test
    void intakeStatusCallReturnsTheListAsStored() throws Exception {
        SOAPBody response = dispatch(RunningSystem.platformApiKey()).invoke(statusRequest()).getSOAPBody();

        assertFalse(response.hasFault());
        String stored = RedListIntakeChecks.column("SELECT COUNT(*) FROM redlist_entry WHERE revoked_at IS NULL");
        assertTrue(Long.parseLong(stored) > 0, "the demo red list is loaded");
        Element status = (Element) response.getElementsByTagName("status").item(0);
        assertEquals(stored, text(status, "entryCount"));
        assertEquals(RedListIntakeChecks.column("SELECT COALESCE(MAX(sequence_no), 0) FROM redlist_batch"),
                text(status, "lastSequenceNo"));
    }

    @Test
    void intakeStatusNeedsTheKeyToo() throws Exception {
        for (String key : new String[] {null, "wrong-key", RunningSystem.operatorApiKey()}) {
            SOAPFaultException fault = assertThrows(SOAPFaultException.class, () -> dispatch(key).invoke(statusRequest()));
            assertEquals("Client", fault.getFault().getFaultCodeAsQName().getLocalPart());
            assertTrue(fault.getFault().getFaultString().startsWith("API_KEY_INVALID: "), fault.getFault().getFaultString());
        }
    }

    @Test
    void aPushWithoutOrWithAWrongKeyIsRefusedAndAppliesNothingThenTheRightKeyApplies() throws Exception {
        BatchMessage batch = aGoodBatch();
        long sequence = batch.sequenceNo();
        for (String key : new String[] {null, "wrong-key"}) {
            SOAPFaultException fault = assertThrows(SOAPFaultException.class,
                    () -> dispatch(key).invoke(PlatformClient.soapPush(batch)), "key " + key);
            assertEquals("Client", fault.getFault().getFaultCodeAsQName().getLocalPart());
            assertTrue(fault.getFault().getFaultString().startsWith("API_KEY_INVALID"));
            assertNotApplied(batch, sequence);
        }
        assertRefused(post(envelope(batch), null), "API_KEY_INVALID");
        assertRefused(post(envelope(batch), RunningSystem.platformApiKey() + "x"), "API_KEY_INVALID");
        assertNotApplied(batch, sequence);

        SOAPBody ack = PlatformClient.pushSoap(batch);
        assertFalse(ack.hasFault(), "the same batch with the key is applied");
        assertEquals("APPLIED", RedListIntakeChecks.text((Element) ack.getElementsByTagName("ack").item(0), "outcome"));
        assertEquals(sequence + 1, PlatformClient.nextSequence());
    }

    @Test
    void aGoodPushOverRawHttpPassesThroughTheChecks() throws Exception {
        BatchMessage batch = aGoodBatch();
        HttpResponse<String> response = post(envelope(batch), RunningSystem.platformApiKey());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("APPLIED"), response.body());
        assertEquals("1", RedListIntakeChecks.column("SELECT COUNT(*) FROM redlist_batch WHERE batch_id = '" + batch.batchId() + "'"));
    }

    @Test
    void anOversizeMessageIsRefusedBeforeItIsParsed() throws Exception {
        BatchMessage batch = aGoodBatch();
        String good = envelope(batch);
        // Still a valid envelope: the padding is a comment, so only the size is wrong
        String big = good.replaceFirst("(<[A-Za-z-]+:Body>)", "$1<!--" + "x".repeat(CAP) + "-->");
        assertTrue(big.length() > CAP, "the body is over the cap");
        assertRefused(post(big, RunningSystem.platformApiKey()), "MESSAGE_TOO_LARGE");
        // Without a Content-Length (chunked) the body is read only up to the cap
        assertRefused(post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))), RunningSystem.platformApiKey()),
                "MESSAGE_TOO_LARGE");
        assertNotApplied(batch, batch.sequenceNo());
    }

    @Test
    void aDoctypeWithExternalEntitiesIsRefusedAndNothingIsFetched() throws Exception {
        String marker = "XXE-" + UUID.randomUUID();
        Path secret = Files.createTempFile("xxe", ".txt");
        Files.writeString(secret, marker);
        AtomicInteger fetched = new AtomicInteger();
        HttpServer listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        listener.start();
        try {
            BatchMessage batch = aGoodBatch();
            String good = envelope(batch);
            String url = "http://127.0.0.1:" + listener.getAddress().getPort() + "/dtd";
            List<String> attacks = List.of(
                    "<!DOCTYPE e [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                            + good.replace(batch.batchId(), "&xxe;"),
                    "<!DOCTYPE e [<!ENTITY % remote SYSTEM \"" + url + "\"> %remote;]>" + good,
                    "<!DOCTYPE e SYSTEM \"" + url + "\">" + good,
                    "<?xml version=\"1.0\"?>\n<!doctype e [<!ENTITY x \"y\">]>" + good);
            for (String attack : attacks) {
                HttpResponse<String> response = post(attack, RunningSystem.platformApiKey());
                assertRefused(response, "DOCTYPE_REFUSED");
                assertFalse(response.body().contains(marker), "the file was not read into the answer");
            }
            assertEquals(0, fetched.get(), "no external entity was fetched");
            assertNotApplied(batch, batch.sequenceNo());
        } finally {
            listener.stop(0);
            Files.deleteIfExists(secret);
        }
    }

    @Test
    void billionLaughsIsRefusedAtOnce() throws Exception {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String body = dtd + "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>"
                + "<rl:getIntakeStatus xmlns:rl=\"" + NS + "\">&lol9;</rl:getIntakeStatus></S:Body></S:Envelope>";
        long started = System.nanoTime();
        assertRefused(post(body, RunningSystem.platformApiKey()), "DOCTYPE_REFUSED");
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toSeconds() < 5, "refused without expanding");
    }

    @Test
    void malformedMessagesGetAClientFaultWithoutInternals() throws Exception {
        String key = RunningSystem.platformApiKey();
        assertRefused(post("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><broken", key),
                "MALFORMED_MESSAGE");
        assertRefused(post("not xml at all", key), "MALFORMED_MESSAGE");
        assertRefused(post("", key), "MALFORMED_MESSAGE");
        assertRefused(post("<a>no envelope</a>", key), "MALFORMED_MESSAGE");
        assertRefused(post("<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>&undeclared;</S:Body></S:Envelope>", key),
                "MALFORMED_MESSAGE");
        assertRefused(post("<?xml version=\"1.0\" encoding=\"UTF-16\"?><S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"/>", key),
                "ENCODING_UNSUPPORTED");
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagName(child).item(0).getTextContent();
    }
}
