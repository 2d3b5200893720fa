package cn.gov.shanwei.xinyixing.account.boundary;

import cn.gov.shanwei.xinyixing.account.control.Citizen;
import cn.gov.shanwei.xinyixing.account.entity.CitizenAccount;
import cn.gov.shanwei.xinyixing.eligibility.boundary.Eligibility;
import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.eligibility.control.Decision;
import cn.gov.shanwei.xinyixing.eligibility.control.Reason;
import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.platform.privacy.ProtectedIdNumber;
import cn.gov.shanwei.xinyixing.ridecode.boundary.Blacklist;
import cn.gov.shanwei.xinyixing.ridecode.entity.BlacklistEntry;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opening and closing a citizen's ride account (R9). Opening needs consent to the current version
 * of the personal-information notice (trips are location traces under PIPL) and a choice of
 * account type; choosing the 信易行 type needs eligibility today.
 */
@Stateless
public class Accounts {

    /** Types a citizen may choose: a standard fare, 信易行, or one of the other concessions. */
    public static final String STANDARD = "STANDARD";

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    IdNumberProtection idNumbers;

    @Inject
    Clock clock;

    @EJB
    Eligibility eligibility;

    @EJB
    Blacklist blacklist;

    @Inject
    @ConfigProperty(name = "xinyixing.consent.version", defaultValue = "2026-11")
    String consentVersion;

    public String currentConsentVersion() {
        return consentVersion;
    }

    public Optional<CitizenAccount> openAccountOf(Citizen citizen) {
        return em.createQuery("select a from CitizenAccount a where a.idNumber.index in :indexes and a.status = :open",
                        CitizenAccount.class)
                .setParameter("indexes", idNumbers.indexes(citizen.idNumber()))
                .setParameter("open", CitizenAccount.Status.OPEN)
                .getResultStream().findFirst();
    }

    /** The citizen's open account, or the refusal every use case gives when there is none. */
    public CitizenAccount requireOpenAccount(Citizen citizen) {
        return openAccountOf(citizen).orElseThrow(() ->
                new AccountRefused("NO_ACCOUNT", "尚未开通账户 / No open account", List.of()));
    }

    public CitizenAccount open(Citizen citizen, String consent, String accountType) {
        if (consent == null || !consent.equals(consentVersion)) {
            throw new AccountRefused("CONSENT_REQUIRED", "请阅读并同意最新版个人信息处理规则（" + consentVersion
                    + "） / Consent to the current personal-information notice (" + consentVersion + ") is required",
                    List.of());
        }
        if (!isKnownType(accountType)) {
            throw new AccountRefused("ACCOUNT_TYPE_UNKNOWN", "账户类型无效 / Unknown account type", List.of());
        }
        if (openAccountOf(citizen).isPresent()) {
            throw new AccountRefused("ACCOUNT_EXISTS", "账户已开通 / The account is already open", List.of());
        }
        if (ConcessionType.XINYIXING.name().equals(accountType)) {
            Decision decision = eligibility.decide(citizen.idNumber(), LocalDate.now(clock));
            if (!decision.eligible()) {
                throw new AccountRefused("NOT_ELIGIBLE", "暂不符合“信易行”优惠条件 / Not eligible for Xinyixing today",
                        decision.reasons().stream().map(Reason::code).toList());
            }
        }
        ProtectedIdNumber id = idNumbers.protect(citizen.idNumber(), CitizenAccount.TABLE);
        CitizenAccount account = new CitizenAccount(id, Masking.name(citizen.name()),
                maskPhone(citizen.phone()), accountType, "SW" + digits(14), digits(10), consent, clock.instant());
        em.persist(account);
        em.flush();
        recordConsent(account, "GIVEN");
        return account;
    }

    public CitizenAccount close(Citizen citizen) {
        CitizenAccount account = requireOpenAccount(citizen);
        account.close(clock.instant());
        recordConsent(account, "WITHDRAWN");
        // The ride code stops at once: every credential of the account is revoked
        blacklist.revoke(account.paymentAccountNo(), null, BlacklistEntry.Reason.ACCOUNT_CLOSED);
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

    private static boolean isKnownType(String type) {
        if (STANDARD.equals(type)) {
            return true;
        }
        try {
            return type != null && ConcessionType.valueOf(type) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
