package cn.gov.shanwei.xinyixing.platform.privacy;

/**
 * A stored ID-number cipher did not decrypt where it was found: it was written for another row or
 * table, altered, or its key version is wrong. The number is then not revealed at all, rather than
 * revealing someone else's. The message names the table and key version, never the index.
 */
public class IdNumberCipherMismatch extends RuntimeException {

    private final String table;
    private final Integer keyVersion;

    public IdNumberCipherMismatch(String table, Integer keyVersion, Throwable cause) {
        super("身份证号密文与所在行不符，拒绝解密（表 " + table + "，密钥版本 " + keyVersion + "） / "
                + "The ID-number cipher does not belong to this row; not decrypted (table " + table
                + ", key version " + keyVersion + ")", cause);
        this.table = table;
        this.keyVersion = keyVersion;
    }

    public String table() {
        return table;
    }

    public Integer keyVersion() {
        return keyVersion;
    }
}
