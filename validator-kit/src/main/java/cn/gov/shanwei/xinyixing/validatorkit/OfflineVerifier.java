package cn.gov.shanwei.xinyixing.validatorkit;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.ridecode.control.ReplayGuard;
import cn.gov.shanwei.xinyixing.ridecode.control.Revocations;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeVerifier;
import cn.gov.shanwei.xinyixing.ridecode.control.Verification;

/**
 * The project's own {@link RideCodeVerifier} (the eight checks, the same code the server runs) on the kit's
 * blacklist cache and replay guard. The verifier pins its CA keys when built, so a sync that changes them swaps
 * in a new verifier; the blacklist and the replay memory are shared and survive the swap. Thread-safe.
 */
public final class OfflineVerifier {

    private final Clock clock;
    private final Duration allowedSkew;
    private final Revocations revocations;
    private final ReplayGuard replayGuard;
    private final int cacheSize;
    private volatile Map<Integer, String> caKeysHex = Map.of();
    private volatile RideCodeVerifier verifier;

    public OfflineVerifier(Clock clock, Duration allowedSkew, Revocations revocations, ReplayGuard replayGuard,
            int cacheSize) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allowedSkew = Objects.requireNonNull(allowedSkew, "allowedSkew");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
        this.replayGuard = Objects.requireNonNull(replayGuard, "replayGuard");
        this.cacheSize = cacheSize;
        this.verifier = build(Map.of());
    }

    /**
     * Pins these CA keys (index → 33-byte compressed key in hex).
     *
     * @throws cn.gov.shanwei.xinyixing.platform.crypto.CryptoException if a key is not a valid point
     */
    public synchronized void pin(Map<Integer, String> caKeys) {
        if (caKeys.equals(caKeysHex)) {
            return;
        }
        Map<Integer, Sm2PublicKey> decoded = new HashMap<>();
        caKeys.forEach((index, hex) -> decoded.put(index, SmCrypto.decodePublicKey(HexFormat.of().parseHex(hex))));
        verifier = build(decoded);
        caKeysHex = Map.copyOf(caKeys);
    }

    private RideCodeVerifier build(Map<Integer, Sm2PublicKey> keys) {
        return new RideCodeVerifier(keys, clock, allowedSkew, revocations, replayGuard, cacheSize);
    }

    public Map<Integer, String> caKeys() {
        return caKeysHex;
    }

    /** The eight checks on {@code code} at the validator's clock, priced at {@code fareFen}. */
    public Verification verify(byte[] code, int fareFen) {
        return verifier.verify(code, fareFen);
    }
}
