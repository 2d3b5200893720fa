package cn.gov.shanwei.xinyixing.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.account.MiniProgramClient;
import cn.gov.shanwei.xinyixing.launcher.PaymentPlatformStub;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import cn.gov.shanwei.xinyixing.ridecode.Rider;
import cn.gov.shanwei.xinyixing.ridecode.ValidatorClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Charging (R9) against the stand-in payment platform, from real online scans: each accepted trip owes
 * its fare, and the system's own collection (its timer, every 2 s) brings the charge to a final state
 * under each channel fault the stand-in can inject — a request lost on the way in, a reply lost after
 * the order was taken, no notification, duplicate notifications, a notification that overtakes the
 * reply, a user the platform reports OVERDUE, insufficient balance. A final failure puts the account in
 * arrears: its codes are revoked and no credential is issued until one repayment settles every order.
 */
public abstract class ChargingChecks {

    private static PaymentPlatformStub platform() {
        return RunningSystem.paymentPlatform();
    }

    @Test
    void aCitizenWhoOwesNothingHasNothingToRepay() throws Exception {
        MiniProgramClient app = MiniProgramClient.asCitizen(TestPeople.shanwei(), "周九");
        assertEquals(201, app.openAccount("STANDARD").statusCode());
        PaymentAgreementSteps.sign(app, true);

        JsonObject arrears = Http.json(app.get("/api/mp/v1/arrears"));
        assertFalse(arrears.getBoolean("owes"));
        assertEquals(0, arrears.getJsonNumber("owedFen").longValue());
        assertTrue(arrears.getJsonArray("orders").isEmpty());

        HttpResponse<String> refused = app.post("/api/mp/v1/arrears/repayment", "");
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("NO_ARREARS", Http.json(refused).getString("code"));
        assertTrue(Http.json(refused).getString("message").contains(" / "), "中文 / English");
    }

    @Test
    void notificationsAboutOrdersWeNeverMadeAreRefusedAndForgedOnesToo() throws Exception {
        MiniProgramClient app = MiniProgramClient.asCitizen(TestPeople.shanwei(), "吴十");
        assertEquals(201, app.openAccount("STANDARD").statusCode());
        String request = PaymentAgreementSteps.sign(app, true);
        String notifyUrl = platform().notifyUrlOf(request);
        String unknown = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventTime\":\"" + OffsetDateTime.now()
                + "\",\"event\":\"DEDUCTION_SUCCEEDED\",\"outTradeNo\":\"XYXD9999999999999999999\",\"transactionId\":\"1\"}";
        HttpResponse<String> answer = platform().sendSignedForAnswer(notifyUrl, unknown);
        assertEquals(404, answer.statusCode(), answer.body());
        assertEquals("UNKNOWN_ORDER", Http.json(answer).getString("code"));

        byte[] body = unknown.getBytes(StandardCharsets.UTF_8);
        assertEquals(401, platform().send(notifyUrl, body, SmCrypto.sign(SmCrypto.generateSm2KeyPair().privateKey(), body)));
    }

    /** The generation times handed out so far: from {@code start} down to {@code last}. */
    private static long start;
    private static long last;

    /**
     * A generation time no code of this class has had, so each of a rider's codes is a new code (a replay pays
     * once): counting down from now, and starting again above every second used once that leaves the codes'
     * freshness window. (Subtracting a counter from the clock could repeat a second when the clock ticked between
     * two rides.)
     */
    private static synchronized long freshGenerationSecond() {
        long now = Instant.now().getEpochSecond();
        if (last - 1 < now - 25) {
            start = Math.max(now, start + 1);
            last = start;
        } else {
            last--;
        }
        return last;
    }

    /** Boards with a fresh code of the passenger's credential; the online scan writes the trip and its debt. */
    private static long ride(Passenger p) throws Exception {
        JsonObject answer = ValidatorClient.scan(p.rider().code(p.credential(), freshGenerationSecond()));
        assertEquals("OK", answer.getString("reason"), answer.toString());
        assertTrue(answer.getInt("chargedFen") > 0, answer.toString());
        return answer.getJsonNumber("tripId").longValue();
    }

    private static String scanReason(Rider rider, JsonObject credential) throws Exception {
        return ValidatorClient.scan(rider.code(credential, freshGenerationSecond()))
                .getString("reason");
    }

