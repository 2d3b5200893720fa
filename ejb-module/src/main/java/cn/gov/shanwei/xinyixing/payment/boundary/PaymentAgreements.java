package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.account.boundary.AccountRefusal;
import cn.gov.shanwei.xinyixing.account.boundary.AccountRefused;
import cn.gov.shanwei.xinyixing.account.boundary.Accounts;
import cn.gov.shanwei.xinyixing.account.control.Citizen;
import cn.gov.shanwei.xinyixing.account.entity.CitizenAccount;
import cn.gov.shanwei.xinyixing.payment.control.PaymentChannel;
import cn.gov.shanwei.xinyixing.payment.control.PaymentChannelException;
import cn.gov.shanwei.xinyixing.payment.entity.AgreementEvent;
import cn.gov.shanwei.xinyixing.payment.entity.AgreementTransition;
import cn.gov.shanwei.xinyixing.payment.entity.NotificationOutcome;
import cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement;
import cn.gov.shanwei.xinyixing.payment.entity.PaymentNotification;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The password-free payment agreement (免密支付, R9): asked for here, signed by the citizen at the
 * payment platform, confirmed by the platform's signed asynchronous notification. Notifications
 * may arrive twice, late or out of order: each is kept once by its event id, an older event than
 * the last applied is ignored, and the agreement's state machine refuses what makes no sense.
 * Publishes {@link PaymentAgreementStopped} when an agreement enters BLOCKED or CANCELLED. The
 * same address takes the platform's notifications about deductions and repayments, which are
 * handed, once authenticated, to {@link ChargeNotifications}.
 */
@Stateless
public class PaymentAgreements {

    private static final Logger LOG = Logger.getLogger(PaymentAgreements.class.getName());

    /** Where the citizen goes to confirm the agreement. */
    public record SigningStarted(String requestNo, String signUrl) {
    }

    /** A notification that could not be accepted, with the code the platform gets back. */
    @ApplicationException(rollback = true)
    public static class NotificationRefused extends RuntimeException {
        private final NotificationProblem problem;

        public NotificationRefused(NotificationProblem problem) {
            super(problem.name());
            this.problem = problem;
        }

        public NotificationProblem problem() {
            return problem;
        }
    }

    /**
     * What an authentic notification led to, acknowledged to the platform, with the state afterwards
     * of what it was about: the agreement's status, or the order's or repayment's state.
     */
    public record NotificationHandled(NotificationOutcome outcome, String status) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    Accounts accounts;

    @Inject
    PaymentChannel channel;

    @Inject
    PaymentPlatform platform;

    @EJB
    ChargeNotifications charges;

    @Inject
    Clock clock;

    @Inject
    Event<PaymentAgreementStopped> stopped;

    public SigningStarted request(Citizen citizen) {
        CitizenAccount account = accounts.requireOpenAccount(citizen);
        Optional<PaymentAgreement> current = currentFor(account.id());
        if (current.isPresent() && current.get().status() == PaymentAgreement.Status.ACTIVE) {
            throw new AccountRefused(AccountRefusal.AGREEMENT_EXISTS);
        }
        PaymentAgreement agreement = new PaymentAgreement(account.id(), UUID.randomUUID().toString().replace("-", ""),
                clock.instant());
        em.persist(agreement);
        try {
            return new SigningStarted(agreement.requestNo(),
                    channel.requestSigning(agreement.requestNo(), account.paymentAccountNo(), platform.notifyUrl()));
        } catch (PaymentChannelException e) {
            throw new AccountRefused(AccountRefusal.PAYMENT_PLATFORM_UNAVAILABLE);
        }
    }

    public Optional<PaymentAgreement> currentFor(Long accountId) {
        return em.createQuery("select p from PaymentAgreement p where p.accountId = :account order by p.id desc",
                        PaymentAgreement.class)
                .setParameter("account", accountId).setMaxResults(1).getResultStream().findFirst();
    }

    public Optional<PaymentAgreement> currentFor(Citizen citizen) {
        return currentFor(accounts.requireOpenAccount(citizen).id());
    }

    public PaymentAgreement cancel(Citizen citizen) {
        PaymentAgreement agreement = currentFor(accounts.requireOpenAccount(citizen).id())
                .filter(a -> a.status() == PaymentAgreement.Status.ACTIVE || a.status() == PaymentAgreement.Status.BLOCKED)
                .orElseThrow(() -> new AccountRefused(AccountRefusal.NO_AGREEMENT));
        try {
            channel.terminate(agreement.contractId());
        } catch (PaymentChannelException e) {
            throw new AccountRefused(AccountRefusal.PAYMENT_PLATFORM_UNAVAILABLE);
        }
        PaymentAgreement locked = em.find(PaymentAgreement.class, agreement.id(), LockModeType.PESSIMISTIC_WRITE);
        locked.cancelByCitizen(clock.instant()).ifPresent(transition -> announce(locked, transition));
        return locked;
    }

