package cn.gov.shanwei.xinyixing.trip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.ridecode.Rider;
import cn.gov.shanwei.xinyixing.ridecode.ValidatorClient;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import cn.gov.shanwei.xinyixing.validatorkit.RetryPolicy;
import cn.gov.shanwei.xinyixing.validatorkit.UploadReport;
import cn.gov.shanwei.xinyixing.validatorkit.ValidatorKit;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The faults an offline upload must survive, with a vendor's validator (the kit) retrying as it would on a
 * bus: the server killed with SIGKILL in the middle of the uploads, and the database stopped and started
 * again. Afterwards every record is stored exactly once, and nothing the server acknowledged is missing.
 */
public abstract class UploadFaultChecks {

    private static final int RECORDS = 1200;
    /** Small batches, so that the uploads are still under way when the fault strikes. */
    private static final int BATCH = 20;
    private static final RetryPolicy PATIENT = new RetryPolicy(60, Duration.ofMillis(500), Duration.ofSeconds(5));

    /** A clock the test moves: the bus scanned its codes an hour ago and uploads now. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void set(Instant instant) {
            now = instant;
        }

        void followSystem() {
            now = null;
        }

        @Override
        public Instant instant() {
            Instant fixed = now;
            return fixed == null ? Instant.now() : fixed;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aServerKilledMidUploadLosesNoAcknowledgedRecordAndStoresNoneTwice() throws Exception {
        ValidatorClient device = ValidatorClient.register("1");
        try (ValidatorKit kit = scannedOffline(device)) {
            CompletableFuture<UploadReport> uploading = CompletableFuture.supplyAsync(() -> upload(kit));
            awaitStored(device, 4L * BATCH);
            RunningSystem.killServer();
            long atKill = stored(device)[0];
            assertTrue(atKill < RECORDS, "killed in the middle: " + atKill + " of " + RECORDS + " stored");
            RunningSystem.startServerAgain();
            UploadReport first = uploading.get(5, TimeUnit.MINUTES);
            // A validator whose retries ran out during the outage simply uploads again later
            UploadReport rest = first.complete() ? first : upload(kit);
            assertTrue(rest.complete(), rest.toString());
            assertStoredOnce(device);
        }
    }

    @Test
    void aDatabaseRestartDuringUploadsIsSurvivedWithClearErrorsMeanwhile() throws Exception {
        Assumptions.assumeTrue(RunningSystem.databaseIsEmbedded(), "only the embedded database can be stopped by the suite");
        ValidatorClient device = ValidatorClient.register("1");
        try (ValidatorKit kit = scannedOffline(device)) {
            CompletableFuture<UploadReport> uploading = CompletableFuture.supplyAsync(() -> upload(kit));
            awaitStored(device, 4L * BATCH);
            long beforeOutage = stored(device)[0];
            RunningSystem.stopDatabase();
            assertTrue(beforeOutage < RECORDS, "stopped in the middle: " + beforeOutage + " of " + RECORDS + " stored");
            try {
                HttpResponse<String> during = device.get("/api/validator/v1/sync", "blacklistSince=0");
                assertEquals(503, during.statusCode(), during.body());
                assertEquals("SERVICE_UNAVAILABLE", cn.gov.shanwei.xinyixing.system.Http.json(during).getString("code"));
                assertTrue(during.headers().firstValue("Retry-After").isPresent(), "tells the device when to come back");
                Thread.sleep(3000);
            } finally {
                RunningSystem.startDatabaseAgain();
            }
            UploadReport first = uploading.get(5, TimeUnit.MINUTES);
            UploadReport rest = first.complete() ? first : upload(kit);
            assertTrue(rest.complete(), rest.toString());
            assertStoredOnce(device);
            RunningSystem.awaitReady();
            assertEquals(200, device.get("/api/validator/v1/sync", "blacklistSince=0").statusCode(), "service resumed by itself");
        }
    }

    /** A kit validator holding {@link #RECORDS} valid records scanned an hour ago, not yet uploaded. */
    private static ValidatorKit scannedOffline(ValidatorClient device) throws Exception {
        Rider rider = Rider.signedUp();
        JsonObject credential = rider.credential();
        MovableClock clock = new MovableClock();
        ValidatorKit kit = ValidatorKit.builder().baseUrl(RunningSystem.baseUrl()).deviceId(device.deviceId())
                .secretHex(device.secretHex()).sslContext(SSLContext.getDefault())
                .dataDirectory(Files.createTempDirectory("validator-kit-fault")).clock(clock).batchSize(BATCH)
                .retryPolicies(PATIENT, RetryPolicy.BOARDING).build();
        kit.sync();
        Instant start = Instant.now().minusSeconds(3600);
        for (int i = 0; i < RECORDS; i++) {
            Instant at = start.plusSeconds(i);
            clock.set(at);
            assertTrue(kit.scan(rider.code(credential, at.getEpochSecond())).ok());
        }
        clock.followSystem();
        return kit;
    }

    private static UploadReport upload(ValidatorKit kit) {
        try {
            return kit.upload();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitStored(ValidatorClient device, long atLeast) throws Exception {
        Instant deadline = Instant.now().plusSeconds(120);
        while (stored(device)[0] < atLeast) {
            assertTrue(Instant.now().isBefore(deadline), "uploads under way");
            Thread.sleep(50);
        }
    }

    private static void assertStoredOnce(ValidatorClient device) throws Exception {
        long[] counts = stored(device);
        assertEquals(RECORDS, counts[0], "every record stored");
        assertEquals(RECORDS, counts[1], "none twice");
    }

    /** Rows and distinct serials of the device. */
    private static long[] stored(ValidatorClient device) throws Exception {
        try (Connection db = RunningSystem.openDatabase(); PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*), COUNT(DISTINCT t.device_serial) FROM trip_record t JOIN validator v ON v.id = t.validator_id"
                        + " WHERE v.device_id = ?")) {
            query.setString(1, device.deviceId());
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
    }
}
