package cn.gov.shanwei.xinyixing.access.boundary;

import cn.gov.shanwei.xinyixing.access.entity.StaffUser;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The staff accounts: who may sign in to the staff pages and with which roles.
 */
@Stateless
public class StaffUsers {

    /**
     * Hash parameters for new passwords. The stored hash names its own algorithm, iterations and
     * salt, so raising these later leaves existing passwords valid.
     */
    public static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32");

    @PersistenceContext
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Clock clock;

    public StaffUser create(String username, String displayName, char[] password, Set<String> roles) {
        passwordHash.initialize(HASH_PARAMETERS);
        StaffUser user = new StaffUser(username, displayName, passwordHash.generate(password), roles, clock.instant());
        em.persist(user);
        return user;
    }

    public Optional<StaffUser> find(String username) {
        return Optional.ofNullable(em.find(StaffUser.class, username));
    }

    public long count() {
        return em.createQuery("select count(u) from StaffUser u", Long.class).getSingleResult();
    }
}
