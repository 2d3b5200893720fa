package cn.gov.shanwei.xinyixing.platform.crypto;

/**
 * The one failure type of this package.
 *
 * <p>Unchecked because every cause is either a programming or configuration error (wrong key length, a
 * malformed stored key) or tampered data that callers cannot repair locally; they log it and reject the
 * request. Bouncy Castle's own exceptions are wrapped so they never leak past the facade.
 * Signature verification never throws this for a bad signature: it answers {@code false}.
 */
public final class CryptoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CryptoException(String message) {
        super(message);
    }

    public CryptoException(String message, Throwable cause) {
        super(message, cause);
    }
}
