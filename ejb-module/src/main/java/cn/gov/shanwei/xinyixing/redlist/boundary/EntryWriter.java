package cn.gov.shanwei.xinyixing.redlist.boundary;

import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import cn.gov.shanwei.xinyixing.platform.privacy.IdNumberProtection;
import cn.gov.shanwei.xinyixing.platform.privacy.ProtectedIdNumber;
import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import cn.gov.shanwei.xinyixing.redlist.control.EntryMessage;
import cn.gov.shanwei.xinyixing.redlist.control.Operation;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.RedListEntry;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

/**
 * Writes a validated batch with batched JDBC on the transaction's connection: one round trip per
 * few thousand rows instead of an entity per row, which is what makes a million-entry intake
 * practical. Additions and changes are upserts on (person, category); a removal marks the entry
 * revoked. The caller's transaction makes the whole batch all-or-nothing.
 */
final class EntryWriter {

    private static final String UPSERT = """
            INSERT INTO redlist_entry (id_number_index, id_number_cipher, id_number_masked, name_masked,
                category_code, valid_from, valid_to, source_document, batch_id, level, blood_ml, donation_yuan,
                volunteer_stars, taxpayer_grade, recognised_on, residency, revoked_at, updated_at, id_number_key_version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
            ON DUPLICATE KEY UPDATE id_number_cipher = VALUES(id_number_cipher),
                id_number_key_version = VALUES(id_number_key_version),
                id_number_masked = VALUES(id_number_masked), name_masked = VALUES(name_masked),
                valid_from = VALUES(valid_from), valid_to = VALUES(valid_to),
                source_document = VALUES(source_document), batch_id = VALUES(batch_id), level = VALUES(level),
                blood_ml = VALUES(blood_ml), donation_yuan = VALUES(donation_yuan),
                volunteer_stars = VALUES(volunteer_stars), taxpayer_grade = VALUES(taxpayer_grade),
                recognised_on = VALUES(recognised_on), residency = VALUES(residency), revoked_at = NULL,
                updated_at = VALUES(updated_at)""";

    private static final String REVOKE = """
            UPDATE redlist_entry SET revoked_at = ?, updated_at = ?, batch_id = ?
            WHERE id_number_index = ? AND category_code = ? AND revoked_at IS NULL""";

    /**
     * While a key rotation is under way the person's entry may still carry an older index: move it to the
     * current one first, so that the upsert below finds it instead of adding a second entry.
     */
    private static final String REKEY = """
            UPDATE redlist_entry SET id_number_index = ?, id_number_cipher = ?, id_number_key_version = ?
            WHERE id_number_index = ? AND category_code = ?""";

    private static final String BATCH = """
            INSERT INTO redlist_batch (batch_id, sequence_no, issued_at, received_at, entry_count, content_digest,
                channel, added_count, changed_count, removed_count)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private static final int ROWS_PER_ROUND_TRIP = 2_000;

    private final IdNumberProtection idNumbers;

    EntryWriter(IdNumberProtection idNumbers) {
        this.idNumbers = idNumbers;
    }

    IntakeResult write(Connection connection, BatchMessage batch, byte[] digest, String channel, Instant now)
            throws SQLException {
        int added = 0;
        int changed = 0;
        int removed = 0;
        for (EntryMessage entry : batch.entries()) {
            switch (entry.operation()) {
                case ADD -> added++;
                case CHANGE -> changed++;
                case REMOVE -> removed++;
            }
        }
        // The batch row first: entries refer to it
        try (PreparedStatement row = connection.prepareStatement(BATCH)) {
            row.setString(1, batch.batchId());
            row.setLong(2, batch.sequenceNo());
            row.setTimestamp(3, Timestamp.from(batch.issuedAt()));
            row.setTimestamp(4, Timestamp.from(now));
            row.setInt(5, batch.entries().size());
            row.setBytes(6, digest);
            row.setString(7, channel);
            row.setInt(8, added);
            row.setInt(9, changed);
            row.setInt(10, removed);
            row.executeUpdate();
        }
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT);
             PreparedStatement rekey = connection.prepareStatement(REKEY);
             PreparedStatement revoke = connection.prepareStatement(REVOKE)) {
            int pending = 0;
            Timestamp at = Timestamp.from(now);
            for (EntryMessage entry : batch.entries()) {
                if (entry.operation() == Operation.REMOVE) {
                    // Under every configured index key: a rotation may not have reached the entry yet
                    for (byte[] index : idNumbers.indexes(entry.idNumber())) {
                        revoke.setTimestamp(1, at);
                        revoke.setTimestamp(2, at);
                        revoke.setString(3, batch.batchId());
                        revoke.setBytes(4, index);
                        revoke.setString(5, entry.categoryCode());
                        revoke.addBatch();
                    }
                } else {
                    ProtectedIdNumber id = idNumbers.protect(entry.idNumber(), RedListEntry.TABLE);
                    List<byte[]> indexes = idNumbers.indexes(entry.idNumber());
                    for (byte[] older : indexes.subList(1, indexes.size())) {
                        rekey.setBytes(1, id.index());
                        rekey.setBytes(2, id.cipher());
                        rekey.setInt(3, id.keyVersion());
                        rekey.setBytes(4, older);
                        rekey.setString(5, entry.categoryCode());
                        rekey.addBatch();
                    }
                    bindUpsert(upsert, entry, id, batch.batchId(), at);
                    upsert.addBatch();
                }
                if (++pending == ROWS_PER_ROUND_TRIP) {
                    rekey.executeBatch();
                    upsert.executeBatch();
                    revoke.executeBatch();
                    pending = 0;
                }
            }
            rekey.executeBatch();
            upsert.executeBatch();
            revoke.executeBatch();
        }
        return new IntakeResult(IntakeResult.Outcome.APPLIED, batch.batchId(), batch.sequenceNo(), added, changed, removed);
    }

    private static void bindUpsert(PreparedStatement upsert, EntryMessage entry, ProtectedIdNumber id, String batchId,
                                   Timestamp at) throws SQLException {
        CategoryDetails details = entry.details() == null ? CategoryDetails.NONE : entry.details();
        upsert.setBytes(1, id.index());
        upsert.setBytes(2, id.cipher());
        upsert.setString(3, id.masked());
        upsert.setString(4, Masking.name(entry.name()));
        upsert.setString(5, entry.categoryCode());
        upsert.setDate(6, Date.valueOf(entry.validFrom()));
        upsert.setDate(7, Date.valueOf(entry.validTo()));
        upsert.setString(8, entry.sourceDocument());
        upsert.setString(9, batchId);
        upsert.setString(10, details.level() == null ? null : details.level().name());
        setInteger(upsert, 11, details.bloodMl());
        upsert.setBigDecimal(12, details.donationYuan());
        setInteger(upsert, 13, details.volunteerStars());
        upsert.setString(14, details.taxpayerGrade());
        upsert.setDate(15, entry.recognisedOn() == null ? null : Date.valueOf(entry.recognisedOn()));
        upsert.setString(16, entry.residency() == null ? null : entry.residency().name());
        upsert.setTimestamp(17, at);
        upsert.setInt(18, id.keyVersion());
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
