package cn.gov.shanwei.xinyixing.redlist;

import cn.gov.shanwei.xinyixing.redlist.control.BatchJson;
import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import cn.gov.shanwei.xinyixing.redlist.control.BatchSignature;
import cn.gov.shanwei.xinyixing.redlist.control.EntryMessage;
import cn.gov.shanwei.xinyixing.redlist.control.Operation;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPBody;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPException;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.namespace.QName;

/**
 * The credit platform's side of the interface, as a test plays it: makes entries, signs batches with
 * the platform's key, and sends them over REST (JSON) and SOAP (Metro's Dispatch client).
 */
public final class PlatformClient {

    static final String NS = "urn:cn:gov:shanwei:xinyixing:redlist:v1";
    static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    static final LocalDate TO = LocalDate.of(2027, 12, 31);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PlatformClient() {
    }

    public static EntryMessage add(String idNumber, String category, CategoryDetails details, Residency residency) {
        return new EntryMessage(Operation.ADD, idNumber, "测试人", category, details, LocalDate.of(2025, 6, 1),
                FROM, TO, "汕信用〔2026〕TEST", residency);
    }

    public static EntryMessage remove(String idNumber, String category) {
        return new EntryMessage(Operation.REMOVE, idNumber, null, category, null, null, null, null, null, null);
    }

    public static CategoryDetails blood(int ml) {
        return new CategoryDetails(null, ml, null, null, null);
    }

    public static BatchMessage signed(long sequenceNo, List<EntryMessage> entries) {
        BatchMessage batch = new BatchMessage("T-" + sequenceNo + "-" + UUID.randomUUID(), sequenceNo,
                Instant.parse("2026-11-26T08:00:00Z"), entries, null);
        return BatchSignature.signed(batch, RunningSystem.platformSigningKey());
    }

    /** The sequence number the intake expects next. */
    public static long nextSequence() throws IOException, InterruptedException {
        HttpResponse<String> status = get("/api/credit/v1/redlist/status");
        return Http.json(status).getJsonNumber("lastSequenceNo").longValue() + 1;
    }

    public static HttpResponse<String> pushRest(BatchMessage batch) throws IOException, InterruptedException {
        return pushRest(json(batch));
    }

    public static HttpResponse<String> pushRest(String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(Http.uri("/api/credit/v1/redlist/batches"))
                .header("Content-Type", "application/json").header("X-Api-Key", RunningSystem.platformApiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(Http.uri(path)).header("X-Api-Key", RunningSystem.platformApiKey())
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Makes a Metro client present the key as the platform does: the HTTP header {@code X-Api-Key}. */
    public static void withApiKey(Dispatch<?> dispatch, String apiKey) {
        dispatch.getRequestContext().put(MessageContext.HTTP_REQUEST_HEADERS, Map.of("X-Api-Key", List.of(apiKey)));
    }

    /** The SOAP answer's body; a refusal arrives as a SOAP fault, which is returned, not thrown. */
    public static SOAPBody pushSoap(BatchMessage batch) throws Exception {
        Service service = Service.create(URI.create(RunningSystem.baseUrl() + "/soap/RedListPush?wsdl").toURL(),
                new QName(NS, "RedListPushService"));
        Dispatch<SOAPMessage> dispatch = service.createDispatch(new QName(NS, "RedListPushPort"), SOAPMessage.class,
                Service.Mode.MESSAGE);
        withApiKey(dispatch, RunningSystem.platformApiKey());
        try {
            return dispatch.invoke(soapPush(batch)).getSOAPBody();
        } catch (SOAPFaultException fault) {
            SOAPMessage faultMessage = MessageFactory.newInstance().createMessage();
            faultMessage.getSOAPBody().addChildElement(fault.getFault());
            return faultMessage.getSOAPBody();
        }
    }

    /** The {@code pushBatch} request for a batch, as the platform's SOAP client writes it. */
    public static SOAPMessage soapPush(BatchMessage batch) throws SOAPException {
        SOAPMessage request = MessageFactory.newInstance().createMessage();
        SOAPElement element = request.getSOAPBody().addChildElement(new QName(NS, "pushBatch", "rl")).addChildElement("batch");
        element.addChildElement("batchId").addTextNode(batch.batchId());
        element.addChildElement("sequenceNo").addTextNode(Long.toString(batch.sequenceNo()));
        element.addChildElement("issuedAt").addTextNode(batch.issuedAt().toString());
        for (EntryMessage entry : batch.entries()) {
            SOAPElement xml = element.addChildElement("entry");
            text(xml, "operation", entry.operation());
            text(xml, "idNumber", entry.idNumber());
            text(xml, "name", entry.name());
            text(xml, "categoryCode", entry.categoryCode());
            CategoryDetails details = entry.details() == null ? CategoryDetails.NONE : entry.details();
            text(xml, "level", details.level());
            text(xml, "bloodMl", details.bloodMl());
            text(xml, "donationYuan", details.donationYuan() == null ? null : details.donationYuan().toPlainString());
            text(xml, "volunteerStars", details.volunteerStars());
            text(xml, "taxpayerGrade", details.taxpayerGrade());
            text(xml, "recognisedOn", entry.recognisedOn());
            text(xml, "validFrom", entry.validFrom());
            text(xml, "validTo", entry.validTo());
            text(xml, "sourceDocument", entry.sourceDocument());
            text(xml, "residency", entry.residency());
        }
        element.addChildElement("signature").addTextNode(Base64.getEncoder().encodeToString(batch.signature()));
        request.saveChanges();
        return request;
    }

    public static String json(BatchMessage batch) {
        return BatchJson.write(batch);
    }

    private static void text(SOAPElement parent, String name, Object value) throws SOAPException {
        if (value != null) {
            parent.addChildElement(name).addTextNode(value.toString());
        }
    }
}
