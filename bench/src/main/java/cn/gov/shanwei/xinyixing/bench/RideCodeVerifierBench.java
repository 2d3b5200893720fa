package cn.gov.shanwei.xinyixing.bench;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2KeyPair;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.ridecode.control.Authorisation;
import cn.gov.shanwei.xinyixing.ridecode.control.AuthorisationTerms;
import cn.gov.shanwei.xinyixing.ridecode.control.CardData;
import cn.gov.shanwei.xinyixing.ridecode.control.InMemoryReplayGuard;
import cn.gov.shanwei.xinyixing.ridecode.control.InstitutionCertificate;
import cn.gov.shanwei.xinyixing.ridecode.control.Revocations;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCode;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeVerifier;
import cn.gov.shanwei.xinyixing.ridecode.control.Verification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Cost of the validator's decision on one ride code, {@link RideCodeVerifier#verify(byte[], int)}, against the
 * cost of the one SM2 verification it cannot avoid, {@link SmCrypto#verify(Sm2PublicKey, byte[], byte[])}, on
 * one thread, in-process, with the same Bouncy Castle in the same JVM and the same run.
 *
 * <p>Trust chain, built here as the unit-test fixture {@code RideCodeFixture} does: a CA key (index 1) signs an
 * institution certificate for one issuer key (expiry 2027-12-31); the issuer signs one authorisation per rider
 * (50 riders by default, each with its own SM2 key, payment account and 信易行 card data at 5000 bp, valid until
 * 2027-06-30), expiring a day after the pinned time. The clock is {@link Clock#fixed pinned} at
 * 2026-11-26T00:00:00Z (08:00 in Shanwei), skew 30 s.
 *
 * <p>Codes: {@code bench.codes} (20,000) distinct codes, code {@code i} from rider {@code i mod riders}, generated
 * {@code 1 + i / riders} seconds before the pinned time, signed by that rider's key. The replay guard knows a
 * code by account + generation second, so one rider needs one second per code: the bench authorisations
 * carry a code validity of 3,600 s (the server issues 60 s) so that 400 codes a rider are all fresh under the
 * pinned clock. The validity only moves the bound of an integer comparison; it costs nothing. A separate set of
 * codes (generated 1,000 s earlier and onwards) is used for the warm-up.
 *
 * <p>Measured paths, each code timed on its own with {@link System#nanoTime()}:
 * <ul>
 * <li><b>bare</b>: {@code SmCrypto.verify(userKey, signedPart, signature)} over the very bytes of the same
 * codes, the user key decoded once per rider and held (what the verifier's cache holds), message and
 * signature split off before the clock;</li>
 * <li><b>verifier, warm cache</b>: a fresh verifier (cache size 64, a fresh {@link InMemoryReplayGuard},
 * {@link Revocations#NONE}, fare 200 fen), primed with one extra code per rider before the clock, so the
 * certificate and all authorisations are verified once and cached; every measured code then costs parsing,
 * two cache look-ups, the user's SM2 verification, the time checks, the replay guard and the fare;</li>
 * <li><b>verifier, cold cache</b> (context): cache size 1 and riders in rotation, so every code's
 * authorisation was evicted by the previous rider's: issuer signature, point decompression of the user key
 * and the user signature on every code (the one certificate stays cached).</li>
 * </ul>
 * Every answer is checked: every bare verification must be {@code true} and every verifier answer
 * {@code OK}, or the run stops.
 *
 * <p>Method: {@code bench.warmupRounds} (2) rounds of all three paths over the warm-up codes, then
 * {@code bench.rounds} (3) measured rounds, each bare → warm → cold (fresh verifiers per round); bare and warm
 * take all codes, cold, being three times slower, the first {@code bench.coldCodes} (5,000).
 * Rates are codes / loop time (the timer included, about the same for all paths); percentiles are over the
 * samples of all rounds. Results go to lines starting {@code RESULT}.
 * System properties: {@code bench.codes} (20000), {@code bench.riders} (50), {@code bench.rounds} (3),
 * {@code bench.warmupRounds} (2), {@code bench.coldCodes} (5000).
 */
public final class RideCodeVerifierBench {

    static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
    static final Duration SKEW = Duration.ofSeconds(30);
    static final int CA_INDEX = 1;
    static final int VALIDITY_SECONDS = 3_600;
    static final int FARE_FEN = 200;
    static final int WARM_CACHE_SIZE = 64;

    private final Sm2KeyPair ca = SmCrypto.generateSm2KeyPair();
    private final Sm2KeyPair issuer = SmCrypto.generateSm2KeyPair();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InstitutionCertificate certificate = InstitutionCertificate.issue(0x0000_0001, CA_INDEX,
            0x4415_0001, LocalDate.of(2027, 12, 31), 7, issuer.publicKey(), ca.privateKey());

    /** One rider: own phone key, own payment account, one issuer-signed authorisation for the day. */
    private final class Rider {
        final Sm2KeyPair phone = SmCrypto.generateSm2KeyPair();
        /** As the verifier's cache holds it: decoded once from the 33 bytes in the authorisation. */
        final Sm2PublicKey heldKey = SmCrypto.decodePublicKey(phone.publicKey().encoded());
        final Authorisation authorisation;

        Rider(int n) {
            AuthorisationTerms terms = new AuthorisationTerms(String.format("PA62170%09d", n),
                    String.format("U%09d", n), 0x4415_0000, 0x0000_0001, Authorisation.ACCOUNT_TYPE_XINYIXING, 1_000,
                    phone.publicKey(), NOW.getEpochSecond() + 86_400, VALIDITY_SECONDS,
                    new CardData(ConcessionType.XINYIXING, 5000, LocalDate.of(2027, 6, 30), 1_000L + n));
            authorisation = Authorisation.sign(terms, certificate, issuer.privateKey());
        }

        byte[] code(long generationTime) {
            return RideCode.make(authorisation, generationTime, phone.privateKey()).encode();
        }
    }

    /** A set of codes with, for the bare path, the signed part, the signature and the held key split off. */
    private static final class CodeSet {
        final byte[][] codes;
        final byte[][] messages;
        final byte[][] signatures;
        final Sm2PublicKey[] keys;

        CodeSet(Rider[] riders, int count, long newest) {
            codes = new byte[count][];
            messages = new byte[count][];
            signatures = new byte[count][];
            keys = new Sm2PublicKey[count];
            for (int i = 0; i < count; i++) {
                Rider rider = riders[i % riders.length];
                byte[] code = rider.code(newest - i / riders.length);
                codes[i] = code;
                int signedLength = code.length - 1 - RideCode.SIGNATURE_LENGTH;
                messages[i] = Arrays.copyOf(code, signedLength);
                signatures[i] = Arrays.copyOfRange(code, signedLength + 1, code.length);
                keys[i] = rider.heldKey;
            }
        }
    }

    /** Per-path results pooled over rounds. */
    private static final class Samples {
        final String name;
        final long[] nanos;
        int filled;
        long loopNanos;

        Samples(String name, int capacity) {
            this.name = name;
            this.nanos = new long[capacity];
        }

        Samples reset() {
            filled = 0;
            loopNanos = 0;
            return this;
        }

        double rate() {
            return filled / (loopNanos / 1e9);
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(nanos, filled);
            Arrays.sort(copy);
            return copy;
        }
    }

    public static void main(String[] args) {
        int codes = Integer.getInteger("bench.codes", 20_000);
        int riders = Integer.getInteger("bench.riders", 50);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int warmupRounds = Integer.getInteger("bench.warmupRounds", 2);
        int coldCodes = Integer.getInteger("bench.coldCodes", 5_000);
        new RideCodeVerifierBench().run(codes, riders, rounds, warmupRounds, Math.min(codes, coldCodes));
    }

    private void run(int count, int riderCount, int rounds, int warmupRounds, int coldCount) {
        out("Ride-code verifier benchmark: %,d codes from %d riders (cold path: the first %,d), %d warm-up + %d"
                + " measured rounds, one thread", count, riderCount, coldCount, warmupRounds, rounds);
        out("machine: %d processors, JVM %s, max heap %,d MB; load average at start: %s",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"),
                Runtime.getRuntime().maxMemory() >> 20, ServerCodeLatencyBench.loadAverage());
        int perRider = (count + riderCount - 1) / riderCount;
        if (perRider >= 1_000) {
            throw new IllegalArgumentException("too many codes per rider (" + perRider + ") for a "
                    + VALIDITY_SECONDS + " s validity: raise bench.riders");
        }

        // ---------------------------------------------------------------- set-up (not timed)
        long setupStart = System.nanoTime();
        Rider[] riders = new Rider[riderCount];
        for (int n = 0; n < riderCount; n++) {
            riders[n] = new Rider(n);
        }
        long now = NOW.getEpochSecond();
        CodeSet measured = new CodeSet(riders, count, now - 1);
        CodeSet warmup = new CodeSet(riders, count, now - 1_000);
        byte[][] primers = new byte[riderCount][];
        for (int n = 0; n < riderCount; n++) {
            primers[n] = riders[n].code(now - 2_000);
        }
        out("set-up: CA → issuer certificate → %d authorisations (%d bytes each), %,d + %,d warm-up codes of %d bytes,"
                + " made and signed in %.1f s (not timed)", riderCount, riders[0].authorisation.length(), count, count,
                measured.codes[0].length, (System.nanoTime() - setupStart) / 1e9);

        // ---------------------------------------------------------------- warm-up
        long warmStart = System.nanoTime();
        for (int r = 0; r < warmupRounds; r++) {
            Samples scratch = new Samples("warm-up", count);
            bare(warmup, scratch);
            verifier(warmup, primedVerifier(primers), scratch.reset());
            verifier(warmup, coldVerifier(), coldCount, scratch.reset());
            out("warm-up round %d done (%.1f s so far)", r + 1, (System.nanoTime() - warmStart) / 1e9);
        }

        // ---------------------------------------------------------------- measured rounds
        Samples bare = new Samples("bare SmCrypto.verify", count * rounds);
        Samples warm = new Samples("verifier, warm cache", count * rounds);
        Samples cold = new Samples("verifier, cold cache", coldCount * rounds);
        for (int r = 0; r < rounds; r++) {
            double b = roundRate(() -> bare(measured, bare), bare, count);
            RideCodeVerifier primed = primedVerifier(primers);
            double w = roundRate(() -> verifier(measured, primed, warm), warm, count);
            RideCodeVerifier coldOne = coldVerifier();
            double c = roundRate(() -> verifier(measured, coldOne, coldCount, cold), cold, coldCount);
            out("round %d: bare %,.0f verifies/s, verifier warm %,.0f codes/s (ratio %.3f), cold %,.0f codes/s",
                    r + 1, b, w, w / b, c);
        }

        // ---------------------------------------------------------------- results
        out("");
        for (Samples s : new Samples[] {bare, warm, cold}) {
            long[] sorted = s.sorted();
            out("RESULT %-22s %,8.0f /s   p50 %7.1f µs   p99 %7.1f µs   p99.9 %7.1f µs   max %8.1f µs   (mean %.1f µs,"
                    + " %,d samples)", s.name, s.rate(), micros(percentile(sorted, 50)), micros(percentile(sorted, 99)),
                    micros(percentile(sorted, 99.9)), micros(sorted[sorted.length - 1]),
                    Arrays.stream(sorted).average().orElse(0) / 1000, sorted.length);
        }
        double ratio = warm.rate() / bare.rate();
        double p99Ms = percentile(warm.sorted(), 99) / 1e6;
        out("RESULT ratio verifier_rate (warm) / bare_verify_rate = %.3f   (goal >= 0.8: %s)", ratio,
                ratio >= 0.8 ? "met" : "NOT met");
        out("RESULT verifier p99 (warm) = %.3f ms   (goal <= 5 ms: %s)", p99Ms, p99Ms <= 5 ? "met" : "NOT met");
        out("RESULT ratio cold / bare = %.3f (cold: issuer signature, key decompression and user signature per code)",
                cold.rate() / bare.rate());
        out("load average at the end: %s", ServerCodeLatencyBench.loadAverage());
    }

    private static double roundRate(Runnable path, Samples samples, int count) {
        long before = samples.loopNanos;
        path.run();
        return count / ((samples.loopNanos - before) / 1e9);
    }

    // ---------------------------------------------------------------- the paths

    private static void bare(CodeSet set, Samples out) {
        byte[][] messages = set.messages;
        byte[][] signatures = set.signatures;
        Sm2PublicKey[] keys = set.keys;
        long start = System.nanoTime();
        for (int i = 0; i < messages.length; i++) {
            long t0 = System.nanoTime();
            boolean valid = SmCrypto.verify(keys[i], messages[i], signatures[i]);
            long t1 = System.nanoTime();
            if (!valid) {
                throw new IllegalStateException("bare verification " + i + " failed");
            }
            out.nanos[out.filled++] = t1 - t0;
        }
        out.loopNanos += System.nanoTime() - start;
    }

    private static void verifier(CodeSet set, RideCodeVerifier verifier, Samples out) {
        verifier(set, verifier, set.codes.length, out);
    }

    private static void verifier(CodeSet set, RideCodeVerifier verifier, int count, Samples out) {
        byte[][] codes = set.codes;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            Verification v = verifier.verify(codes[i], FARE_FEN);
            long t1 = System.nanoTime();
            if (!v.ok()) {
                throw new IllegalStateException("code " + i + " refused: " + v.reason());
            }
            out.nanos[out.filled++] = t1 - t0;
        }
        out.loopNanos += System.nanoTime() - start;
    }

    /** A fresh verifier whose caches already hold the certificate and every rider's authorisation. */
    private RideCodeVerifier primedVerifier(byte[][] primers) {
        RideCodeVerifier verifier = newVerifier(WARM_CACHE_SIZE);
        for (byte[] primer : primers) {
            Verification v = verifier.verify(primer, FARE_FEN);
            if (!v.ok()) {
                throw new IllegalStateException("primer refused: " + v.reason());
            }
        }
        return verifier;
    }

    private RideCodeVerifier coldVerifier() {
        return newVerifier(1);
    }

    private RideCodeVerifier newVerifier(int cacheSize) {
        return new RideCodeVerifier(Map.of(CA_INDEX, ca.publicKey()), clock, SKEW, Revocations.NONE,
                new InMemoryReplayGuard(), cacheSize);
    }

    // ---------------------------------------------------------------- output

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
