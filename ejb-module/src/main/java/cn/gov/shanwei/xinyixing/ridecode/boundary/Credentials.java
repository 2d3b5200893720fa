package cn.gov.shanwei.xinyixing.ridecode.boundary;

import cn.gov.shanwei.xinyixing.account.boundary.AccountRefusal;
import cn.gov.shanwei.xinyixing.account.boundary.AccountRefused;
import cn.gov.shanwei.xinyixing.account.boundary.Accounts;
import cn.gov.shanwei.xinyixing.account.control.Citizen;
import cn.gov.shanwei.xinyixing.account.entity.CitizenAccount;
import cn.gov.shanwei.xinyixing.eligibility.boundary.Eligibility;
import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.eligibility.control.Decision;
import cn.gov.shanwei.xinyixing.payment.boundary.Arrears;
import cn.gov.shanwei.xinyixing.payment.boundary.PaymentAgreements;
import cn.gov.shanwei.xinyixing.payment.entity.PaymentAgreement;
import cn.gov.shanwei.xinyixing.platform.crypto.CryptoException;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2KeyPair;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.ridecode.control.Authorisation;
import cn.gov.shanwei.xinyixing.ridecode.control.AuthorisationTerms;
import cn.gov.shanwei.xinyixing.ridecode.control.CardData;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCode;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeDates;
import cn.gov.shanwei.xinyixing.ridecode.entity.BlacklistEntry;
import cn.gov.shanwei.xinyixing.ridecode.qr.RideCodeQr;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Issues ride credentials (R8): the issuer-signed authorisation for a phone's own SM2 key, with
 * the 信易行 entitlement decided today in its card data, for an account whose payment agreement is
 * in force and which owes no failed ride; and, for clients that cannot keep a key,
 * a whole code made on the server with a one-off key, plus its QR image.
 */
@Stateless
public class Credentials {

    /** How long an authorisation lasts: a revoked code works offline at most this long. */
    static final Duration AUTHORISATION_LIFETIME = Duration.ofHours(24);
    static final int CODE_VALIDITY_SECONDS = 60;
    static final int CARD_ISSUER_CODE = 0x4415_0000;
    static final int QR_PLATFORM_ID = 0x0000_0001;
    static final int AMOUNT_LIMIT_FEN = 1_000;

    /** An authorisation for the phone, with what it grants. */
    public record Credential(byte[] authorisation, Instant expiresAt, String concession, int rateBasisPoints,
                             long entitlementSerial) {
    }

    /** A server-made code and its QR image. */
    public record ServerCode(byte[] code, byte[] png, Instant validUntil) {
    }

    @PersistenceContext
    EntityManager em;

    @EJB
    Accounts accounts;

    @EJB
    Eligibility eligibility;

    @EJB
    RideCodeKeys keys;

    @EJB
    PaymentAgreements agreements;

    @EJB
    CredentialRevocation revocation;

    @EJB
    Arrears arrears;

    @Inject
    Clock clock;

    public Credential issue(Citizen citizen, byte[] userPublicKey) {
        Sm2PublicKey userKey;
        try {
            userKey = SmCrypto.decodePublicKey(userPublicKey);
        } catch (CryptoException | IllegalArgumentException | NullPointerException e) {
            throw new AccountRefused(AccountRefusal.PUBLIC_KEY_INVALID);
        }
        return authorise(citizen, userKey).credential();
    }

    public ServerCode serverCode(Citizen citizen, int moduleSize) {
        Sm2KeyPair oneOff = SmCrypto.generateSm2KeyPair();
        Authorisation authorisation = authorise(citizen, oneOff.publicKey()).authorisation();
        Instant now = clock.instant();
        RideCode code = RideCode.make(authorisation, now.getEpochSecond(), oneOff.privateKey());
        byte[] bytes = code.encode();
        return new ServerCode(bytes, RideCodeQr.png(bytes, moduleSize), now.plusSeconds(CODE_VALIDITY_SECONDS));
    }

    /**
     * The phone was lost: every credential issued so far stops at once, including one fetched on a
     * new phone before the loss was reported (the cut-off covers every serial up to the newest); the
     * new phone asks again and gets the next serial.
     */
    public void reportLost(Citizen citizen) {
        CitizenAccount account = accounts.requireOpenAccount(citizen);
        if (account.entitlementSerial() == null) {
            throw new AccountRefused(AccountRefusal.NO_CREDENTIAL);
        }
        revocation.revokeIssued(account, BlacklistEntry.Reason.PHONE_LOST);
    }

    /** A signed authorisation and what it grants, so callers need not parse the bytes back. */
    private record Issued(Authorisation authorisation, Credential credential) {
    }

    private Issued authorise(Citizen citizen, Sm2PublicKey userKey) {
        RideCodeKeys.Chain chain = keys.chain().orElseThrow(() -> new AccountRefused(AccountRefusal.RIDE_KEYS_MISSING));
        CitizenAccount account = accounts.requireOpenAccount(citizen);
        PaymentAgreement.Status payment = agreements.currentFor(account.id()).map(PaymentAgreement::status).orElse(null);
        if (payment == PaymentAgreement.Status.BLOCKED) {
            throw new AccountRefused(AccountRefusal.PAYMENT_BLOCKED);
        }
        if (payment != PaymentAgreement.Status.ACTIVE) {
            throw new AccountRefused(AccountRefusal.PAYMENT_AGREEMENT_REQUIRED);
        }
        // Asked before the account's lock (the arrears row comes first in every transaction that takes
        // both): a failure recorded at this moment is either seen here or waits, then revokes this serial too
        if (arrears.owes(account.id())) {
            throw new AccountRefused(AccountRefusal.ARREARS_OUTSTANDING);
        }
        LocalDate today = LocalDate.now(clock);
        Decision decision = eligibility.decide(citizen.idNumber(), today);
        long serial = accounts.lockForUpdate(account).nextEntitlementSerial();
        Instant expiresAt = clock.instant().plus(AUTHORISATION_LIFETIME);
        // Every credential carries its serial, a standard-fare one too, so a revocation cut-off covers it
        CardData cardData = decision.eligible()
                ? new CardData(ConcessionType.XINYIXING, decision.rateBasisPoints(), decision.entitlementEnds(), serial)
                : new CardData(null, 0, RideCodeDates.dayOf(expiresAt), serial);
        AuthorisationTerms terms = new AuthorisationTerms(account.paymentAccountNo(), account.userAccountNo(),
                CARD_ISSUER_CODE, QR_PLATFORM_ID,
                decision.eligible() ? Authorisation.ACCOUNT_TYPE_XINYIXING : Authorisation.ACCOUNT_TYPE_STANDARD,
                AMOUNT_LIMIT_FEN, userKey, expiresAt.getEpochSecond(), CODE_VALIDITY_SECONDS, cardData);
        Authorisation authorisation = Authorisation.sign(terms, chain.certificate(), chain.issuerKey());
        return new Issued(authorisation, new Credential(authorisation.encode(), expiresAt,
                decision.eligible() ? cardData.concession().name() : null, decision.rateBasisPoints(), serial));
    }
}
