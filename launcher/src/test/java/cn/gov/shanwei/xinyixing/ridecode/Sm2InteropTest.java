package cn.gov.shanwei.xinyixing.ridecode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2KeyPair;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;

/**
 * SM2 signatures cross-checked against sm-crypto, the npm package WeChat mini-programs use: the user key
 * lives in the mini-program and signs every displayed code, and validators and this server verify with
 * {@link SmCrypto} (Bouncy Castle), so both directions must agree on SM3 with the default user id
 * {@code 1234567812345678}, raw 64-byte r ‖ s, and 33-byte compressed public keys.
 */
class Sm2InteropTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** 1 byte up to past a whole ride code (about 340 bytes), with SM3 block edges (55/56/64) in between. */
    private static final int[] LENGTHS = {1, 2, 32, 55, 56, 64, 65, 340, 400};

    @Test
    void javaSignaturesVerifyInSmCryptoWithTheCompressedKey() {
        for (Sm2KeyPair pair : javaKeysOfBothParities().values()) {
            byte[] compressed = pair.publicKey().encoded();
            assertEquals(33, compressed.length);
            for (int length : LENGTHS) {
                byte[] message = random(length);
                byte[] signature = SmCrypto.sign(pair.privateKey(), message);
                assertEquals(64, signature.length);

                assertTrue(smCryptoVerifies(compressed, message, signature),
                        () -> "sm-crypto rejected a SmCrypto signature over " + length + " bytes with key "
                                + HEX.formatHex(compressed));
            }
        }
    }

    @Test
    void smCryptoSignaturesVerifyInJavaWithTheCompressedKey() {
        for (NodeKey key : nodeKeysOfBothParities().values()) {
            for (int length : LENGTHS) {
                byte[] message = random(length);
                byte[] signature = smCryptoSign(key, message);
                assertEquals(64, signature.length);

                assertTrue(SmCrypto.verify(key.publicKey(), message, signature),
                        () -> "SmCrypto rejected an sm-crypto signature over " + length + " bytes with key "
                                + HEX.formatHex(key.publicKey()));
            }
        }
    }

    /** Both libraries must derive the same point from the scalar and compress it to the same 33 bytes. */
    @Test
    void smCryptoKeysCompressTheWayJavaDoes() {
        for (NodeKey key : nodeKeysOfBothParities().values()) {
            assertArrayEquals(key.publicKey(), SmCrypto.decodePrivateKey(key.privateKey()).publicKey().encoded());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 400})
    void flippedMessageByteFailsOnBothSides(int length) {
        byte[] message = random(length);
        int position = RANDOM.nextInt(length);

        Sm2KeyPair javaKey = SmCrypto.generateSm2KeyPair();
        byte[] javaSignature = SmCrypto.sign(javaKey.privateKey(), message);
        assertTrue(smCryptoVerifies(javaKey.publicKey().encoded(), message, javaSignature), "control");
        assertFalse(smCryptoVerifies(javaKey.publicKey().encoded(), flipped(message, position), javaSignature));

        NodeKey nodeKey = smCryptoKeygen();
        byte[] nodeSignature = smCryptoSign(nodeKey, message);
        assertTrue(SmCrypto.verify(nodeKey.publicKey(), message, nodeSignature), "control");
        assertFalse(SmCrypto.verify(nodeKey.publicKey(), flipped(message, position), nodeSignature));
    }

    @Test
    void signatureUnderAnotherKeyFailsInSmCrypto() {
        byte[] message = random(340);
        byte[] signature = SmCrypto.sign(SmCrypto.generateSm2KeyPair().privateKey(), message);

        assertFalse(smCryptoVerifies(SmCrypto.generateSm2KeyPair().publicKey().encoded(), message, signature));
    }

    // ------------------------------------------------------------------ sm-crypto through node

    /** A key pair made by sm-crypto: 32-byte scalar and 33-byte compressed public key. */
    private record NodeKey(byte[] privateKey, byte[] publicKey) {
    }

    private static NodeKey smCryptoKeygen() {
        String json = NodeScript.run("sm2.js", "", "keygen");
        return new NodeKey(HEX.parseHex(NodeScript.stringField(json, "privateKey")),
                HEX.parseHex(NodeScript.stringField(json, "publicKey")));
    }

    private static byte[] smCryptoSign(NodeKey key, byte[] message) {
        String json = NodeScript.run("sm2.js", HEX.formatHex(message), "sign", HEX.formatHex(key.privateKey()));
        return HEX.parseHex(NodeScript.stringField(json, "signature"));
    }

    private static boolean smCryptoVerifies(byte[] compressedKey, byte[] message, byte[] signature) {
        String answer = NodeScript.run("sm2.js", HEX.formatHex(message), "verify",
                HEX.formatHex(compressedKey), HEX.formatHex(signature));
        if (!answer.equals("true") && !answer.equals("false")) {
            throw new AssertionError("sm2.js verify answered neither true nor false: " + answer);
        }
        return Boolean.parseBoolean(answer);
    }

    // ------------------------------------------------------------------ keys of both parities

    /**
     * A compressed key starts with 02 or 03 after the parity of y; decompression takes a different square
     * root branch for each, so both prefixes are exercised. Each draw is a coin toss.
     */
    private static Map<Byte, Sm2KeyPair> javaKeysOfBothParities() {
        Map<Byte, Sm2KeyPair> keys = new HashMap<>();
        while (keys.size() < 2) {
            Sm2KeyPair pair = SmCrypto.generateSm2KeyPair();
            keys.putIfAbsent(pair.publicKey().encoded()[0], pair);
        }
        return keys;
    }

    private static Map<Byte, NodeKey> nodeKeysOfBothParities() {
        Map<Byte, NodeKey> keys = new HashMap<>();
        for (int draws = 0; keys.size() < 2; draws++) {
            if (draws == 40) {
                throw new AssertionError("sm-crypto produced only keys starting with " + keys.keySet());
            }
            NodeKey key = smCryptoKeygen();
            assertEquals(33, key.publicKey().length);
            assertEquals(32, key.privateKey().length);
            keys.putIfAbsent(key.publicKey()[0], key);
        }
        return keys;
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] flipped(byte[] message, int position) {
        byte[] copy = message.clone();
        copy[position] ^= 0x01;
        return copy;
    }
}
