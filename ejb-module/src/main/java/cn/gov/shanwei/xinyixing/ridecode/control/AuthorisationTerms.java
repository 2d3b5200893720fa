package cn.gov.shanwei.xinyixing.ridecode.control;

import java.util.Objects;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;

/**
 * What the issuer decides to grant a phone (fields 4–14), before it is signed into an {@link Authorisation}.
 *
 * <p>A separate value so the many same-typed fields are named at the call site rather than passed as a long
 * positional list, and so that every range is checked before anything is signed.
 *
 * @param paymentAccount      the account at the payment platform, 1..16 printable ASCII characters, no spaces
 * @param userAccount         1..10 printable ASCII characters, no spaces
 * @param cardIssuerCode      opaque 32 bits
 * @param qrPlatformId        opaque 32 bits
 * @param accountType         0..255, see {@link Authorisation#ACCOUNT_TYPE_STANDARD} and siblings
 * @param amountLimitFen      per-ride limit in fen, 0..16777215
 * @param userPublicKey       the key the phone signs codes with
 * @param expiresAt           Unix seconds, 0..2^32-1; the authorisation is valid up to and including this second
 * @param codeValiditySeconds how long a displayed code stays valid, 0..65535
 * @param cardData            the entitlement, or {@code null} for an account without one (full fare)
 */
public record AuthorisationTerms(String paymentAccount, String userAccount, int cardIssuerCode, int qrPlatformId,
        int accountType, int amountLimitFen, Sm2PublicKey userPublicKey, long expiresAt, int codeValiditySeconds,
        CardData cardData) {

    public AuthorisationTerms {
        AsciiField.check(paymentAccount, Authorisation.PAYMENT_ACCOUNT_LENGTH, "paymentAccount");
        AsciiField.check(userAccount, Authorisation.USER_ACCOUNT_LENGTH, "userAccount");
        Objects.requireNonNull(userPublicKey, "userPublicKey");
        range("accountType", accountType, 0xFF);
        range("amountLimitFen", amountLimitFen, 0xFF_FFFF);
        range("expiresAt", expiresAt, 0xFFFF_FFFFL);
        range("codeValiditySeconds", codeValiditySeconds, 0xFFFF);
    }

    private static void range(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " must be 0.." + max + ": " + value);
        }
    }
}
