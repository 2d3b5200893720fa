package cn.gov.shanwei.xinyixing.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

/**
 * Tells a failure the database's constraints caused (a unique key two concurrent requests both
 * tried to take) from any other failure. Uniqueness that matters is the database's to keep, so
 * the loser of such a race gets a business answer rather than an error.
 */
public final class Constraints {

    private Constraints() {
    }

    /** Whether a unique, foreign-key or check constraint refused the statement behind this failure. */
    public static boolean violated(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            // SQL state class 23: integrity constraint violation, whichever driver reports it
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
