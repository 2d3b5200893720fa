package cn.gov.shanwei.xinyixing.platform.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Reads a DATETIME column from a native query whichever driver answered: MySQL Connector/J gives a
 * {@link LocalDateTime} in the server's zone (the zone the URL names with {@code connectionTimeZone=LOCAL}),
 * other drivers a {@link Timestamp}.
 */
public final class SqlTimes {

    private SqlTimes() {
    }

    public static Instant instant(Object column) {
        if (column == null) {
            return null;
        }
        if (column instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return ((LocalDateTime) column).atZone(ZoneId.systemDefault()).toInstant();
    }

    public static LocalDateTime local(Object column) {
        if (column == null) {
            return null;
        }
        return column instanceof Timestamp timestamp ? timestamp.toLocalDateTime() : (LocalDateTime) column;
    }
}
