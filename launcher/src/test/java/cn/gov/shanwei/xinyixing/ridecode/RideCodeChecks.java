package cn.gov.shanwei.xinyixing.ridecode;

import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.remove;
import static cn.gov.shanwei.xinyixing.redlist.PlatformClient.signed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2KeyPair;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.redlist.PlatformClient;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.ridecode.control.Authorisation;
import cn.gov.shanwei.xinyixing.ridecode.control.AuthorisationTerms;
import cn.gov.shanwei.xinyixing.ridecode.control.CardData;
import cn.gov.shanwei.xinyixing.ridecode.control.InstitutionCertificate;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCode;
import cn.gov.shanwei.xinyixing.ridecode.qr.RideCodeQr;
import cn.gov.shanwei.xinyixing.system.AtOnce;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * R8 end to end: a citizen's phone gets an authorisation for its own key, makes codes offline, and
 * the server's validator checks (the eight of ride-code.md) price the ride or refuse it.
 */
public abstract class RideCodeChecks {

    private static Rider rider() throws Exception {
        return Rider.signedUp();
    }

    @Test
    void aPhoneMadeCodeVerifiesAndRidesAtHalfFare() throws Exception {
        Rider rider = rider();
        JsonObject credential = rider.credential();
        assertEquals("XINYIXING", credential.getString("concession"));
        CardData entitlement = Authorisation.parse(Base64.getDecoder().decode(credential.getString("authorisation")))
                .cardData().orElseThrow();
        assertEquals(5000, entitlement.rateBasisPoints());

        JsonObject ride = ValidatorClient.scan(rider.code(credential, Instant.now().getEpochSecond()));
        assertEquals("OK", ride.getString("reason"), ride.toString());
        assertEquals(200, ride.getInt("originalFen"));
        assertEquals(100, ride.getInt("discountFen"));
        assertEquals(100, ride.getInt("chargedFen"));
    }

    @Test
    void renewingGivesANewEntitlementSerial() throws Exception {
        Rider rider = rider();
        long first = rider.credential().getJsonNumber("entitlementSerial").longValue();
        long second = rider.credential().getJsonNumber("entitlementSerial").longValue();
        assertEquals(first + 1, second);
    }

    @Test
    void craftedCodesAreRefusedWithTheReasonOfTheFirstFailedCheck() throws Exception {
        Rider rider = rider();
        JsonObject credential = rider.credential();
        long now = Instant.now().getEpochSecond();

        assertEquals("MALFORMED", ValidatorClient.scan(new byte[] {(byte) 0x81, 0, 3, 1, 2, 3}).getString("reason"));
        byte[] forged = rider.code(credential, now);
        forged[forged.length - 1] ^= 1;
        assertEquals("USER_SIGNATURE_INVALID", ValidatorClient.scan(forged).getString("reason"));
        assertEquals("CODE_EXPIRED", ValidatorClient.scan(rider.code(credential, now - 600)).getString("reason"));
        assertEquals("NOT_YET_VALID", ValidatorClient.scan(rider.code(credential, now + 600)).getString("reason"));

        byte[] once = rider.code(credential, now - 1);
        assertEquals("OK", ValidatorClient.scan(once).getString("reason"));
        assertEquals("REPLAYED", ValidatorClient.scan(once).getString("reason"));
    }

    /** Two validators scanning one code at the same moment: the database lets it pay once. */
    @Test
    void aCodeScannedTwiceAtTheSameMomentPaysOnce() throws Exception {
        Rider rider = rider();
        byte[] code = rider.code(rider.credential(), Instant.now().getEpochSecond());
        // Two buses at once, as a copied code would be shown
        List<String> reasons = AtOnce.run(() -> ValidatorClient.onRoute("1").scanned(code).getString("reason"),
                () -> ValidatorClient.onRoute("6").scanned(code).getString("reason"));
        assertEquals(List.of("OK", "REPLAYED"), reasons.stream().sorted().toList());
        try (Connection db = RunningSystem.openDatabase(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM ride_code_use WHERE payment_account_no = '"
                     + Rider.authorisation(rider.credential()).paymentAccount() + "'")) {
            row.next();
            assertEquals(1, row.getInt(1), "one use recorded");
        }
        try (Connection db = RunningSystem.openDatabase(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT state, reason FROM trip_record WHERE payment_account_no = '"
                     + Rider.authorisation(rider.credential()).paymentAccount() + "' ORDER BY state")) {
            List<String> trips = new java.util.ArrayList<>();
            while (rows.next()) {
                trips.add(rows.getString(1) + " " + rows.getString(2));
            }
            assertEquals(List.of("ACCEPTED OK", "REFUSED REPLAYED"), trips, "both taps are trips; one is paid");
        }
    }

