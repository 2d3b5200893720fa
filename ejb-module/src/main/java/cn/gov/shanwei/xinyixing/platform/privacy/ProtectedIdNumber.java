package cn.gov.shanwei.xinyixing.platform.privacy;

/**
 * An ID number in the only forms the system keeps: a keyed SM3 index to find the person, SM4
 * ciphertext for the rare lawful read-back, and the masked form for screens.
 */
public record ProtectedIdNumber(byte[] index, byte[] cipher, String masked) {
}
