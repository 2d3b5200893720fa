package cn.gov.shanwei.xinyixing.validatorkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import cn.gov.shanwei.xinyixing.ridecode.control.Revocations;

/**
 * The validator's copy of the blacklist (check 6 of the verifier), kept as one cut-off per payment account.
 *
 * <p>An entry revokes every entitlement serial of its account up to and including {@code revokedUpToSerial};
 * {@code null} revokes every serial, now and later. Entries only ever add revocations (a repaid or re-admitted
 * citizen gets a credential with a higher serial, above the cut-off), so merging keeps the stronger cut-off
 * and the order in which entries arrive does not matter: a delta applied twice, or after a later one, gives
 * the same list. That is what lets a validator back after days offline catch up with one
 * {@code sync?blacklistSince=<version>}. Persisted by {@link StateFile}. Thread-safe; lookups take no lock.
 */
public final class BlacklistCache implements Revocations {

    /** One entry as the server sends it. */
    public record Entry(long version, String paymentAccountNo, Long revokedUpToSerial, String reason) {
        public Entry {
            Objects.requireNonNull(paymentAccountNo, "paymentAccountNo");
        }
    }

    /**
     * What the validator keeps per account: the strongest cut-off so far.
     *
     * @param upToSerial {@code null}: every serial
     * @param version    the list version of the entry that set this cut-off
     */
    public record Cutoff(Long upToSerial, String reason, long version) {

        public boolean revokes(long entitlementSerial) {
            return upToSerial == null || entitlementSerial <= upToSerial;
        }

        /** Whether this cut-off revokes at least what {@code other} does. */
        boolean covers(Cutoff other) {
            return upToSerial == null || (other.upToSerial != null && upToSerial >= other.upToSerial);
        }
    }

    private final Map<String, Cutoff> cutoffs = new ConcurrentHashMap<>();
    private volatile long version;

    public BlacklistCache() {
    }

    BlacklistCache(long version, Map<String, Cutoff> cutoffs) {
        this.version = version;
        this.cutoffs.putAll(cutoffs);
    }

    @Override
    public boolean isRevoked(String paymentAccount, long entitlementSerial) {
        Cutoff cutoff = cutoffs.get(paymentAccount);
        return cutoff != null && cutoff.revokes(entitlementSerial);
    }

    /**
     * Applies a delta: every entry is merged, the version becomes the larger of ours and {@code listVersion}.
     */
    public synchronized void merge(long listVersion, List<Entry> entries) {
        for (Entry entry : entries) {
            Cutoff incoming = new Cutoff(entry.revokedUpToSerial(), entry.reason(), entry.version());
            cutoffs.merge(entry.paymentAccountNo(), incoming,
                    (held, arriving) -> held.covers(arriving) ? held : arriving);
        }
        version = Math.max(version, listVersion);
    }

    /** Replaces the whole list with a full download (the server's list went back behind ours, e.g. a restore). */
    public synchronized void replace(long listVersion, List<Entry> entries) {
        cutoffs.clear();
        version = 0;
        merge(listVersion, entries);
        version = listVersion;
    }

    /** The list version held: the {@code blacklistSince} of the next sync. */
    public long version() {
        return version;
    }

    public int size() {
        return cutoffs.size();
    }

    /** A copy of the cut-offs, for persisting and display. */
    public synchronized Map<String, Cutoff> cutoffs() {
        return Map.copyOf(cutoffs);
    }

    public Cutoff cutoff(String paymentAccount) {
        return cutoffs.get(paymentAccount);
    }
}