    /**
     * The chain failures, crafted with the system's real issuer key (read from the database as a
     * validator vendor's test lab would be given it) or with keys the system never trusted.
     */
    @Test
    void chainFailuresAreNamed() throws Exception {
        Rider rider = rider();
        Authorisation real = Authorisation.parse(Base64.getDecoder().decode(rider.credential().getString("authorisation")));
        Sm2PrivateKey issuerKey;
        try (Connection db = RunningSystem.openDatabase(); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT private_key_cipher FROM ridecode_issuer_key WHERE active")) {
            row.next();
            issuerKey = SmCrypto.decodePrivateKey(SmCrypto.sm4Decrypt(RunningSystem.ridecodeKeyEncryptionKey(), row.getBytes(1)));
        }
        long now = Instant.now().getEpochSecond();
        CardData entitlement = real.cardData().orElseThrow();
        InstitutionCertificate cert = real.certificate();
        Sm2KeyPair stranger = SmCrypto.generateSm2KeyPair();

        InstitutionCertificate unknownCa = InstitutionCertificate.issue(cert.serviceId(), 9, cert.issuerId(), cert.expiryDate(),
                2, issuerKey.publicKey(), stranger.privateKey());
        assertEquals("CA_KEY_UNKNOWN", scanWith(rider, terms(rider, real, now + 3600, entitlement), unknownCa, issuerKey, now));
        InstitutionCertificate forgedCert = InstitutionCertificate.issue(cert.serviceId(), cert.caKeyIndex(), cert.issuerId(),
                cert.expiryDate(), 3, issuerKey.publicKey(), stranger.privateKey());
        assertEquals("CERTIFICATE_INVALID", scanWith(rider, terms(rider, real, now + 3600, entitlement), forgedCert, issuerKey, now));

        byte[] tampered = real.encode();
        tampered[InstitutionCertificate.LENGTH + 16 + 10 + 4 + 4 + 1 + 2] ^= 0x01; // the per-ride limit
        assertEquals("AUTHORISATION_INVALID", ValidatorClient.scan(
                RideCode.make(Authorisation.parse(tampered), now, rider.phoneKey().privateKey()).encode()).getString("reason"));
        assertEquals("AUTHORISATION_EXPIRED", scanWith(rider, terms(rider, real, now - 60, entitlement), cert, issuerKey, now));
        CardData lapsed = new CardData(entitlement.concession(), entitlement.rateBasisPoints(),
                java.time.LocalDate.now(java.time.ZoneOffset.ofHours(8)).minusDays(1), entitlement.serial());
        assertEquals("ENTITLEMENT_EXPIRED", scanWith(rider, terms(rider, real, now + 3600, lapsed), cert, issuerKey, now + 1));
    }

    private static AuthorisationTerms terms(Rider rider, Authorisation real, long expiresAt, CardData cardData) {
        return new AuthorisationTerms(real.paymentAccount(), real.userAccount(), real.cardIssuerCode(), real.qrPlatformId(),
                real.accountType(), real.amountLimitFen(), rider.phoneKey().publicKey(), expiresAt,
                real.codeValiditySeconds(), cardData);
    }

    private static String scanWith(Rider rider, AuthorisationTerms terms, InstitutionCertificate cert, Sm2PrivateKey issuerKey,
                                   long generationTime) throws Exception {
        Authorisation authorisation = Authorisation.sign(terms, cert, issuerKey);
        return ValidatorClient.scan(RideCode.make(authorisation, generationTime, rider.phoneKey().privateKey()).encode())
                .getString("reason");
    }

