package cn.gov.shanwei.xinyixing.redlist;

import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.add;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.blood;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.signed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import cn.gov.shanwei.xinyixing.redlist.control.EntryMessage;
import cn.gov.shanwei.xinyixing.redlist.control.Operation;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.xml.soap.SOAPBody;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** R1 through the real interfaces: signed batches pushed over REST and SOAP, refusals, replays. */
public abstract class RedListIntakeChecks {

    @Test
    void batchPushedOverRestIsAcknowledgedAlikeWhenResentOverSoap() throws Exception {
        BatchMessage batch = signed(PlatformClient.nextSequence(), List.of(
                add(TestPeople.shanwei(), "BLOOD_DONOR", blood(4000), Residency.HOUSEHOLD),
                add(TestPeople.shanwei(), "MORAL_MODEL", CategoryDetails.NONE, null)));

        HttpResponse<String> rest = PlatformClient.pushRest(batch);
        assertEquals(200, rest.statusCode(), rest.body());
        JsonObject ack = Http.json(rest);
        assertEquals("APPLIED", ack.getString("outcome"));
        assertEquals(2, ack.getInt("added"));

        Element soapAck = first(PlatformClient.pushSoap(batch), "ack");
        assertEquals("ALREADY_APPLIED", text(soapAck, "outcome"));
        assertEquals(ack.getString("batchId"), text(soapAck, "batchId"));
        assertEquals(Long.toString(batch.sequenceNo()), text(soapAck, "sequenceNo"));
        assertEquals("2", text(soapAck, "added"));
    }

    @Test
    void batchPushedOverSoapIsAcknowledgedAlikeWhenResentOverRest() throws Exception {
        BatchMessage batch = signed(PlatformClient.nextSequence(), List.of(
                add(TestPeople.shanwei(), "VOLUNTEER_STARS", new CategoryDetails(null, null, null, 2, null), null)));

        Element soapAck = first(PlatformClient.pushSoap(batch), "ack");
        assertEquals("APPLIED", text(soapAck, "outcome"));

        JsonObject rest = Http.json(PlatformClient.pushRest(batch));
        assertEquals("ALREADY_APPLIED", rest.getString("outcome"));
        assertEquals(text(soapAck, "added"), Integer.toString(rest.getInt("added")));
        assertEquals(batch.sequenceNo(), PlatformClient.nextSequence() - 1);
    }

