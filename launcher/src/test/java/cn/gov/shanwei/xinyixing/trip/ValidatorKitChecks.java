package cn.gov.shanwei.xinyixing.trip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.ridecode.Rider;
import cn.gov.shanwei.xinyixing.ridecode.ValidatorClient;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import cn.gov.shanwei.xinyixing.validatorkit.Scan;
import cn.gov.shanwei.xinyixing.validatorkit.SyncResult;
import cn.gov.shanwei.xinyixing.validatorkit.UploadReport;
import cn.gov.shanwei.xinyixing.validatorkit.ValidatorKit;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/**
 * The validator kit against the real server, as a vendor's validator would run it: register, sync, scan
 * offline, upload, and catch up on a revocation in one sync.
 */
public abstract class ValidatorKitChecks {

    private static ValidatorKit kit(ValidatorClient device) throws Exception {
        Path data = Files.createTempDirectory("validator-kit-it");
        return ValidatorKit.builder().baseUrl(RunningSystem.baseUrl()).deviceId(device.deviceId())
                .secretHex(device.secretHex()).sslContext(SSLContext.getDefault()).dataDirectory(data).build();
    }

    private static long tripOf(ValidatorClient device, long serial) throws Exception {
        try (java.sql.Connection db = RunningSystem.openDatabase(); java.sql.PreparedStatement query = db.prepareStatement(
                "SELECT t.id FROM trip_record t JOIN validator v ON v.id = t.validator_id"
                        + " WHERE v.device_id = ? AND t.device_serial = ?")) {
            query.setString(1, device.deviceId());
            query.setLong(2, serial);
            try (java.sql.ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the upload stored serial " + serial);
                return row.getLong(1);
            }
        }
    }

    @Test
    void aKitValidatorSyncsScansOfflineAndUploadsWhatTheServerThenAccepts() throws Exception {
        ValidatorClient device = ValidatorClient.register("10");
        Rider rider = Rider.signedUp();
        try (ValidatorKit kit = kit(device)) {
            SyncResult sync = kit.sync();
            assertEquals("10", sync.device().routeNo());
            assertEquals(300, kit.fareFen());
            Scan scan = kit.scan(rider.code(rider.credential(), Instant.now().getEpochSecond()));
            assertTrue(scan.ok(), scan.toString());
            assertEquals(150, scan.chargedFen());
            UploadReport report = kit.upload();
            assertEquals(1, report.stored(), report.toString());
            assertTrue(report.complete(), report.toString());
            java.util.Map<String, Object> trip = OfflineUploadChecks.awaitDecided(tripOf(device, scan.serial()));
            assertEquals("ACCEPTED", trip.get("state"));
            assertEquals(300, ((Number) trip.get("original_fen")).intValue());
            assertEquals(0, kit.upload().sent(), "nothing left to send once acknowledged");
        }
    }

    @Test
    void aKitValidatorLearnsOfAClosedAccountInOneSyncAndRefusesItsCodesOffline() throws Exception {
        ValidatorClient device = ValidatorClient.register("1");
        Rider rider = Rider.signedUp();
        JsonObject credential = rider.credential();
        try (ValidatorKit kit = kit(device)) {
            kit.sync();
            assertTrue(kit.scan(rider.code(credential, Instant.now().getEpochSecond())).ok());
            assertEquals(200, rider.app().delete("/api/mp/v1/account").statusCode());
            kit.sync();
            Scan refused = kit.scan(rider.code(credential, Instant.now().getEpochSecond() + 1));
            assertEquals("REVOKED", refused.reason());
        }
    }
}
