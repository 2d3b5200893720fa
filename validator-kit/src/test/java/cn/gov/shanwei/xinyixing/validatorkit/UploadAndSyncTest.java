package cn.gov.shanwei.xinyixing.validatorkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit's client against a JDK HTTP server that speaks the documented contract. */
class UploadAndSyncTest {

    private static final byte[] SECRET = RequestSignerTest.SECRET;
    private static final RetryPolicy POLICY = new RetryPolicy(6, Duration.ofMillis(100), Duration.ofMillis(1000));

    @TempDir
    Path dir;

    private final TestChain chain = new TestChain();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private FakeValidatorApi api;
    private ValidatorKit kit;

    @BeforeEach
    void start() throws IOException {
        api = new FakeValidatorApi(SECRET);
        api.syncBody = sync(3, "[{\"version\":2,\"paymentAccountNo\":\"PA0000000000001\",\"revokedUpToSerial\":4,"
                + "\"reason\":\"ARREARS\"},{\"version\":3,\"paymentAccountNo\":\"PA0000000000002\","
                + "\"revokedUpToSerial\":null,\"reason\":\"REDLIST_REMOVED\"}]");
    }

    @AfterEach
    void stop() throws IOException {
        if (kit != null) {
            kit.close();
        }
        api.close();
    }

    private String sync(long version, String entries) {
        return "{\"serverTime\":\"" + chain.clock.instant() + "\",\"device\":{\"deviceId\":\"BUS-0001\","
                + "\"companyCode\":\"SW01\",\"routeNo\":\"5\",\"fareFen\":200},\"caKeys\":[{\"index\":1,\"publicKey\":\""
                + chain.caKeyHex() + "\"}],\"blacklist\":{\"version\":" + version + ",\"entries\":" + entries + "}}";
    }

    private ValidatorKit kit() throws IOException {
        if (kit == null) {
            kit = ValidatorKit.builder().baseUrl(api.baseUrl()).deviceId("BUS-0001").secret(SECRET)
                    .dataDirectory(dir).clock(chain.clock).retryPolicies(POLICY, POLICY)
                    .sleeper(sleeps::add).random(new Random(1)).batchSize(500).build();
        }
        return kit;
    }

    private void restart() throws IOException {
        kit.close();
        kit = null;
    }