    /**
     * The platform's notification: body as sent, and its SM2 signature (raw r‖s, Base64) over the
     * body. The body names the event, its id ({@code eventId}, unique at the platform) and its time
     * ({@code eventTime}, ISO-8601 with offset). The agreement row is locked first, so notifications
     * for one agreement, concurrent replays included, are taken one after the other: the second of
     * two identical ones finds the first recorded and is acknowledged as a duplicate.
     */
    public NotificationHandled notification(byte[] body, byte[] signature) {
        Sm2PublicKey key = platform.notificationKey().orElseThrow(() -> new NotificationRefused(NotificationProblem.SIGNATURE_INVALID));
        if (signature == null || !SmCrypto.verify(key, body, signature)) {
            throw new NotificationRefused(NotificationProblem.SIGNATURE_INVALID);
        }
        JsonObject message;
        try {
            message = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new NotificationRefused(NotificationProblem.MALFORMED_NOTIFICATION);
        }
        String eventId = text(message, "eventId");
        if (eventId == null || eventId.isBlank() || eventId.length() > 64) {
            throw new NotificationRefused(NotificationProblem.EVENT_ID_MISSING);
        }
        Instant eventTime = eventTime(text(message, "eventTime"));
        String name = text(message, "event");
        if (ChargeNotifications.concerns(name)) {
            boolean deduction = name.startsWith("DEDUCTION_");
            return charges.apply(eventId, eventTime, name, text(message, deduction ? "outTradeNo" : "repaymentNo"),
                    text(message, name.endsWith("_SUCCEEDED") ? "transactionId" : "failReason"));
        }
        AgreementEvent event = AgreementEvent.fromPlatform(text(message, "event"))
                .orElseThrow(() -> new NotificationRefused(NotificationProblem.UNKNOWN_EVENT));
        String requestNo = text(message, "requestNo");
        // The first read of the transaction, and a locking one: a concurrent notification for this
        // agreement waits here, and whatever it committed is visible to the reads that follow
        PaymentAgreement agreement = em.createQuery("select p from PaymentAgreement p where p.requestNo = :request",
                        PaymentAgreement.class)
                .setParameter("request", requestNo).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotificationRefused(NotificationProblem.UNKNOWN_REQUEST));
        Long agreementId = agreement.id();
        Optional<PaymentNotification> seen = em.createQuery(
                        "select n from PaymentNotification n where n.eventId = :event", PaymentNotification.class)
                .setParameter("event", eventId).getResultStream().findFirst();
        if (seen.isPresent()) {
            if (!seen.get().agreementId().equals(agreementId)) {
                throw new NotificationRefused(NotificationProblem.EVENT_ID_REUSED);
            }
            return new NotificationHandled(NotificationOutcome.DUPLICATE, agreement.status().name());
        }
        PaymentAgreement.Status before = agreement.status();
        Instant now = clock.instant();
        PaymentAgreement.Applied applied = agreement.apply(event, text(message, "contractId"), eventTime, now);
        em.persist(new PaymentNotification(eventId, agreementId, event, eventTime, now, applied.outcome(), before, agreement.status()));
        applied.transition().ifPresent(transition -> announce(agreement, transition));
        if (applied.outcome() == NotificationOutcome.APPLIED) {
            LOG.info(() -> "Payment agreement " + agreement.requestNo() + " now " + agreement.status());
        } else {
            LOG.info(() -> "Payment notification " + event + " for " + agreement.requestNo() + " not applied: " + applied.outcome());
        }
        return new NotificationHandled(applied.outcome(), agreement.status().name());
    }

    private void announce(PaymentAgreement agreement, AgreementTransition transition) {
        if (transition.stops()) {
            stopped.fire(new PaymentAgreementStopped(agreement.accountId(), agreement.status()));
        }
    }

    private static String text(JsonObject message, String name) {
        JsonValue value = message.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }

    private static Instant eventTime(String value) {
        if (value == null) {
            throw new NotificationRefused(NotificationProblem.EVENT_TIME_MISSING);
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new NotificationRefused(NotificationProblem.EVENT_TIME_MISSING);
        }
    }
}
