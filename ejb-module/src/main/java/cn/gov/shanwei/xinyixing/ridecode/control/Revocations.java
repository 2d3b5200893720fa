package cn.gov.shanwei.xinyixing.ridecode.control;

import java.time.Instant;

/**
 * The blacklist the validator last downloaded (check 6). An interface because each vendor stores the list
 * in its own way (full list plus deltas, a bloom filter, a database on the server side).
 */
@FunctionalInterface
public interface Revocations {

    /** A list that revokes nothing, for tests and for a validator that has not yet downloaded one. */
    Revocations NONE = (paymentAccount, entitlementSerial) -> false;

    /**
     * @param paymentAccount    the payment account number, padding removed
     * @param entitlementSerial the card data's entitlement serial, or 0 when the code carries no entitlement
     * @return whether the account or the entitlement is on the blacklist
     */
    boolean isRevoked(String paymentAccount, long entitlementSerial);

    /**
     * Whether the account or entitlement was already revoked at an instant: a record an offline validator
     * uploads days later is judged by the list as it stood when the code was scanned. A list that keeps no
     * history answers as of now.
     */
    default boolean isRevokedAt(String paymentAccount, long entitlementSerial, Instant at) {
        return isRevoked(paymentAccount, entitlementSerial);
    }
}