    private void scanMany(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            kit().scan(chain.code(chain.authorisation(TestChain.ACCOUNT, TestChain.SERIAL),
                    chain.clock.instant().getEpochSecond() - (i % 50)));
            if (i % 50 == 49) {
                chain.clock.advance(Duration.ofSeconds(1));
            }
        }
    }

    // ---------------------------------------------------------------- sync

    @Test
    void syncBringsKeysRouteAndBlacklistAndARestartKeepsThem() throws Exception {
        SyncResult result = kit().sync();
        assertEquals(3, result.blacklistVersion());
        assertEquals(2, result.entriesReceived());
        assertEquals("blacklistSince=0", api.requestsTo("/sync").get(0).query());
        assertTrue(api.requestsTo("/sync").get(0).signatureValid());
        assertEquals(new DeviceInfo("BUS-0001", "SW01", "5", 200), result.device());

        restart();
        // offline now: the state on disk is all there is
        api.close();
        ValidatorKit offline = kit();
        assertEquals(3, offline.blacklist().version());
        assertTrue(offline.blacklist().isRevoked("PA0000000000001", 4));
        assertFalse(offline.blacklist().isRevoked("PA0000000000001", 5));
        assertTrue(offline.blacklist().isRevoked("PA0000000000002", 1));
        assertEquals(200, offline.fareFen());
        assertEquals("OK", offline.scan(chain.code()).reason(), "the CA key came with the sync");
        assertEquals("REVOKED", offline.scan(chain.code(chain.authorisation("PA0000000000002", 9),
                chain.clock.instant().getEpochSecond())).reason());
        api = new FakeValidatorApi(SECRET); // for stop()
    }

    @Test
    void daysOfflineCatchUpInOneCallFromTheVersionHeld() throws Exception {
        kit().sync();
        chain.clock.advance(Duration.ofDays(3));
        api.syncBody = sync(40, "[{\"version\":17,\"paymentAccountNo\":\"PA0000000000001\",\"revokedUpToSerial\":9,"
                + "\"reason\":\"ARREARS\"},{\"version\":40,\"paymentAccountNo\":\"PA0000000000003\","
                + "\"revokedUpToSerial\":2,\"reason\":\"PHONE_LOST\"}]");
        restart();
        SyncResult result = kit().sync();
        assertEquals(2, api.requestsTo("/sync").size(), "one call after the days offline");
        assertEquals("blacklistSince=3", api.requestsTo("/sync").get(1).query());
        assertEquals(40, result.blacklistVersion());
        assertTrue(kit.blacklist().isRevoked("PA0000000000001", 9), "cut-off raised by the delta");
        assertTrue(kit.blacklist().isRevoked("PA0000000000002", 1), "older entries kept");
        assertTrue(kit.blacklist().isRevoked("PA0000000000003", 2));
        assertFalse(result.fullReload());
    }

    @Test
    void aServerListBehindOursIsFetchedWhole() throws Exception {
        kit().sync();
        api.syncBody = sync(1, "[{\"version\":1,\"paymentAccountNo\":\"PA0000000000009\",\"revokedUpToSerial\":null,"
                + "\"reason\":\"FRAUD\"}]");
        SyncResult result = kit.sync();
        assertTrue(result.fullReload());
        assertEquals("blacklistSince=0", api.requestsTo("/sync").get(2).query());
        assertFalse(kit.blacklist().isRevoked("PA0000000000001", 1));
        assertTrue(kit.blacklist().isRevoked("PA0000000000009", 1));
    }

    // ---------------------------------------------------------------- upload

    @Test
    void uploadsInBatchesOfAtMost500AndDeletesWhatTheServerCommitted() throws Exception {
        kit().sync();
        // the upload does not look into the codes; straight into the store, to keep the test quick
        byte[] code = chain.code();
        for (int i = 0; i < 1203; i++) {
            kit.store().append(code, chain.clock.instant(), "5", 200, "OK");
        }
        UploadReport report = kit.upload();
        assertEquals(3, report.batches());
        assertEquals(List.of(500, 500, 203), api.requestsTo("/trips").stream()
                .map(r -> r.body().split("\"serial\"", -1).length - 1).toList());
        assertTrue(api.requestsTo("/trips").stream().allMatch(FakeValidatorApi.Request::signatureValid));
        assertEquals(1203, report.stored());
        assertEquals(1203, report.deleted());
        assertEquals(0, kit.store().pendingCount());
        assertTrue(report.complete());
        assertEquals(1203, api.stored.size());
    }

    @Test
    void retriesNetworkErrorsAnd5xxWithGrowingJitteredBackOff() throws Exception {
        kit().sync();
        scanMany(3);
        api.script.add(r -> FakeValidatorApi.Reply.of(503, "{}"));
        api.script.add(r -> FakeValidatorApi.Reply.of(500, "oops"));
        api.script.add(r -> FakeValidatorApi.Reply.of(502, ""));
        api.script.add(r -> FakeValidatorApi.Reply.of(504, ""));
        UploadReport report = kit.upload();
        assertNull(report.problem());
        assertEquals(3, report.deleted());
        assertEquals(5, api.requestsTo("/trips").size());
        assertEquals(4, sleeps.size());
        for (int i = 0; i < sleeps.size(); i++) {
            long ceiling = Math.min(1000, 100L << i);
            long ms = sleeps.get(i).toMillis();
            assertTrue(ms >= ceiling / 2 && ms <= ceiling, "retry " + (i + 1) + " waited " + ms + " ms");
        }
        // every attempt signed afresh: no nonce twice
        assertEquals(5, api.requests.stream().map(FakeValidatorApi.Request::nonce).distinct()
                .filter(n -> api.requestsTo("/trips").stream().anyMatch(r -> n.equals(r.nonce()))).count());
    }

    @Test
    void givesUpAfterThePolicysAttemptsAndKeepsEveryRecord() throws Exception {
        kit().sync();
        scanMany(2);
        for (int i = 0; i < 10; i++) {
            api.script.add(r -> FakeValidatorApi.Reply.of(503, "{}"));
        }
        UploadReport report = kit.upload();
        assertNotNull(report.problem());
        assertTrue(report.problem().contains("6 attempt"), report.problem());
        assertEquals(6, api.requestsTo("/trips").size());
        assertEquals(2, kit.store().pendingCount());
    }

    @Test
    void aNetworkErrorIsRetried() throws Exception {
        kit().sync();
        scanMany(1);
        api.script.add(r -> FakeValidatorApi.Reply.DROP);
        UploadReport report = kit.upload();
        assertNull(report.problem());
        assertEquals(1, report.deleted());
        assertEquals(1, sleeps.size());
    }

    @Test
    void a4xxIsNotRetried() throws Exception {
        kit().sync();
        scanMany(2);
        api.script.add(r -> FakeValidatorApi.Reply.of(401,
                "{\"code\":\"DEVICE_DISABLED\",\"message\":\"设备已停用 / Device is disabled\"}"));
        UploadReport report = kit.upload();
        assertTrue(report.problem().contains("DEVICE_DISABLED"), report.problem());
        assertEquals(1, api.requestsTo("/trips").size());
        assertEquals(0, sleeps.size());
        assertEquals(2, kit.store().pendingCount());

        api.script.add(r -> FakeValidatorApi.Reply.of(400, "{\"code\":\"BATCH_INVALID\",\"message\":\"bad\"}"));
        DeviceRequestException refused = assertThrows(DeviceRequestException.class,
                () -> new DeviceClient(api.baseUrl(), new RequestSigner("BUS-0001", SECRET), null,
                        Duration.ofSeconds(2), Duration.ofSeconds(2), chain.clock, sleeps::add, new Random())
                        .exchange("POST", Uploader.PATH, null, "{}".getBytes(), POLICY));
        assertEquals(400, refused.status());
        assertEquals("BATCH_INVALID", refused.code());
    }

    @Test
    void clockSkewIsCuredOnceFromTheServersDateAndANonceReplayWithANewNonce() throws Exception {
        kit().sync();
        scanMany(1);
        // the server is ten minutes ahead
        String serverDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(chain.clock.instant().plusSeconds(600)
                .atOffset(ZoneOffset.UTC));
        api.script.add(r -> new FakeValidatorApi.Reply(401, "{\"code\":\"CLOCK_SKEW\",\"message\":\"时钟偏差 / Clock skew\"}",
                Map.of("Date", serverDate)));
        api.script.add(r -> FakeValidatorApi.Reply.of(401, "{\"code\":\"NONCE_REPLAYED\",\"message\":\"重放 / Replayed\"}"));
        UploadReport report = kit.upload();
        assertNull(report.problem());
        List<FakeValidatorApi.Request> trips = api.requestsTo("/trips");
        assertEquals(3, trips.size());
        assertEquals(0, sleeps.size(), "cured at once, no back-off");
        assertEquals(1, report.deleted());
    }

    @Test
    void partialAcknowledgementsDeleteOnlyTheListedSerialsAndTheRestIsSentAgain() throws Exception {
        kit().sync();
        scanMany(10);
        api.commitAtMost = 4;
        api.invalid.add(3L);
        UploadReport report = kit.upload();
        // batches: 1..10 → 1,2,4,5 committed (3 invalid); then 6..10 → 6,7,8,9; then 10
        assertEquals(9, report.deleted());
        assertEquals(1, report.invalid());
        assertEquals(3L, report.refusals().get(0).serial());
        assertEquals("MALFORMED", report.refusals().get(0).code());
        assertEquals(List.of(3L), kit.store().pending(10).stream().map(TripRecord::serial).toList(),
                "INVALID is not deletable: kept");
        assertEquals(1, kit.store().pendingCount());

        // the same records again (e.g. the answer was lost): DUPLICATE, deletable, not stored twice
        api.invalid.clear();
        api.commitAtMost = Integer.MAX_VALUE;
        api.stored.remove(3L);
        restart();
        UploadReport second = kit().upload();
        assertEquals(1, second.stored());
        assertEquals(0, kit.store().pendingCount());
    }

    @Test
    void aRecordCommittedButWhoseAnswerWasLostIsADuplicateWhenSentAgain() throws Exception {
        kit().sync();
        scanMany(2);
        api.script.add(r -> {
            api.normal(r); // committed on the server...
            return FakeValidatorApi.Reply.DROP; // ...and the answer never arrives
        });
        UploadReport report = kit.upload();
        assertNull(report.problem());
        assertEquals(0, report.stored());
        assertEquals(2, report.duplicate());
        assertEquals(2, report.deleted());
        assertEquals(2, api.stored.size(), "stored once");
        assertEquals(0, kit.store().pendingCount());
    }

    // ---------------------------------------------------------------- online scan

    @Test
    void anOnlineScanIsTheServersAnswerAndTheLocalRecordIsAcknowledged() throws Exception {
        kit().sync();
        Scan scan = kit.scanOnline(chain.code());
        assertEquals(Scan.Source.ONLINE, scan.source());
        assertEquals("OK", scan.reason());
        assertEquals(5000 + scan.serial(), scan.tripId());
        assertEquals(100, scan.chargedFen());
        FakeValidatorApi.Request request = api.requestsTo("/scan").get(0);
        assertTrue(request.signatureValid());
        assertTrue(request.body().contains("\"serial\":" + scan.serial()));
        assertEquals(0, kit.store().pendingCount());
    }

    @Test
    void whenTheServerCannotAnswerTheValidatorDecidesAndKeepsTheRecordForUpload() throws Exception {
        kit().sync();
        for (int i = 0; i < POLICY.maxAttempts(); i++) {
            api.script.add(r -> FakeValidatorApi.Reply.of(503, "{}"));
        }
        Scan scan = kit.scanOnline(chain.code());
        assertEquals(Scan.Source.OFFLINE_FALLBACK, scan.source());
        assertEquals("OK", scan.reason());
        assertNotNull(scan.fallbackCause());
        assertEquals(1, kit.store().pendingCount());
        assertEquals(1, kit.upload().deleted());
    }
}
