package cn.gov.shanwei.xinyixing.ridecode.boundary;

import cn.gov.shanwei.xinyixing.ridecode.control.Revocations;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeVerifier;
import cn.gov.shanwei.xinyixing.ridecode.control.Verification;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The validator's eight checks run on the server, for validators that are online. The blacklist and
 * the replay memory are the database's ({@link Blacklist}, {@link CodeUses}), so every instance of a
 * cluster gives the same answer and a code pays once.
 */
@Singleton
@Lock(LockType.READ)
public class ServerVerifier {

    @EJB
    RideCodeKeys keys;

    @EJB
    Blacklist blacklist;

    @EJB
    CodeUses uses;

    @Inject
    Clock clock;

    private volatile RideCodeVerifier verifier;

    public Verification verify(byte[] code, int fareFen) {
        return verifier().verify(code, fareFen);
    }

    /** The same checks as of the moment an offline validator scanned the code. */
    public Verification verifyAt(byte[] code, int fareFen, Instant scannedAt) {
        return verifier().verifyAt(code, fareFen, scannedAt);
    }

    private RideCodeVerifier verifier() {
        RideCodeVerifier current = verifier;
        if (current == null) {
            current = new RideCodeVerifier(keys.chain().map(RideCodeKeys.Chain::caKeys).orElse(java.util.Map.of()),
                    clock, Duration.ofSeconds(30), new Revocations() {
                        @Override
                        public boolean isRevoked(String paymentAccount, long entitlementSerial) {
                            return blacklist.isRevoked(paymentAccount, entitlementSerial);
                        }

                        @Override
                        public boolean isRevokedAt(String paymentAccount, long entitlementSerial, Instant at) {
                            return blacklist.isRevokedAt(paymentAccount, entitlementSerial, at);
                        }
                    }, uses::firstUse, 10_000);
            verifier = current;
        }
        return current;
    }
}
