package cn.gov.shanwei.xinyixing.privacy.boundary;

import cn.gov.shanwei.xinyixing.access.entity.Roles;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberCipherMismatch;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.platform.privacy.ProtectedIdNumber;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * One chunk of a key rotation, in its own short transaction: the rows of one table after a given id
 * whose cipher is not yet under the target version are decrypted under their own version, then
 * encrypted, indexed and bound under the target. Each update is a compare-and-set on the old cipher, so
 * a row that changed meanwhile is left for the next pass. When a person's index changes, the rows that
 * keep only the index (trips, concessions, closed accounts) follow in the same transaction, so that the
 * person's rows never disagree for longer than a chunk.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class KeyRotationStep {

    private static final Logger LOG = Logger.getLogger(KeyRotationStep.class.getName());

    /** The result of one chunk: rows looked at, moved, refused, and where the next chunk starts. */
    public record Chunk(int seen, int moved, List<String> refused, long lastId) {
    }

    /** Tables (and their filters) whose rows carry only the index; they follow the person's new index. */
    private static final List<String> FOLLOW = List.of(
            "UPDATE citizen_account SET id_number_index = ?, id_number_key_version = ? WHERE id_number_index = ? AND id_number_cipher IS NULL",
            "UPDATE concession_holding SET id_number_index = ?, id_number_key_version = ? WHERE id_number_index = ?");

    private static final String FOLLOW_TRIPS = "UPDATE trip_record SET id_number_index = ? WHERE id_number_index = ?";

    @Resource(lookup = "jdbc/xinyixing")
    DataSource dataSource;

    @Inject
    IdNumberProtection idNumbers;

    public Chunk move(String table, int toVersion, long afterId, int limit) {
        if (!KeyRotation.CIPHER_TABLES.contains(table)) {
            throw new IllegalArgumentException("Not a table with ID-number ciphers: " + table);
        }
        try (Connection connection = dataSource.getConnection()) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, id_number_index, id_number_cipher,"
                    + " id_number_key_version, id_number_masked FROM " + table + " WHERE id > ? AND id_number_cipher IS NOT NULL"
                    + " AND (id_number_key_version IS NULL OR id_number_key_version <> ?) ORDER BY id LIMIT ?")) {
                select.setLong(1, afterId);
                select.setInt(2, toVersion);
                select.setInt(3, limit);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        int version = result.getInt(4);
                        rows.add(new Object[] {result.getLong(1), result.getBytes(2), result.getBytes(3),
                                result.wasNull() ? null : version, result.getString(5)});
                    }
                }
            }
            int moved = 0;
            List<String> refused = new ArrayList<>();
            long lastId = afterId;
            for (Object[] row : rows) {
                long id = (Long) row[0];
                lastId = id;
                byte[] oldIndex = (byte[]) row[1];
                byte[] oldCipher = (byte[]) row[2];
                String plain;
                try {
                    plain = idNumbers.reveal(table, oldIndex, oldCipher, (Integer) row[3]);
                } catch (IdNumberCipherMismatch e) {
                    // Never re-encrypt what may be someone else's number: report it and leave it as it is
                    LOG.warning(e.getMessage() + " — row " + table + "#" + id);
                    refused.add(table + "#" + id);
                    continue;
                }
                ProtectedIdNumber fresh = idNumbers.protect(plain, table, toVersion);
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                        + " SET id_number_index = ?, id_number_cipher = ?, id_number_key_version = ?"
                        + " WHERE id = ? AND id_number_cipher = ?")) {
                    update.setBytes(1, fresh.index());
                    update.setBytes(2, fresh.cipher());
                    update.setInt(3, toVersion);
                    update.setLong(4, id);
                    update.setBytes(5, oldCipher);
                    if (update.executeUpdate() == 0) {
                        continue;
                    }
                }
                moved++;
                if (!Arrays.equals(oldIndex, fresh.index())) {
                    follow(connection, oldIndex, fresh.index(), toVersion);
                }
            }
            return new Chunk(rows.size(), moved, refused, lastId);
        } catch (SQLException e) {
            throw new IllegalStateException("Key rotation chunk of " + table + " failed", e);
        }
    }

    private static void follow(Connection connection, byte[] oldIndex, byte[] newIndex, int toVersion) throws SQLException {
        for (String sql : FOLLOW) {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                update.setBytes(1, newIndex);
                update.setInt(2, toVersion);
                update.setBytes(3, oldIndex);
                update.executeUpdate();
            }
        }
        try (PreparedStatement update = connection.prepareStatement(FOLLOW_TRIPS)) {
            update.setBytes(1, newIndex);
            update.setBytes(2, oldIndex);
            update.executeUpdate();
        }
    }

    /** Rows with a cipher not yet under the version. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long remaining(int version) {
        long total = 0;
        for (String table : KeyRotation.CIPHER_TABLES) {
            total += count("SELECT COUNT(*) FROM " + table + " WHERE id_number_cipher IS NOT NULL"
                    + " AND (id_number_key_version IS NULL OR id_number_key_version <> ?)", version);
        }
        return total;
    }

    /** Rows that keep only the index and are still under another index key. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long indexOnlyRemaining(int version) {
        // Without a cipher there is nothing to bind: a row from before versions were recorded is simply key 1
        return count("SELECT COUNT(*) FROM citizen_account WHERE id_number_cipher IS NULL"
                + " AND COALESCE(id_number_key_version, 1) <> ?", version)
                + count("SELECT COUNT(*) FROM concession_holding WHERE COALESCE(id_number_key_version, 1) <> ?", version);
    }

    private long count(String sql, int version) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setInt(1, version);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Key rotation progress could not be read", e);
        }
    }
}
