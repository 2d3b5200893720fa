package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.account.boundary.AccountRefusal;
import cn.gov.shanwei.xinyixing.account.boundary.AccountRefused;
import cn.gov.shanwei.xinyixing.account.boundary.Accounts;
import cn.gov.shanwei.xinyixing.account.control.Citizen;
import cn.gov.shanwei.xinyixing.account.entity.CitizenAccount;
import cn.gov.shanwei.xinyixing.payment.control.PaymentChannel;
import cn.gov.shanwei.xinyixing.payment.control.PaymentChannelException;
import cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The password-free payment agreement (免密支付, R9): asked for here, signed by the citizen at the
 * payment platform, confirmed by the platform's signed asynchronous notification. Notifications
 * may arrive twice or late; applying one is idempotent.
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
        private final String code;

        public NotificationRefused(String code) {
            super(code);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    Accounts accounts;

    @Inject
    PaymentChannel channel;

    @Inject
    PaymentPlatform platform;

    @Inject
    Clock clock;

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
        agreement.cancel(clock.instant());
        return agreement;
    }

    /** The platform's notification: body as sent, and its SM2 signature (raw r‖s, Base64) over the body. */
    public PaymentAgreement notification(byte[] body, byte[] signature) {
        Sm2PublicKey key = platform.notificationKey().orElseThrow(() -> new NotificationRefused("SIGNATURE_INVALID"));
        if (signature == null || !SmCrypto.verify(key, body, signature)) {
            throw new NotificationRefused("SIGNATURE_INVALID");
        }
        JsonObject event;
        try {
            event = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8))).readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new NotificationRefused("MALFORMED_NOTIFICATION");
        }
        String requestNo = event.getString("requestNo", null);
        PaymentAgreement agreement = em.createQuery("select p from PaymentAgreement p where p.requestNo = :request",
                        PaymentAgreement.class)
                .setParameter("request", requestNo).getResultStream().findFirst()
                .orElseThrow(() -> new NotificationRefused("UNKNOWN_REQUEST"));
        try {
            if (agreement.apply(event.getString("event", ""), event.getString("contractId", null), clock.instant())) {
                LOG.info(() -> "Payment agreement " + agreement.requestNo() + " now " + agreement.status());
            }
        } catch (IllegalArgumentException e) {
            throw new NotificationRefused("UNKNOWN_EVENT");
        }
        return agreement;
    }
}
