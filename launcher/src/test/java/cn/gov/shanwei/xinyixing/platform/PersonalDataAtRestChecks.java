package cn.gov.shanwei.xinyixing.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.shanwei.xinyixing.redlist.TestPeople;
import cn.gov.shanwei.xinyixing.redlist.control.IdNumberCheck;
import cn.gov.shanwei.xinyixing.system.RunningSystem;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * R14 read from the raw columns: whatever the application does, no table may hold an ID number in
 * plain. Every column of every table of the schema is read back as bytes and searched.
 */
public abstract class PersonalDataAtRestChecks {

    /** 18-character resident ID numbers (GB 11643): 17 digits and a check digit or X. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9])");

    @Test
    void noTableHoldsAnIdNumberInPlain() throws SQLException {
        List<String> findings = new ArrayList<>();
        int redListRows;
        try (Connection db = RunningSystem.openDatabase()) {
            for (String table : tables(db)) {
                try (Statement statement = db.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM `" + table + "`")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int column = 1; column <= columns; column++) {
                            String value = asText(rows, column);
                            if (value != null && holdsIdNumber(value)) {
                                findings.add(table + "." + rows.getMetaData().getColumnName(column));
                            }
                        }
                    }
                }
            }
            redListRows = count(db, "redlist_entry");
        }
        assertTrue(redListRows > 0, "the demo red list should give the search something to look at");
        assertTrue(holdsIdNumber("entry of " + TestPeople.shanwei() + ";"), "the search knows an ID number when it sees one");
        assertEquals(List.of(), findings);
    }

    @Test
    void idNumbersAreShownMaskedAndIndexedByAKeyedDigest() throws SQLException {
        try (Connection db = RunningSystem.openDatabase();
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id_number_masked, LENGTH(id_number_index), LENGTH(id_number_cipher), id_number_key_version FROM redlist_entry")) {
            int seen = 0;
            while (rows.next()) {
                seen++;
                assertTrue(rows.getString(1).matches("[1-9][0-9]{3}\\*{10}[0-9]{3}[0-9X]"), rows.getString(1));
                assertEquals(32, rows.getInt(2), "HMAC-SM3 index is 32 bytes");
                assertTrue(rows.getInt(3) > 18, "ciphertext carries nonce and tag besides the 18 characters");
                assertTrue(rows.getInt(4) >= 1, "every cipher names the key version it was made with");
            }
            assertTrue(seen > 0);
        }
    }

    /**
     * Whether the text holds a real resident ID number: 18 characters of the shape, passing GB 11643's check
     * character, birth date and province. The checks matter: a random 32-hex repayment number holds 18 digits in a
     * row now and then, and is no one's ID number.
     */
    private static boolean holdsIdNumber(String value) {
        Matcher candidates = ID_NUMBER.matcher(value);
        while (candidates.find()) {
            if (IdNumberCheck.check(candidates.group().toUpperCase(), LocalDate.now()).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Text columns as text; binary ones as bytes, so a plain number hidden in a BLOB is found too. */
    private static String asText(ResultSet rows, int column) throws SQLException {
        return switch (rows.getMetaData().getColumnType(column)) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] raw = rows.getBytes(column);
                yield raw == null ? null : new String(raw, StandardCharsets.ISO_8859_1);
            }
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.CLOB -> rows.getString(column);
            // Numbers and dates cannot hold the X check digit or the leading region code as text
            default -> null;
        };
    }

    private static List<String> tables(Connection db) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = db.getMetaData().getTables(db.getCatalog(), null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static int count(Connection db, String table) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