    @Test
    void serverMadeCodeDecodesFromItsPngAndVerifies() throws Exception {
        Rider rider = rider();
        HttpResponse<String> response = rider.app().post("/api/mp/v1/code", "");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject made = Http.json(response);
        byte[] code = Base64.getDecoder().decode(made.getString("code"));
        assertArrayEquals(code, RideCodeQr.decode(Base64.getDecoder().decode(made.getString("png"))));
        assertEquals("OK", ValidatorClient.onRoute("10").scanned(code).getString("reason"));

        // A code is known by account and generation second: a second one within the same second is a replay
        Thread.sleep(1_100);
        HttpResponse<byte[]> png = rider.app().getBytes("/api/mp/v1/code.png");
        assertEquals(200, png.statusCode());
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals("OK", ValidatorClient.onRoute("10").scanned(RideCodeQr.decode(png.body())).getString("reason"));
    }

    @Test
    void closingTheAccountRevokesItsCodesThroughTheBlacklist() throws Exception {
        Rider rider = rider();
        JsonObject credential = rider.credential();
        long version = ValidatorClient.blacklist(0)
                .getJsonNumber("version").longValue();

        assertEquals(200, rider.app().delete("/api/mp/v1/account").statusCode());

        JsonObject delta = ValidatorClient.blacklist(version);
        assertTrue(delta.getJsonNumber("version").longValue() > version);
        List<String> reasons = delta.getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                .map(entry -> entry.getString("reason")).toList();
        assertTrue(reasons.contains("ACCOUNT_CLOSED"), reasons.toString());
        assertEquals("REVOKED", ValidatorClient.scan(rider.code(credential, Instant.now().getEpochSecond()))
                .getString("reason"));
    }

    @Test
    void removalFromTheRedListRevokesTheEntitlement() throws Exception {
        Rider rider = rider();
        JsonObject credential = rider.credential();
        assertEquals(200, PlatformClient.pushRest(signed(PlatformClient.nextSequence(),
                List.of(remove(rider.idNumber(), "BLOOD_DONOR")))).statusCode());
        assertEquals("REVOKED", ValidatorClient.scan(rider.code(credential, Instant.now().getEpochSecond()))
                .getString("reason"));
        JsonObject renewed = rider.credential();
        assertTrue(!renewed.containsKey("concession") || renewed.isNull("concession"),
                "a renewed credential carries no 信易行 entitlement: " + renewed);
    }

    @Test
    void aLostPhonesCredentialStopsButANewOneWorks() throws Exception {
        Rider rider = rider();
        JsonObject lost = rider.credential();
        assertEquals(204, rider.app().post("/api/mp/v1/credential/lost", "").statusCode());
        assertEquals("REVOKED", ValidatorClient.scan(rider.code(lost, Instant.now().getEpochSecond())).getString("reason"));
        JsonObject replacement = rider.credential();
        assertEquals("OK", ValidatorClient.scan(rider.code(replacement, Instant.now().getEpochSecond())).getString("reason"));
    }

    @Test
    void tripHistoryListsOriginalChargedAndDiscount() throws Exception {
        Rider rider = rider();
        assertEquals("OK", ValidatorClient.scan(rider.code(rider.credential(), Instant.now().getEpochSecond()))
                .getString("reason"));
        // A refused tap is a trip too, but not a ride of the citizen's history
        assertEquals("MALFORMED", ValidatorClient.scan(new byte[] {1}).getString("reason"));
        HttpResponse<String> response = rider.app().get("/api/mp/v1/trips");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(1, Http.jsonArray(response).size(), response.body());
        JsonObject trip = Http.jsonArray(response).getJsonObject(0);
        assertEquals(200, trip.getInt("originalFen"));
        assertEquals(100, trip.getInt("chargedFen"));
        assertEquals(100, trip.getInt("discountFen"));
        assertEquals("1", trip.getString("routeNo"));
    }

    @Test
    void validatorsGetThePinnedCaKeysInTheirSync() throws Exception {
        JsonObject first = ValidatorClient.sync(0).getJsonArray("caKeys").getJsonObject(0);
        assertEquals(66, first.getString("publicKey").length());
    }
}