    private static String repaymentState(Passenger p) throws Exception {
        JsonObject arrears = Http.json(p.rider().app().get("/api/mp/v1/arrears"));
        return arrears.isNull("repayment") ? null : arrears.getJsonObject("repayment").getString("state");
    }
    // ------------------------------------------------------------------ rides that owe, and their charges

    /** A signed-up rider whose contract at the stand-in is known, with a fresh credential. */
    private record Passenger(Rider rider, String contract, JsonObject credential) {
        static Passenger signedUp() throws Exception {
            Rider rider = Rider.signedUp();
            return new Passenger(rider, platform().contractOf(rider.agreementRequestNo()), rider.credential());
        }
    }

    /** The charge of a trip as the system keeps it: state, order number, failure reason. */
    private record ChargeRow(String state, String orderNo, String failReason, int chargedFen) {
    }

    private static ChargeRow charge(long tripId) throws Exception {
        try (Connection db = RunningSystem.openDatabase();
             PreparedStatement q = db.prepareStatement("SELECT state, order_no, fail_reason, charged_fen FROM charge WHERE trip_id = ?")) {
            q.setLong(1, tripId);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? new ChargeRow(r.getString(1), r.getString(2), r.getString(3), r.getInt(4)) : null;
            }
        }
    }

    /** Waits (the collection runs every 2 s) until the trip's charge has left DUE and ACCEPTED. */
    private static ChargeRow finalCharge(long tripId) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        ChargeRow row = charge(tripId);
        while (row == null || row.state().equals("DUE") || row.state().equals("ACCEPTED")) {
            if (System.nanoTime() > until) {
                throw new AssertionError("trip " + tripId + " still " + row);
            }
            Thread.sleep(200);
            row = charge(tripId);
        }
        return row;
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("never: " + what);
            }
            Thread.sleep(200);
        }
    }

    @Test
    void anAcceptedOrderIsPaidOnceAndItsNotificationAcknowledged() throws Exception {
        Passenger p = Passenger.signedUp();
        long balance = platform().collections().balance(p.contract());
        long trip = ride(p);
        ChargeRow row = finalCharge(trip);
        assertEquals("PAID", row.state());
        assertEquals(String.format("XYXD%019d", trip), row.orderNo(), "one order per trip, numbered after it");
        assertEquals(balance - row.chargedFen(), platform().collections().balance(p.contract()));
        assertEquals(1, platform().collections().deduction(row.orderNo()).requests());
        await("notified", () -> !platform().collections().notificationAnswers(row.orderNo()).isEmpty());
        assertTrue(platform().collections().notificationAnswers(row.orderNo()).get(0).startsWith("200:"),
                "acknowledged, so the platform stops retrying");
    }

    @Test
    void aLostRequestIsSentAgainWithTheSameNumber() throws Exception {
        Passenger p = Passenger.signedUp();
        platform().faults(p.contract()).noReplyBeforeTaking(1);
        long trip = ride(p);
        ChargeRow row = finalCharge(trip);
        assertEquals("PAID", row.state());
        assertEquals(1, platform().collections().deductionsOf(p.contract()).size(), "still one order");
        assertEquals(1, platform().collections().deduction(row.orderNo()).requests(), "the first never arrived");
    }

    @Test
    void aLostReplyIsSentAgainWithTheSameNumberAndChargedOnce() throws Exception {
        Passenger p = Passenger.signedUp();
        long balance = platform().collections().balance(p.contract());
        // The order is taken but the reply lost, and no notification says more: only a re-send tells
        platform().faults(p.contract()).noReplyAfterTaking(1).noNotifications(true);
        long trip = ride(p);
        ChargeRow row = finalCharge(trip);
        assertEquals("PAID", row.state());
        assertEquals(2, platform().collections().deduction(row.orderNo()).requests(), "re-sent under the same number");
        assertEquals(balance - row.chargedFen(), platform().collections().balance(p.contract()), "collected once");
    }

    @Test
    void withoutANotificationTheQueryTells() throws Exception {
        Passenger p = Passenger.signedUp();
        platform().faults(p.contract()).noNotifications(true);
        ChargeRow row = finalCharge(ride(p));
        assertEquals("PAID", row.state());
        assertTrue(platform().collections().notificationAnswers(row.orderNo()).isEmpty(), "nothing was notified");
    }

    @Test
    void duplicateNotificationsApplyOnce() throws Exception {
        Passenger p = Passenger.signedUp();
        platform().faults(p.contract()).duplicateNotifications(true);
        ChargeRow row = finalCharge(ride(p));
        assertEquals("PAID", row.state());
        await("both copies answered", () -> platform().collections().notificationAnswers(row.orderNo()).size() == 2);
        List<String> answers = new ArrayList<>(platform().collections().notificationAnswers(row.orderNo()));
        answers.sort(null);
        assertEquals(List.of("200:APPLIED", "200:DUPLICATE"), answers);
        HttpResponse<String> late = platform().collections().replayNotification(row.orderNo());
        assertEquals("DUPLICATE", Http.json(late).getString("outcome"), "a retry a day later too");
    }

    @Test
    void aNotificationThatOvertakesTheReplyIsKept() throws Exception {
        Passenger p = Passenger.signedUp();
        platform().faults(p.contract()).notifyBeforeReply(true);
        long trip = ride(p);
        ChargeRow row = finalCharge(trip);
        assertEquals("PAID", row.state());
        assertEquals(List.of("200:APPLIED"), platform().collections().notificationAnswers(row.orderNo()));
        Thread.sleep(3000);
        assertEquals("PAID", charge(trip).state(), "the later reply (accepted) does not undo the payment");
    }

    @Test
    void anOverdueUserIsNotDeductedAndOwes() throws Exception {
        Passenger p = Passenger.signedUp();
        platform().collections().setUserState(p.contract(), "OVERDUE");
        ChargeRow row = finalCharge(ride(p));
        assertEquals("IN_ARREARS", row.state());
        assertEquals("USER_OVERDUE", row.failReason());
        assertTrue(platform().collections().deductionsOf(p.contract()).isEmpty(), "no order was sent");
    }

    @Test
    void insufficientBalanceIsFoundByTheQueryAndStopsTheCodesUntilRepaid() throws Exception {
        Passenger p = Passenger.signedUp();
        platform().collections().setBalance(p.contract(), 0);
        long first = ride(p);
        long second = ride(p);
        assertEquals("IN_ARREARS", finalCharge(first).state());
        assertEquals("NOT_ENOUGH", finalCharge(second).failReason());

        // Arrears: the old codes are revoked, no new credential
        assertEquals("REVOKED", scanReason(p.rider(), p.credential()));
        HttpResponse<String> refused = p.rider().requestCredential();
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals("ARREARS_OUTSTANDING", Http.json(refused).getString("code"));
        JsonObject owed = Http.json(p.rider().app().get("/api/mp/v1/arrears"));
        assertTrue(owed.getBoolean("owes"));
        assertEquals(2, owed.getJsonArray("orders").size());

        // A repayment while the balance is still short fails, and the debt stays
        HttpResponse<String> tooEarly = p.rider().app().post("/api/mp/v1/arrears/repayment", "");
        assertEquals(202, tooEarly.statusCode(), tooEarly.body());
        await("the short repayment failed", () -> "FAILED".equals(repaymentState(p)));
        assertTrue(Http.json(p.rider().app().get("/api/mp/v1/arrears")).getBoolean("owes"));

        // One repayment settles both orders; the next credential works
        platform().collections().setBalance(p.contract(), 100_000);
        HttpResponse<String> repaid = p.rider().app().post("/api/mp/v1/arrears/repayment", "");
        assertEquals(202, repaid.statusCode(), repaid.body());
        JsonObject repayment = Http.json(repaid);
        assertEquals(2, repayment.getInt("orders"));
        await("repaid", () -> "SUCCEEDED".equals(repaymentState(p)));
        assertEquals("REPAID", charge(first).state());
        assertEquals("REPAID", charge(second).state());
        assertFalse(Http.json(p.rider().app().get("/api/mp/v1/arrears")).getBoolean("owes"));
        assertEquals(List.of(finalCharge(first).orderNo(), finalCharge(second).orderNo()),
                platform().collections().repaymentsOf(p.contract()).stream()
                        .filter(r -> r.status().equals("SUCCESS")).findFirst().orElseThrow().covers(),
                "the repayment names the orders it settles");
        JsonObject fresh = p.rider().credential();
        assertEquals("OK", scanReason(p.rider(), fresh));
        assertEquals("REVOKED", scanReason(p.rider(), p.credential()), "the old codes stay revoked");
    }
}
