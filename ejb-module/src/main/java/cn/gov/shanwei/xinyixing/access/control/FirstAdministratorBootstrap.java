package cn.gov.shanwei.xinyixing.access.control;

import java.time.Instant;
import java.util.Arrays;

/**
 * The one-time creation of the first administrator of a production database, which has no demo
 * accounts: a secret given to the server once (a password alias) becomes the password of one ADMIN, on
 * an empty staff table only, and the use is recorded so that the same secret, or any other, is refused
 * for ever after, even if the staff table is emptied later.
 */
public final class FirstAdministratorBootstrap {

    /** Shortest password accepted for the first administrator. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    public enum Outcome {
        /** The administrator was created and the bootstrap is now used up. */
        CREATED,
        /** No secret was given: nothing to do. */
        NOT_REQUESTED,
        /** The bootstrap has been used before. */
        ALREADY_USED,
        /** Staff accounts exist: administrators are made by administrators. */
        STAFF_EXIST,
        /** The secret is too short to be a password. */
        PASSWORD_TOO_SHORT
    }

    /** What the rule needs from the database. */
    public interface Store {
        boolean bootstrapUsed();

        long staffCount();

        void createAdministrator(String username, char[] password);

        /** Must fail if the bootstrap was recorded meanwhile (a second instance starting at the same time). */
        void recordBootstrap(String username, Instant at);
    }

    private FirstAdministratorBootstrap() {
    }

    public static Outcome run(Store store, String username, char[] password, Instant now) {
        if (password == null || password.length == 0) {
            return Outcome.NOT_REQUESTED;
        }
        try {
            if (store.bootstrapUsed()) {
                return Outcome.ALREADY_USED;
            }
            if (store.staffCount() > 0) {
                return Outcome.STAFF_EXIST;
            }
            if (password.length < MIN_PASSWORD_LENGTH) {
                return Outcome.PASSWORD_TOO_SHORT;
            }
            store.recordBootstrap(username, now);
            store.createAdministrator(username, password);
            return Outcome.CREATED;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
