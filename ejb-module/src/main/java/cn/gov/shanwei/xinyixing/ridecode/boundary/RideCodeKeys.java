package cn.gov.shanwei.xinyixing.ridecode.boundary;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2KeyPair;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.demo.DemoMode;
import cn.gov.shanwei.xinyixing.ridecode.control.InstitutionCertificate;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * The keys of the ride-code trust chain, read from the database at start: the central CA public
 * keys by index, and the active issuer key with its institution certificate. The issuer's private
 * key is kept encrypted under a key-encryption key from a password alias
 * ({@code xinyixing.ridecode.kek}). The embedded default makes a demo set on first start (only where
 * {@code DemoMode} allows it); in
 * production the CA's certificate is imported and its private key never reaches this server.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@Lock(LockType.READ)
public class RideCodeKeys {

    private static final Logger LOG = Logger.getLogger(RideCodeKeys.class.getName());

    /** The issuer's identity in the institution certificate (card operator 红海通, Shanwei). */
    static final int SERVICE_ID = 0x4415_0001;
    static final int ISSUER_ID = 0x4415_0100;

    /** The loaded chain; empty until keys exist. */
    public record Chain(Map<Integer, Sm2PublicKey> caKeys, InstitutionCertificate certificate, Sm2PrivateKey issuerKey) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Config config;

    @Inject
    Clock clock;

    @Resource(lookup = "jdbc/xinyixing")
    DataSource dataSource;

    private volatile Chain chain;

    @PostConstruct
    void load() {
        if (count("ridecode_issuer_key") == 0 && DemoMode.enabled(dataSource)) {
            createDemoSet();
        }
        chain = read().orElse(null);
        if (chain == null) {
            LOG.warning("No ride-code issuer key: credentials cannot be issued until one is imported");
        }
    }

    public Optional<Chain> chain() {
        return Optional.ofNullable(chain);
    }

    @SuppressWarnings("unchecked")
    private Optional<Chain> read() {
        Map<Integer, Sm2PublicKey> caKeys = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("SELECT key_index, public_key FROM ridecode_ca_key").getResultList()) {
            caKeys.put(((Number) row[0]).intValue(), SmCrypto.decodePublicKey((byte[]) row[1]));
        }
        List<Object[]> issuer = em.createNativeQuery(
                "SELECT certificate, private_key_cipher FROM ridecode_issuer_key WHERE active = TRUE ORDER BY id DESC LIMIT 1")
                .getResultList();
        if (issuer.isEmpty()) {
            return Optional.empty();
        }
        InstitutionCertificate certificate = InstitutionCertificate.parse((byte[]) issuer.get(0)[0]);
        Sm2PrivateKey key = SmCrypto.decodePrivateKey(SmCrypto.sm4Decrypt(kek(), (byte[]) issuer.get(0)[1]));
        return Optional.of(new Chain(Map.copyOf(caKeys), certificate, key));
    }

    /** A CA that exists only for the demo: its private key signs one certificate and is then forgotten. */
    private void createDemoSet() {
        Sm2KeyPair ca = SmCrypto.generateSm2KeyPair();
        Sm2KeyPair issuer = SmCrypto.generateSm2KeyPair();
        int caIndex = 1;
        InstitutionCertificate certificate = InstitutionCertificate.issue(SERVICE_ID, caIndex, ISSUER_ID,
                LocalDate.now(clock).plusYears(5), 1, issuer.publicKey(), ca.privateKey());
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("INSERT INTO ridecode_ca_key (key_index, public_key, added_at) VALUES (?, ?, ?)")
                .setParameter(1, caIndex).setParameter(2, ca.publicKey().encoded()).setParameter(3, now).executeUpdate();
        em.createNativeQuery("INSERT INTO ridecode_issuer_key (certificate, private_key_cipher, active, created_at)"
                        + " VALUES (?, ?, TRUE, ?)")
                .setParameter(1, certificate.encode())
                .setParameter(2, SmCrypto.sm4Encrypt(kek(), issuer.privateKey().encoded()))
                .setParameter(3, now).executeUpdate();
        LOG.info("Demo ride-code keys created (CA index " + caIndex + ")");
    }

    private byte[] kek() {
        return HexFormat.of().parseHex(config.getValue("xinyixing.ridecode.kek", String.class));
    }

    private long count(String table) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue();
    }
}
