package cn.gov.shanwei.xinyixing.account.boundary;

import cn.gov.shanwei.xinyixing.account.control.Citizen;
import cn.gov.shanwei.xinyixing.account.entity.AccountType;
import cn.gov.shanwei.xinyixing.account.entity.CitizenAccount;
import cn.gov.shanwei.xinyixing.eligibility.boundary.Eligibility;
import cn.gov.shanwei.xinyixing.eligibility.control.Decision;
import cn.gov.shanwei.xinyixing.eligibility.control.Reason;
import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import cn.gov.shanwei.xinyixing.platform.persistence.Constraints;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.platform.privacy.ProtectedIdNumber;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opening and closing a citizen's ride account (R9). Opening needs consent to the current version
 * of the personal-information notice (trips are location traces under PIPL) and a choice of
 * account type; choosing the 信易行 type needs eligibility today. Closing fires
 * {@link AccountClosed}; what the closure means for ride codes is decided where they are issued.
 */
@Stateless
public class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    IdNumberProtection idNumbers;

    @Inject
    Clock clock;

    @EJB
    Eligibility eligibility;

    @Inject
    Event<AccountClosed> closed;

    @Inject
    @ConfigProperty(name = "xinyixing.consent.version", defaultValue = "2026-11")
    String consentVersion;

    public String currentConsentVersion() {
        return consentVersion;
    }

    public Optional<CitizenAccount> openAccountOf(Citizen citizen) {
        return openAccountsWithIndexes(idNumbers.indexes(citizen.idNumber())).stream().findFirst();
    }

    /**
     * The open accounts of the person known by these ID indexes (one per configured index key, so
     * a key rotation under way finds them too): at most one, as the schema keeps it.
     */
    public List<CitizenAccount> openAccountsWithIndexes(List<byte[]> idNumberIndexes) {
        return em.createQuery("select a from CitizenAccount a where a.idNumber.index in :indexes and a.status = :open",
                        CitizenAccount.class)
                .setParameter("indexes", idNumberIndexes)
                .setParameter("open", CitizenAccount.Status.OPEN)
                .getResultList();
    }

    /** The account a ride code names; payment account numbers are never reused. */
    public Optional<CitizenAccount> byPaymentAccountNo(String paymentAccountNo) {
        return em.createQuery("select a from CitizenAccount a where a.paymentAccountNo = :no", CitizenAccount.class)
                .setParameter("no", paymentAccountNo).getResultList().stream().findFirst();
    }

    public Optional<CitizenAccount> byId(Long accountId) {
        return Optional.ofNullable(em.find(CitizenAccount.class, accountId));
    }

    /**
     * The account, read again under a row lock held until the caller's transaction ends. Taking a
     * serial and revoking up to the current serial both go through here, so a revocation never
     * misses a credential issued a moment before it, and no two credentials share a serial.
     */
    public CitizenAccount lockForUpdate(CitizenAccount account) {
        return em.find(CitizenAccount.class, account.id(), LockModeType.PESSIMISTIC_WRITE);
    }

    /** The citizen's open account, or the refusal every use case gives when there is none. */
    public CitizenAccount requireOpenAccount(Citizen citizen) {
        return openAccountOf(citizen).orElseThrow(() -> new AccountRefused(AccountRefusal.NO_ACCOUNT));
    }

    public CitizenAccount open(Citizen citizen, String consent, String accountType) {
        if (consent == null || !consent.equals(consentVersion)) {
            throw new AccountRefused(AccountRefusal.CONSENT_REQUIRED, "请阅读并同意最新版个人信息处理规则（" + consentVersion
                    + "） / Consent to the current personal-information notice (" + consentVersion + ") is required",
                    List.of());
        }
        AccountType type = AccountType.named(accountType)
                .orElseThrow(() -> new AccountRefused(AccountRefusal.ACCOUNT_TYPE_UNKNOWN));
        if (openAccountOf(citizen).isPresent()) {
            throw new AccountRefused(AccountRefusal.ACCOUNT_EXISTS);
        }
        if (type == AccountType.XINYIXING) {
            Decision decision = eligibility.decide(citizen.idNumber(), LocalDate.now(clock));
            if (!decision.eligible()) {
                throw new AccountRefused(AccountRefusal.NOT_ELIGIBLE, AccountRefusal.NOT_ELIGIBLE.message(),
                        decision.reasons().stream().map(Reason::code).toList());
            }
        }
        ProtectedIdNumber id = idNumbers.protect(citizen.idNumber(), CitizenAccount.TABLE);
        CitizenAccount account = new CitizenAccount(id, Masking.name(citizen.name()),
                maskPhone(citizen.phone()), type, "SW" + digits(14), digits(10), consent, clock.instant());
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            // Two openings at the same moment both passed the check above; the unique key on the
            // open person lets only one insert through
            if (Constraints.violated(e)) {
                throw new AccountRefused(AccountRefusal.ACCOUNT_EXISTS);
            }
            throw e;
        }
        recordConsent(account, "GIVEN");
        return account;
    }

    public CitizenAccount close(Citizen citizen) {
        CitizenAccount account = lockForUpdate(requireOpenAccount(citizen));
        account.close(clock.instant());
        recordConsent(account, "WITHDRAWN");
        closed.fire(new AccountClosed(account.id(), account.paymentAccountNo()));
        return account;
    }

    private void recordConsent(CitizenAccount account, String action) {
        em.createNativeQuery("INSERT INTO consent_record (account_id, version, action, recorded_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, account.id())
                .setParameter(2, account.consentVersion())
                .setParameter(3, action)
                .setParameter(4, java.sql.Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    private static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return null;
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }
}
