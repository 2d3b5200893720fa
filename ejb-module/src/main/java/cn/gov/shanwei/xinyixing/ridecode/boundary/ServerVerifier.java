package cn.gov.shanwei.xinyixing.ridecode.boundary;

import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeVerifier;
import cn.gov.shanwei.xinyixing.ridecode.control.Verification;
import jakarta.ejb.EJB;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

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

    private RideCodeVerifier verifier() {
        RideCodeVerifier current = verifier;
        if (current == null) {
            current = new RideCodeVerifier(keys.chain().map(RideCodeKeys.Chain::caKeys).orElse(java.util.Map.of()),
                    clock, Duration.ofSeconds(30), blacklist::isRevoked, uses::firstUse, 10_000);
            verifier = current;
        }
        return current;
    }
}