    static Stream<Arguments> badEntries() {
        String good = TestPeople.shanwei();
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        return Stream.of(
                Arguments.of("ID_NUMBER_CHECK_DIGIT", entry(e -> withId(e, wrongCheck))),
                Arguments.of("ID_NUMBER_BIRTH_DATE", entry(e -> withId(e, TestPeople.withCheckDigit("44150219901340123")))),
                Arguments.of("ID_NUMBER_REGION", entry(e -> withId(e, TestPeople.withCheckDigit("99150219900101123")))),
                Arguments.of("ID_NUMBER_MALFORMED", entry(e -> withId(e, "4415021990"))),
                Arguments.of("CATEGORY_UNKNOWN", entry(e -> with(e, "NOT_A_CATEGORY", e.details(), e.validTo(), e.name(), e.sourceDocument()))),
                Arguments.of("THRESHOLD_NEGATIVE", entry(e -> with(e, e.categoryCode(), blood(-1), e.validTo(), e.name(), e.sourceDocument()))),
                Arguments.of("THRESHOLD_MISSING", entry(e -> with(e, e.categoryCode(), CategoryDetails.NONE, e.validTo(), e.name(), e.sourceDocument()))),
                Arguments.of("VALIDITY_REVERSED", entry(e -> with(e, e.categoryCode(), e.details(), e.validFrom().minusDays(1), e.name(), e.sourceDocument()))),
                Arguments.of("NAME_MISSING", entry(e -> with(e, e.categoryCode(), e.details(), e.validTo(), null, e.sourceDocument()))),
                Arguments.of("SOURCE_DOCUMENT_MISSING", entry(e -> with(e, e.categoryCode(), e.details(), e.validTo(), e.name(), null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEntries")
    void batchWithOneBadEntryIsRefusedOverBothInterfacesAndNothingIsApplied(
            String code, Function<EntryMessage, EntryMessage> spoil) throws Exception {
        long before = entryCount();
        long next = PlatformClient.nextSequence();
        EntryMessage fine = add(TestPeople.shanwei(), "BLOOD_DONOR", blood(4500), Residency.HOUSEHOLD);
        BatchMessage batch = signed(next, List.of(fine,
                spoil.apply(add(TestPeople.shanwei(), "BLOOD_DONOR", blood(4500), Residency.HOUSEHOLD))));

        assertRefusedOverRest(batch, code, 1);
        assertRefusedOverSoap(batch, code, 1);
        assertEquals(next, PlatformClient.nextSequence(), "the sequence did not move");
        assertEquals(before, entryCount(), "not even the good entry was written");
    }

    @Test
    void duplicateEntryIsReportedAtItsSecondOccurrence() throws Exception {
        EntryMessage twice = add(TestPeople.shanwei(), "BLOOD_DONOR", blood(5000), null);
        BatchMessage batch = signed(PlatformClient.nextSequence(), List.of(twice, twice));
        assertRefusedOverRest(batch, "DUPLICATE_ENTRY", 1);
    }

    @Test
    void tamperedBatchFailsItsSignature() throws Exception {
        BatchMessage batch = signed(PlatformClient.nextSequence(), List.of(
                add(TestPeople.shanwei(), "BLOOD_DONOR", blood(4000), null)));
        EntryMessage original = batch.entries().get(0);
        BatchMessage tampered = new BatchMessage(batch.batchId(), batch.sequenceNo(), batch.issuedAt(),
                List.of(with(original, original.categoryCode(), blood(40000), original.validTo(), original.name(),
                        original.sourceDocument())), batch.signature());
        assertRefusedOverRest(tampered, "SIGNATURE_INVALID", -1);
        assertRefusedOverSoap(tampered, "SIGNATURE_INVALID", -1);
    }

    @Test
    void oversizeBatchIsRefused() throws Exception {
        List<EntryMessage> many = IntStream.rangeClosed(0, RunningSystem.MAX_BATCH_ENTRIES)
                .mapToObj(i -> add(TestPeople.shanwei(), "MORAL_MODEL", CategoryDetails.NONE, null)).toList();
        assertRefusedOverRest(signed(PlatformClient.nextSequence(), many), "BATCH_TOO_LARGE", -1);
    }

    @Test
    void replayedGappedAndReusedBatchesAreRefused() throws Exception {
        long next = PlatformClient.nextSequence();
        BatchMessage applied = signed(next, List.of(add(TestPeople.shanwei(), "MORAL_MODEL", CategoryDetails.NONE, null)));
        assertEquals(200, PlatformClient.pushRest(applied).statusCode());

        assertRefusedOverRest(signed(next, List.of(add(TestPeople.shanwei(), "MORAL_MODEL", CategoryDetails.NONE, null))),
                "SEQUENCE_REPLAYED", -1);
        assertRefusedOverRest(signed(next + 2, List.of(add(TestPeople.shanwei(), "MORAL_MODEL", CategoryDetails.NONE, null))),
                "SEQUENCE_GAP", -1);
        BatchMessage reused = new BatchMessage(applied.batchId(), next + 1, applied.issuedAt(),
                List.of(add(TestPeople.shanwei(), "MORAL_MODEL", CategoryDetails.NONE, null)), null);
        assertRefusedOverRest(cn.gov.shanwei.xinyixing.redlist.control.BatchSignature.signed(reused,
                RunningSystem.platformSigningKey()), "BATCH_ID_REUSED", -1);
    }

    @Test
    void bodiesThatAreNotBatchesGetMalformedMessage() throws Exception {
        for (String body : List.of("{not json", "[]", "{\"batchId\":\"x\",\"sequenceNo\":\"seven\"}",
                "{\"batchId\":\"x\",\"sequenceNo\":1,\"issuedAt\":\"yesterday\"}")) {
            HttpResponse<String> response = PlatformClient.pushRest(body);
            assertEquals(400, response.statusCode(), body);
            assertEquals("MALFORMED_MESSAGE", Http.json(response).getString("code"), body);
        }
    }

    @Test
    void callersWithoutTheApiKeyAreTurnedAway() throws Exception {
        HttpResponse<String> response = Http.get("/api/credit/v1/redlist/status");
        assertEquals(401, response.statusCode());
        assertEquals("API_KEY_INVALID", Http.json(response).getString("code"));
    }

    @Test
    void pullTimerFetchesTheNextBatchFromThePlatformFeed() throws Exception {
        long next = PlatformClient.nextSequence();
        BatchMessage batch = signed(next, List.of(add(TestPeople.shanwei(), "STEM_CELL_DONOR", CategoryDetails.NONE, null)));
        int served = RunningSystem.platformStub().requestsServed();
        RunningSystem.platformStub().enqueue(next, PlatformClient.json(batch));
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (PlatformClient.nextSequence() == next && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertEquals(next + 1, PlatformClient.nextSequence(), "the pulled batch was applied");
            assertTrue(RunningSystem.platformStub().requestsServed() > served);
            assertEquals("PULL", column("SELECT channel FROM redlist_batch WHERE batch_id = '" + batch.batchId() + "'"));
        } finally {
            RunningSystem.platformStub().clear();
        }
    }

    private static Function<EntryMessage, EntryMessage> entry(Function<EntryMessage, EntryMessage> spoil) {
        return spoil;
    }

    private static EntryMessage withId(EntryMessage e, String idNumber) {
        return new EntryMessage(e.operation(), idNumber, e.name(), e.categoryCode(), e.details(), e.recognisedOn(),
                e.validFrom(), e.validTo(), e.sourceDocument(), e.residency());
    }

    private static EntryMessage with(EntryMessage e, String category, CategoryDetails details, LocalDate validTo,
                                     String name, String sourceDocument) {
        return new EntryMessage(Operation.ADD, e.idNumber(), name, category, details, e.recognisedOn(),
                e.validFrom(), validTo, sourceDocument, e.residency());
    }

    static void assertRefusedOverRest(BatchMessage batch, String code, int index) throws Exception {
        HttpResponse<String> response = PlatformClient.pushRest(batch);
        assertEquals(422, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        assertEquals("BATCH_REJECTED", body.getString("code"));
        List<String> found = body.getJsonArray("rejections").stream().map(JsonValue::asJsonObject)
                .map(r -> r.getInt("entryIndex") + ":" + r.getString("code")).toList();
        assertTrue(found.contains(index + ":" + code), found.toString());
    }

    static void assertRefusedOverSoap(BatchMessage batch, String code, int index) throws Exception {
        SOAPBody body = PlatformClient.pushSoap(batch);
        assertTrue(body.hasFault(), "a SOAP fault");
        NodeList reasons = body.getElementsByTagName("reason");
        List<String> found = new ArrayList<>();
        for (int i = 0; i < reasons.getLength(); i++) {
            Element reason = (Element) reasons.item(i);
            found.add(text(reason, "entryIndex") + ":" + text(reason, "code"));
        }
        assertTrue(found.contains(index + ":" + code), found.toString());
        assertFalse(body.getTextContent().contains("at cn.gov"), "no stack trace in the fault");
    }

    private static long entryCount() throws Exception {
        return Long.parseLong(column("SELECT COUNT(*) FROM redlist_entry"));
    }

    static String column(String sql) throws Exception {
        try (Connection db = RunningSystem.openDatabase(); Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Element first(SOAPBody body, String name) {
        assertFalse(body.hasFault(), () -> body.getFault().getFaultString());
        return (Element) body.getElementsByTagName(name).item(0);
    }

    static String text(Element parent, String child) {
        return parent.getElementsByTagName(child).item(0).getTextContent();
    }
}
