package cn.gov.shanwei.xinyixing.platform.privacy;

import cn.gov.shanwei.xinyixing.platform.crypto.CryptoException;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.masking.Masking;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * Turns a plain ID number into its protected forms (R14), under numbered key versions so that the
 * keys can be rotated.
 *
 * <p>The index is an HMAC-SM3 under the version's index key, so equal numbers find each other without
 * the table revealing them; a plain SM3 would not do, as the 18-digit space is small enough to
 * enumerate. The cipher is SM4-GCM whose associated data name the table, the column, the key version and
 * the index stored beside it: the index already identifies the row's person and exists before the
 * insert, so a cipher copied onto another person's row, or into another table, fails to decrypt
 * instead of revealing the wrong person ({@link IdNumberCipherMismatch}).
 *
 * <p>Writes use the current version; reads use the version stored in the row. While a rotation is
 * under way a person's rows may carry either version, so lookups offer the index under every
 * configured key ({@link #indexes}) and match with {@code in}.
 */
public final class IdNumberProtection {

    /** The only column that holds ID-number ciphertext; named in the associated data. */
    public static final String CIPHER_COLUMN = "id_number_cipher";

    /** Rows written before key versions were recorded use these keys and no associated data. */
    public static final int FIRST_VERSION = 1;

    private final NavigableMap<Integer, byte[]> cipherKeys = new TreeMap<>();
    private final NavigableMap<Integer, byte[]> indexKeys = new TreeMap<>();
    private final IntSupplier currentVersion;

    /** One key pair, version 1, always current. */
    public IdNumberProtection(byte[] cipherKey, byte[] indexKey) {
        this(Map.of(FIRST_VERSION, cipherKey), Map.of(FIRST_VERSION, indexKey), () -> FIRST_VERSION);
    }

    /**
     * @param currentVersion asked on every write, so that a rotation takes effect without a restart
     */
    public IdNumberProtection(Map<Integer, byte[]> cipherKeys, Map<Integer, byte[]> indexKeys, IntSupplier currentVersion) {
        if (!cipherKeys.keySet().equals(indexKeys.keySet()) || cipherKeys.isEmpty()) {
            throw new IllegalArgumentException("Every key version needs both an SM4 key and an index key");
        }
        cipherKeys.forEach((version, key) -> {
            if (key.length != 16) {
                throw new IllegalArgumentException("The SM4 key is 16 bytes (version " + version + ")");
            }
            this.cipherKeys.put(version, key.clone());
        });
        indexKeys.forEach((version, key) -> {
            if (key.length < 16) {
                throw new IllegalArgumentException("The index key is at least 16 bytes (version " + version + ")");
            }
            this.indexKeys.put(version, key.clone());
        });
        this.currentVersion = currentVersion;
    }

    /** The version new rows are written with. */
    public int currentVersion() {
        int version = currentVersion.getAsInt();
        if (!cipherKeys.containsKey(version)) {
            throw new IllegalStateException("Personal-data key version " + version + " is in force but not configured");
        }
        return version;
    }

    /** Whether keys of this version are configured. */
    public boolean hasVersion(int version) {
        return cipherKeys.containsKey(version);
    }

    /** The protected forms for a row of {@code table} under the current keys. */
    public ProtectedIdNumber protect(String idNumber, String table) {
        return protect(idNumber, table, currentVersion());
    }

    /** The protected forms under a given key version; the rotation command writes with this. */
    public ProtectedIdNumber protect(String idNumber, String table, int version) {
        String normalised = normalise(idNumber);
        byte[] index = SmCrypto.hmacSm3(indexKey(version), normalised.getBytes(StandardCharsets.US_ASCII));
        byte[] cipher = SmCrypto.sm4Encrypt(cipherKey(version), normalised.getBytes(StandardCharsets.US_ASCII),
                associatedData(table, version, index));
        return new ProtectedIdNumber(index, cipher, Masking.idNumber(normalised), version);
    }

    /** Index and mask under the current keys, for tables that never read the number back. */
    public IndexedIdNumber indexed(String idNumber) {
        int version = currentVersion();
        return new IndexedIdNumber(index(idNumber, version), Masking.idNumber(normalise(idNumber)), version);
    }

    /** The lookup key under the current index key, as new rows store it in {@code id_number_index}. */
    public byte[] index(String idNumber) {
        return index(idNumber, currentVersion());
    }

    public byte[] index(String idNumber, int version) {
        return SmCrypto.hmacSm3(indexKey(version), normalise(idNumber).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The lookup keys under every configured index key, the current one first: what a query must match
     * with {@code id_number_index in (…)} to find rows that a rotation has not reached yet. With one
     * configured version this is a list of one.
     */
    public List<byte[]> indexes(String idNumber) {
        int current = currentVersion();
        List<byte[]> indexes = new ArrayList<>();
        indexes.add(index(idNumber, current));
        for (int version : indexKeys.descendingKeySet()) {
            if (version != current) {
                indexes.add(index(idNumber, version));
            }
        }
        return Collections.unmodifiableList(indexes);
    }

    /** {@code ?, ?, …} for as many indexes as {@link #indexes} returns, for native SQL. */
    public String indexPlaceholders() {
        return String.join(", ", Collections.nCopies(indexKeys.size(), "?"));
    }

    /** The plain number of a row of {@code table}, or {@link IdNumberCipherMismatch} if the cipher is not this row's. */
    public String reveal(String table, ProtectedIdNumber stored) {
        return reveal(table, stored.index(), stored.cipher(), stored.keyVersion());
    }

    /**
     * As {@link #reveal(String, ProtectedIdNumber)} from the raw columns.
     *
     * @param keyVersion {@code null} for a row written before versions were recorded
     */
    public String reveal(String table, byte[] index, byte[] cipher, Integer keyVersion) {
        if (cipher == null) {
            throw new IllegalArgumentException("The ID number of this row was erased");
        }
        try {
            byte[] plain = keyVersion == null
                    ? SmCrypto.sm4Decrypt(cipherKey(FIRST_VERSION), cipher)
                    : SmCrypto.sm4Decrypt(cipherKey(keyVersion), cipher, associatedData(table, keyVersion, index));
            return new String(plain, StandardCharsets.US_ASCII);
        } catch (CryptoException e) {
            throw new IdNumberCipherMismatch(table, keyVersion, e);
        }
    }

    /**
     * {@code xinyixing/<table>.id_number_cipher/v<version>/<index as hex>}, UTF-8. Documented so that
     * a second implementation (a migration tool) can reproduce it.
     */
    static byte[] associatedData(String table, int version, byte[] index) {
        return ("xinyixing/" + table + "." + CIPHER_COLUMN + "/v" + version + "/" + HexFormat.of().formatHex(index))
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] cipherKey(int version) {
        byte[] key = cipherKeys.get(version);
        if (key == null) {
            throw new IllegalStateException("No personal-data SM4 key of version " + version + " is configured");
        }
        return key;
    }

    private byte[] indexKey(int version) {
        byte[] key = indexKeys.get(version);
        if (key == null) {
            throw new IllegalStateException("No personal-data index key of version " + version + " is configured");
        }
        return key;
    }

    /** The check character may arrive as x or X; both mean the same person. */
    private static String normalise(String idNumber) {
        return idNumber.strip().toUpperCase(Locale.ROOT);
    }
}
