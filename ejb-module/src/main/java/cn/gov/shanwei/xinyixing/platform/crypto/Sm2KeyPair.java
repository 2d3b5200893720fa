package cn.gov.shanwei.xinyixing.platform.crypto;

import java.util.Objects;

/**
 * A freshly generated SM2 key pair. Persist {@code privateKey().encoded()} (32 bytes, secret) and
 * {@code publicKey().encoded()} (33 bytes, compressed).
 */
public record Sm2KeyPair(Sm2PrivateKey privateKey, Sm2PublicKey publicKey) {

    public Sm2KeyPair {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!privateKey.publicKey().equals(publicKey)) {
            throw new CryptoException("SM2 public key does not belong to the private key");
        }
    }

    static Sm2KeyPair of(Sm2PrivateKey privateKey) {
        return new Sm2KeyPair(privateKey, privateKey.publicKey());
    }
}
