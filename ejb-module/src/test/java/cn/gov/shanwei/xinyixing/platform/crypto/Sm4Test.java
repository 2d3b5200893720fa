package cn.gov.shanwei.xinyixing.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sm4Test {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("00112233445566778899aabbccddeeff");
    private static final byte[] OTHER_KEY = HEX.parseHex("ffeeddccbbaa99887766554433221100");
    private static final byte[] PLAINTEXT = "440102199001011234".getBytes(StandardCharsets.UTF_8);

    @Test
    void singleBlockMatchesGbt32907Example() {
        byte[] keyAndPlaintext = HEX.parseHex("0123456789abcdeffedcba9876543210");
        assertEquals("681edf34d206965e86b3e94f536e4246",
                HEX.formatHex(SmCrypto.sm4EncryptBlock(keyAndPlaintext, keyAndPlaintext)));
    }

    @Test
    void gcmRoundTripAndLayout() {
        byte[] sealed = SmCrypto.sm4Encrypt(KEY, PLAINTEXT);
        assertEquals(12 + PLAINTEXT.length + 16, sealed.length);
        assertArrayEquals(PLAINTEXT, SmCrypto.sm4Decrypt(KEY, sealed));
    }

    @Test
    void gcmRoundTripOfEmptyPlaintext() {
        byte[] sealed = SmCrypto.sm4Encrypt(KEY, new byte[0]);
        assertEquals(28, sealed.length);
        assertArrayEquals(new byte[0], SmCrypto.sm4Decrypt(KEY, sealed));
    }

    @Test
    void twoEncryptionsUseDifferentNoncesAndCiphertexts() {
        byte[] first = SmCrypto.sm4Encrypt(KEY, PLAINTEXT);
        byte[] second = SmCrypto.sm4Encrypt(KEY, PLAINTEXT);
        assertFalse(Arrays.equals(Arrays.copyOf(first, 12), Arrays.copyOf(second, 12)), "nonces must differ");
        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void ciphertextDoesNotContainPlaintext() {
        byte[] sealed = SmCrypto.sm4Encrypt(KEY, PLAINTEXT);
        byte[] body = Arrays.copyOfRange(sealed, 12, 12 + PLAINTEXT.length);
        assertFalse(Arrays.equals(PLAINTEXT, body));
    }

    @Test
    void anyFlippedByteIsDetected() {
        byte[] sealed = SmCrypto.sm4Encrypt(KEY, PLAINTEXT);
        // nonce, first ciphertext byte, last ciphertext byte, tag
        for (int index : new int[] {0, 11, 12, 12 + PLAINTEXT.length - 1, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[index] ^= 0x01;
            CryptoException e = assertThrows(CryptoException.class, () -> SmCrypto.sm4Decrypt(KEY, tampered),
                    "flip at " + index);
            assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
        }
    }

    @Test
    void truncatedCiphertextIsDetected() {
        byte[] sealed = SmCrypto.sm4Encrypt(KEY, PLAINTEXT);
        assertThrows(CryptoException.class, () -> SmCrypto.sm4Decrypt(KEY, Arrays.copyOf(sealed, sealed.length - 1)));
        assertThrows(CryptoException.class, () -> SmCrypto.sm4Decrypt(KEY, Arrays.copyOf(sealed, 27)));
    }

    @Test
    void wrongKeyFails() {
        byte[] sealed = SmCrypto.sm4Encrypt(KEY, PLAINTEXT);
        assertThrows(CryptoException.class, () -> SmCrypto.sm4Decrypt(OTHER_KEY, sealed));
    }

    @Test
    void keyMustBeSixteenBytes() {
        assertThrows(CryptoException.class, () -> SmCrypto.sm4Encrypt(new byte[15], PLAINTEXT));
        assertThrows(CryptoException.class, () -> SmCrypto.sm4Encrypt(new byte[32], PLAINTEXT));
        assertThrows(CryptoException.class, () -> SmCrypto.sm4Decrypt(new byte[17], new byte[40]));
        assertThrows(CryptoException.class, () -> SmCrypto.sm4EncryptBlock(new byte[8], new byte[16]));
    }

    @Test
    void blockMustBeSixteenBytes() {
        assertThrows(CryptoException.class, () -> SmCrypto.sm4EncryptBlock(KEY, new byte[15]));
    }

    @Test
    void associatedDataMustMatchToDecrypt() {
        byte[] aad = "redlist_entry.id_number_cipher/row-a".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = SmCrypto.sm4Encrypt(KEY, "441502198503120020".getBytes(StandardCharsets.US_ASCII), aad);

        assertArrayEquals("441502198503120020".getBytes(StandardCharsets.US_ASCII), SmCrypto.sm4Decrypt(KEY, sealed, aad));
        byte[] otherRow = "redlist_entry.id_number_cipher/row-b".getBytes(StandardCharsets.UTF_8);
        assertThrows(CryptoException.class, () -> SmCrypto.sm4Decrypt(KEY, sealed, otherRow));
        assertThrows(CryptoException.class, () -> SmCrypto.sm4Decrypt(KEY, sealed), "bound data need their associated data");
    }
}
