package cn.gov.shanwei.xinyixing.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.shanwei.xinyixing.account.MiniProgramClient;
import cn.gov.shanwei.xinyixing.launcher.PaymentPlatformStub;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.system.AtOnce;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The password-free payment agreement (R9) against the stand-in payment platform: signing through
 * its page and signed notification, refusal, frozen accounts, forged notifications, cancellation,
 * and notifications replayed, late, out of order or concurrent.
 */
public abstract class PaymentAgreementChecks {

    private static MiniProgramClient citizenWithAccount() throws Exception {
        MiniProgramClient app = MiniProgramClient.asCitizen(TestPeople.shanwei(), "孙八");
        assertEquals(201, app.openAccount("STANDARD").statusCode());
        return app;
    }

    private static HttpResponse<String> credential(MiniProgramClient app) throws Exception {
        return app.post("/api/mp/v1/credential", "{\"userPublicKey\":\""
                + Base64.getEncoder().encodeToString(SmCrypto.generateSm2KeyPair().publicKey().encoded()) + "\"}");
    }

    @Test
    void noCredentialBeforeTheAgreementIsSigned() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        assertEquals("NONE", PaymentAgreementSteps.state(app));
        HttpResponse<String> refused = credential(app);
        assertEquals(422, refused.statusCode());
        assertEquals("PAYMENT_AGREEMENT_REQUIRED", Http.json(refused).getString("code"));
    }

    @Test
    void aRefusedAgreementLeavesTheCodeUnavailable() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        PaymentAgreementSteps.sign(app, false);
        assertEquals("REFUSED", PaymentAgreementSteps.state(app));
        assertEquals("PAYMENT_AGREEMENT_REQUIRED", Http.json(credential(app)).getString("code"));
    }

    @Test
    void aSignedAgreementAllowsCredentialsUntilTheAccountIsFrozen() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        String request = PaymentAgreementSteps.sign(app, true);
        assertEquals("ACTIVE", PaymentAgreementSteps.state(app));
        assertEquals(200, credential(app).statusCode());

        assertEquals(200, RunningSystem.paymentPlatform().notifyEvent(request, "ACCOUNT_FROZEN"));
        assertEquals("BLOCKED", PaymentAgreementSteps.state(app));
        assertEquals("PAYMENT_BLOCKED", Http.json(credential(app)).getString("code"));

        assertEquals(200, RunningSystem.paymentPlatform().notifyEvent(request, "ACCOUNT_UNFROZEN"));
        assertEquals(200, RunningSystem.paymentPlatform().notifyEvent(request, "ACCOUNT_UNFROZEN"), "a repeat is harmless");
        assertEquals("ACTIVE", PaymentAgreementSteps.state(app));
    }

    @Test
    void forgedOrUnknownNotificationsChangeNothing() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        String request = PaymentAgreementSteps.sign(app, true);
        byte[] body = ("{\"event\":\"CONTRACT_TERMINATED\",\"requestNo\":\"" + request + "\"}").getBytes(StandardCharsets.UTF_8);
        String notifyUrl = RunningSystem.paymentPlatform().notifyUrlOf(request);

        byte[] forged = SmCrypto.sign(SmCrypto.generateSm2KeyPair().privateKey(), body);
        assertEquals(401, RunningSystem.paymentPlatform().send(notifyUrl, body, forged));
        assertEquals(401, RunningSystem.paymentPlatform().send(notifyUrl, body, new byte[3]));
        assertEquals(404, RunningSystem.paymentPlatform().sendSigned(notifyUrl, RunningSystem.paymentPlatform()
                .notification("0".repeat(32), "CONTRACT_TERMINATED", UUID.randomUUID().toString(), OffsetDateTime.now())));
        assertEquals(400, RunningSystem.paymentPlatform().sendSigned(notifyUrl,
                "{\"event\":\"CONTRACT_TERMINATED\",\"requestNo\":\"" + request + "\"}"), "no event id nor time");
        assertEquals(400, RunningSystem.paymentPlatform().sendSigned(notifyUrl,
                "{\"eventId\":\"e-1\",\"eventTime\":\"yesterday\",\"event\":\"CONTRACT_TERMINATED\",\"requestNo\":\"" + request + "\"}"));
        assertEquals(400, RunningSystem.paymentPlatform().sendSigned(notifyUrl, "[1,2]"));
        assertEquals(400, RunningSystem.paymentPlatform().sendSigned(notifyUrl,
                "{\"event\":\"SOMETHING_ELSE\",\"requestNo\":\"" + request + "\"}"));
        assertEquals("ACTIVE", PaymentAgreementSteps.state(app));
    }

    @Test
    void theCitizenCanCancelTheAgreement() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        PaymentAgreementSteps.sign(app, true);
        HttpResponse<String> cancelled = app.delete("/api/mp/v1/payment-agreement");
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", PaymentAgreementSteps.state(app));
        assertEquals(422, app.delete("/api/mp/v1/payment-agreement").statusCode());
    }

    private static PaymentPlatformStub platform() {
        return RunningSystem.paymentPlatform();
    }

    private static void assertAcknowledged(HttpResponse<String> answer, String outcome, String status) {
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject ack = Http.json(answer);
        assertEquals("SUCCESS", ack.getString("code"), "acknowledged, so the platform stops retrying");
        assertEquals(outcome, ack.getString("outcome"), answer.body());
        assertEquals(status, ack.getString("status"), answer.body());
    }

    /** What the system recorded for an event id: its outcome, once per row. */
    private static List<String> recorded(String eventId) throws Exception {
        try (Connection db = RunningSystem.openDatabase();
             PreparedStatement query = db.prepareStatement("SELECT outcome FROM payment_notification WHERE event_id = ?")) {
            query.setString(1, eventId);
            List<String> outcomes = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    outcomes.add(rows.getString(1));
                }
            }
            return outcomes;
        }
    }

    @Test
    void aReplayedEventIsAcknowledgedAndIgnored() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        String request = PaymentAgreementSteps.sign(app, true);
        OffsetDateTime now = OffsetDateTime.now();
        String freeze = UUID.randomUUID().toString();
        assertAcknowledged(platform().notifyEvent(request, "ACCOUNT_FROZEN", freeze, now.plusSeconds(1)), "APPLIED", "BLOCKED");
        assertAcknowledged(platform().notifyEvent(request, "ACCOUNT_UNFROZEN", UUID.randomUUID().toString(), now.plusSeconds(2)),
                "APPLIED", "ACTIVE");
        assertAcknowledged(platform().replay(request, "ACCOUNT_FROZEN"), "DUPLICATE", "ACTIVE");
        assertEquals("ACTIVE", PaymentAgreementSteps.state(app));
        assertEquals(List.of("APPLIED"), recorded(freeze), "an event is kept once");
    }

    @Test
    void aReplayedSigningDoesNotReactivateABlockedAgreement() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        String request = PaymentAgreementSteps.sign(app, true);
        assertEquals(200, platform().notifyEvent(request, "ARREARS"));
        assertEquals("BLOCKED", PaymentAgreementSteps.state(app));

        assertAcknowledged(platform().replay(request, "CONTRACT_SIGNED"), "DUPLICATE", "BLOCKED");
        // The same news under a new event id (a platform that re-numbers its retries) is refused by the state machine
        String again = UUID.randomUUID().toString();
        assertAcknowledged(platform().notifyEvent(request, "CONTRACT_SIGNED", again, OffsetDateTime.now().plusSeconds(1)),
                "TRANSITION_REFUSED", "BLOCKED");
        assertEquals(List.of("TRANSITION_REFUSED"), recorded(again), "refused, but recorded");
        assertEquals("BLOCKED", PaymentAgreementSteps.state(app));
        assertEquals("PAYMENT_BLOCKED", Http.json(credential(app)).getString("code"));
    }

    @Test
    void aReplayedSigningDoesNotReactivateACancelledAgreement() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        String request = PaymentAgreementSteps.sign(app, true);
        assertEquals(200, app.delete("/api/mp/v1/payment-agreement").statusCode());

        assertAcknowledged(platform().replay(request, "CONTRACT_SIGNED"), "DUPLICATE", "CANCELLED");
        assertAcknowledged(platform().notifyEvent(request, "CONTRACT_SIGNED", UUID.randomUUID().toString(),
                OffsetDateTime.now().plusSeconds(1)), "TRANSITION_REFUSED", "CANCELLED");
        assertAcknowledged(platform().notifyEvent(request, "ACCOUNT_UNFROZEN", UUID.randomUUID().toString(),
                OffsetDateTime.now().plusSeconds(2)), "TRANSITION_REFUSED", "CANCELLED");
        assertEquals("CANCELLED", PaymentAgreementSteps.state(app));
        assertEquals("PAYMENT_AGREEMENT_REQUIRED", Http.json(credential(app)).getString("code"));
    }

    @Test
    void anOlderEventArrivingAfterANewerOneIsIgnored() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        String request = PaymentAgreementSteps.sign(app, true);
        OffsetDateTime now = OffsetDateTime.now();
        // Unfrozen at +2 s, then frozen again at +3 s; the network delivers the freeze first
        assertAcknowledged(platform().notifyEvent(request, "ACCOUNT_FROZEN", UUID.randomUUID().toString(), now.plusSeconds(1)),
                "APPLIED", "BLOCKED");
        assertAcknowledged(platform().notifyEvent(request, "ACCOUNT_FROZEN", UUID.randomUUID().toString(), now.plusSeconds(3)),
                "APPLIED", "BLOCKED");
        String late = UUID.randomUUID().toString();
        assertAcknowledged(platform().notifyEvent(request, "ACCOUNT_UNFROZEN", late, now.plusSeconds(2)), "STALE", "BLOCKED");
        assertEquals(List.of("STALE"), recorded(late));
        assertEquals("BLOCKED", PaymentAgreementSteps.state(app));
    }

    @Test
    void twoIdenticalNotificationsAtTheSameMomentApplyOnce() throws Exception {
        MiniProgramClient app = citizenWithAccount();
        String request = PaymentAgreementSteps.sign(app, true);
        String eventId = UUID.randomUUID().toString();
        String body = platform().notification(request, "ACCOUNT_FROZEN", eventId, OffsetDateTime.now().plusSeconds(1));
        String notifyUrl = platform().notifyUrlOf(request);
        List<String> outcomes = new ArrayList<>();
        for (HttpResponse<String> response : AtOnce.run(() -> platform().sendSignedForAnswer(notifyUrl, body),
                () -> platform().sendSignedForAnswer(notifyUrl, body))) {
            assertEquals(200, response.statusCode(), response.body());
            outcomes.add(Http.json(response).getString("outcome"));
        }
        outcomes.sort(null);
        assertEquals(List.of("APPLIED", "DUPLICATE"), outcomes);
        assertEquals(List.of("APPLIED"), recorded(eventId));
        assertEquals("BLOCKED", PaymentAgreementSteps.state(app));
    }
}
