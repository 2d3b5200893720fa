package cn.gov.shanwei.xinyixing.validatorkit.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.ridecode.control.InMemoryReplayGuard;
import cn.gov.shanwei.xinyixing.validatorkit.BlacklistCache;
import cn.gov.shanwei.xinyixing.validatorkit.OfflineVerifier;
import cn.gov.shanwei.xinyixing.validatorkit.Scan;
import cn.gov.shanwei.xinyixing.validatorkit.SyncResult;
import cn.gov.shanwei.xinyixing.validatorkit.UploadReport;
import cn.gov.shanwei.xinyixing.validatorkit.ValidatorKit;

/**
 * A bus validator on the command line, built on {@link ValidatorKit}. Run without arguments for the usage.
 */
public final class ValidatorSimulator {

    static final String USAGE = """
            信易行 validator simulator

            usage: java -jar validator-kit-simulator.jar <command> [options]

            commands
              sync                          fetch CA keys, route and fare, and the blacklist delta
              scan  --code B64 | --image F  verify offline, store the trip; --online asks the server (POST /scan)
              upload                        send stored trips (batches of <= 500) and delete what the server committed
              status                        what the data folder holds
              replay --file F               scan every line of a replay file (format in the README); --rate N scans/s
                                            (default: as fast as possible), --online, --upload (upload at the end),
                                            --clock file|system (default file: the kit's clock follows each line's time)
              generate --out F              a replay file of valid codes under a fresh demo CA (printed, and in F.ca):
                                            --riders N (100), --scans N (30000), --date YYYY-MM-DD (today, UTC+8),
                                            --replays PERCENT (0) lines that repeat an earlier code
              bench                         offline verification rate of the kit against a bare SM2 verify loop, same
                                            run: --seconds S (5 per round), --riders N (200)

            options
              --url URL                     the system, e.g. https://localhost:8181
              --device ID                   registered device id
              --secret HEX | --secret-file F | environment XINYIXING_DEVICE_SECRET
              --trust-store F [--trust-store-password P | environment XINYIXING_TRUST_STORE_PASSWORD]
              --data DIR                    the validator's data folder (default ./validator-data)
              --ca-key INDEX:HEX            pin a CA key (repeatable); --ca-file F reads INDEX:HEX lines
              --route NO --fare FEN         route and fare instead of those from sync
            """;

    private final PrintStream out;
    private final Map<String, List<String>> options = new HashMap<>();
    private final List<String> flags = new ArrayList<>();

    ValidatorSimulator(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.exit(new ValidatorSimulator(System.out).run(args));
    }

    int run(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        parse(Arrays.copyOfRange(args, 1, args.length));
        try {
            return switch (args[0]) {
                case "sync" -> sync();
                case "scan" -> scan();
                case "upload" -> upload();
                case "status" -> status();
                case "replay" -> replay();
                case "generate" -> generate();
                case "bench" -> bench();
                default -> {
                    out.println("unknown command " + args[0]);
                    out.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.println("error: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            out.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static final List<String> FLAGS = List.of("--online", "--upload");

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (FLAGS.contains(name)) {
                flags.add(name);
            } else if (name.startsWith("--") && i + 1 < args.length) {
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument " + name);
            }
        }
    }

    private String option(String name) {
        List<String> values = options.get(name);
        return values == null ? null : values.get(values.size() - 1);
    }

    private String option(String name, String fallback) {
        String value = option(name);
        return value == null ? fallback : value;
    }

    private ValidatorKit kit(Clock clock) throws IOException {
        String device = option("--device");
        if (device == null) {
            throw new IllegalArgumentException("--device is required");
        }
        ValidatorKit.Builder builder = ValidatorKit.builder().deviceId(device).clock(clock)
                .dataDirectory(Path.of(option("--data", "validator-data")));
        String url = option("--url");
        if (url != null) {
            builder.baseUrl(url).secretHex(secret());
        }
        String trustStore = option("--trust-store");
        if (trustStore != null) {
            String password = option("--trust-store-password", System.getenv("XINYIXING_TRUST_STORE_PASSWORD"));
            builder.trustStore(Path.of(trustStore), password == null ? null : password.toCharArray());
        }
        List<String> keys = new ArrayList<>(options.getOrDefault("--ca-key", List.of()));
        String caFile = option("--ca-file");
        if (caFile != null) {
            for (String line : Files.readAllLines(Path.of(caFile), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    keys.add(line.strip());
                }
            }
        }
        for (String key : keys) {
            int colon = key.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("--ca-key is INDEX:HEX");
            }
            builder.caKey(Integer.parseInt(key.substring(0, colon)), key.substring(colon + 1));
        }
        if (option("--route") != null || option("--fare") != null) {
            builder.route(option("--route", "0"), Integer.parseInt(option("--fare", "200")));
        }
        return builder.build();
    }

    private String secret() throws IOException {
        String secret = option("--secret");
        if (secret == null && option("--secret-file") != null) {
            secret = Files.readString(Path.of(option("--secret-file"))).strip();
        }
        if (secret == null) {
            secret = System.getenv("XINYIXING_DEVICE_SECRET");
        }
        if (secret == null) {
            throw new IllegalArgumentException("the device secret is needed with --url (--secret, --secret-file or"
                    + " XINYIXING_DEVICE_SECRET)");
        }
        return secret;
    }

    // ---------------------------------------------------------------- commands

    private int sync() throws Exception {
        try (ValidatorKit kit = kit(Clock.systemUTC())) {
            SyncResult r = kit.sync();
            out.printf(Locale.ROOT, "synced: server time %s, device %s route %s fare %d fen, %d CA key(s), blacklist"
                    + " version %d (%d new entries, %d accounts revoked)%s%n", r.serverTime(), r.device().deviceId(),
                    r.device().routeNo(), r.device().fareFen(), r.caKeys(), r.blacklistVersion(), r.entriesReceived(),
                    r.accountsRevoked(), r.fullReload() ? ", full reload" : "");
            return 0;
        }
    }

    private int scan() throws Exception {
        byte[] code;
        if (option("--code") != null) {
            code = Base64.getDecoder().decode(option("--code").strip());
        } else if (option("--image") != null) {
            code = ValidatorKit.decodeQr(Files.readAllBytes(Path.of(option("--image"))));
        } else {
            throw new IllegalArgumentException("scan needs --code or --image");
        }
        try (ValidatorKit kit = kit(Clock.systemUTC())) {
            Scan s = flags.contains("--online") ? kit.scanOnline(code) : kit.scan(code);
            out.printf(Locale.ROOT, "serial %d: %s %s (%s)%s%s%n", s.serial(), s.reason(), s.message(), s.source(),
                    s.ok() ? String.format(Locale.ROOT, ", fare %d, discount %d, charged %d fen", s.originalFen(),
                            s.discountFen(), s.chargedFen()) : "",
                    s.tripId() != null ? ", trip " + s.tripId() : "");
            if (s.fallbackCause() != null) {
                out.println("  server not reached: " + s.fallbackCause());
            }
            return s.ok() ? 0 : 3;
        }
    }

    private int upload() throws Exception {
        try (ValidatorKit kit = kit(Clock.systemUTC())) {
            return print(kit.upload());
        }
    }

    private int print(UploadReport r) {
        out.printf(Locale.ROOT, "upload: %d batch(es), %d sent: %d stored, %d duplicate, %d conflict, %d invalid;"
                + " %d deleted, %d still pending%n", r.batches(), r.sent(), r.stored(), r.duplicate(), r.conflict(),
                r.invalid(), r.deleted(), r.pending());
        r.refusals().forEach(x -> out.printf("  serial %d %s %s: %s%n", x.serial(), x.status(), x.code(), x.message()));
        if (r.problem() != null) {
            out.println("  stopped: " + r.problem());
            return 1;
        }
        return 0;
    }

    private int status() throws Exception {
        try (ValidatorKit kit = kit(Clock.systemUTC())) {
            out.printf(Locale.ROOT, "device %s, last sync %s, route %s, CA keys %s%n", kit.deviceId(),
                    kit.lastSync().map(Instant::toString).orElse("never"),
                    kit.device().map(d -> d.routeNo() + " fare " + d.fareFen() + " fen").orElse("-"),
                    kit.verifier().caKeys().keySet());
            out.printf(Locale.ROOT, "blacklist version %d, %d account(s)%n", kit.blacklist().version(),
                    kit.blacklist().size());
            var recovery = kit.store().recovery();
            out.printf(Locale.ROOT, "trip store: %d pending, %d acknowledged kept, next serial %d, %d bytes%s%n",
                    kit.store().pendingCount(), kit.store().acknowledgedCount(), kit.store().nextSerial(),
                    kit.store().fileSize(), recovery.droppedTailBytes() > 0
                            ? ", dropped a torn tail of " + recovery.droppedTailBytes() + " bytes on open" : "");
            return 0;
        }
    }

    private int replay() throws Exception {
        String file = option("--file");
        if (file == null) {
            throw new IllegalArgumentException("replay needs --file");
        }
        List<ReplayFile.Line> lines = ReplayFile.read(Path.of(file));
        if (lines.isEmpty()) {
            out.println("no scans in " + file);
            return 0;
        }
        boolean followFile = option("--clock", "file").equals("file");
        ReplayClock replayClock = new ReplayClock(lines.get(0).scannedAt());
        double rate = Double.parseDouble(option("--rate", "0"));
        boolean online = flags.contains("--online");
        Map<String, Integer> counts = new TreeMap<>();
        long[] latencies = new long[lines.size()];
        try (ValidatorKit kit = kit(followFile ? replayClock : Clock.systemUTC())) {
            long start = System.nanoTime();
            long intervalNanos = rate > 0 ? (long) (1e9 / rate) : 0;
            int done = 0;
            for (ReplayFile.Line line : lines) {
                if (intervalNanos > 0) {
                    long due = start + done * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                replayClock.set(line.scannedAt());
                long t0 = System.nanoTime();
                Scan s = online ? kit.scanOnline(line.code()) : kit.scan(line.code());
                latencies[done++] = System.nanoTime() - t0;
                counts.merge(s.reason() + (s.source() == Scan.Source.OFFLINE_FALLBACK ? " (offline fallback)" : ""),
                        1, Integer::sum);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            out.printf(Locale.ROOT, "replayed %d scans in %.2f s: %.0f scans/s%s; latency p50 %.2f ms, p99 %.2f ms,"
                    + " max %.2f ms (verify + store with fsync%s)%n", done, seconds, done / seconds,
                    rate > 0 ? String.format(Locale.ROOT, " (asked for %.0f)", rate) : "",
                    latencies[done / 2] / 1e6, latencies[Math.min(done - 1, (int) (done * 0.99))] / 1e6,
                    latencies[done - 1] / 1e6, online ? " + POST /scan" : "");
            counts.forEach((reason, n) -> out.printf(Locale.ROOT, "  %-40s %7d%n", reason, n));
            out.printf(Locale.ROOT, "trip store: %d pending upload, next serial %d%n", kit.store().pendingCount(),
                    kit.store().nextSerial());
            if (flags.contains("--upload")) {
                long t0 = System.nanoTime();
                int status = print(kit.upload());
                double s = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "upload took %.2f s%n", s);
                return status;
            }
            return 0;
        }
    }

    private int generate() throws Exception {
        String outFile = option("--out");
        if (outFile == null) {
            throw new IllegalArgumentException("generate needs --out");
        }
        int riders = Integer.parseInt(option("--riders", "100"));
        int scans = Integer.parseInt(option("--scans", "30000"));
        double replays = Double.parseDouble(option("--replays", "0")) / 100;
        LocalDate date = option("--date") == null ? LocalDate.now(ZoneOffset.ofHours(8)) : LocalDate.parse(option("--date"));
        // a service day in Shanwei: 06:00 to 22:00 UTC+8
        Instant first = date.atTime(6, 0).toInstant(ZoneOffset.ofHours(8));
        long span = Duration.ofHours(16).getSeconds();
        DemoIssuer issuer = new DemoIssuer();
        List<DemoIssuer.Rider> people = issuer.riders(riders, first.plusSeconds(span + 3600));
        Random random = new Random(42);
        List<ReplayFile.Line> lines = new ArrayList<>(scans);
        for (int i = 0; i < scans; i++) {
            if (!lines.isEmpty() && random.nextDouble() < replays) {
                ReplayFile.Line earlier = lines.get(lines.size() - 1);
                lines.add(new ReplayFile.Line(i, earlier.scannedAt().plusSeconds(1), earlier.code()));
                continue;
            }
            Instant at = first.plusMillis(span * 1000L * i / scans);
            // the phone made the code a few seconds before the scan
            long generated = at.getEpochSecond() - random.nextInt(20);
            lines.add(new ReplayFile.Line(i, at, people.get(random.nextInt(riders)).code(generated)));
        }
        String ca = DemoIssuer.CA_INDEX + ":" + issuer.caKeyHex();
        ReplayFile.write(Path.of(outFile), lines, "validator replay file: " + scans + " scans, " + riders + " riders, "
                + date + "\ndemo CA key (--ca-key): " + ca);
        Files.writeString(Path.of(outFile + ".ca"), ca + "\n");
        out.println("wrote " + scans + " scans to " + outFile + "; CA key in " + outFile + ".ca: " + ca);
        return 0;
    }

    /**
     * The kit's offline verification (all eight checks, blacklist and replay guard included) against a loop of
     * bare SM2 verifications over the same codes' user signatures, alternating rounds in one run, one thread.
     */
    private int bench() throws Exception {
        int riders = Integer.parseInt(option("--riders", "200"));
        double roundSeconds = Double.parseDouble(option("--seconds", "5"));
        DemoIssuer issuer = new DemoIssuer();
        Instant now = Instant.parse("2026-11-26T00:00:00Z");
        List<DemoIssuer.Rider> people = issuer.riders(riders, now.plusSeconds(86_400));
        int perRider = 50;
        // distinct generation times so no code is a replay; all inside the validity window at "now"
        byte[][] codes = new byte[riders * perRider][];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = people.get(i % riders).code(now.getEpochSecond() - (i / riders));
        }
        Sm2PublicKey[] keys = new Sm2PublicKey[riders];
        for (int i = 0; i < riders; i++) {
            keys[i] = people.get(i).key().publicKey();
        }
        ReplayClock clock = new ReplayClock(now);
        double bestKit = 0;
        double bestBare = 0;
        for (int round = 0; round < 3; round++) {
            bestBare = Math.max(bestBare, bareRate(codes, keys, roundSeconds));
            bestKit = Math.max(bestKit, kitRate(codes, issuer, new ClockHolder(clock), riders, roundSeconds));
        }
        out.printf(Locale.ROOT, "bare SM2 verify (1 thread): %.0f/s%n", bestBare);
        out.printf(Locale.ROOT, "kit offline verification, all 8 checks, 1000-account blacklist, warm caches (1 thread): %.0f/s = %.2fx the bare rate%n",
                bestKit, bestKit / bestBare);
        return 0;
    }

    private static double bareRate(byte[][] codes, Sm2PublicKey[] keys, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        int n = 0;
        boolean all = true;
        while (System.nanoTime() < end) {
            byte[] code = codes[n % codes.length];
            int signed = code.length - 65;
            all &= SmCrypto.verify(keys[n % keys.length], Arrays.copyOf(code, signed),
                    Arrays.copyOfRange(code, signed + 1, code.length));
            n++;
        }
        if (!all) {
            throw new IllegalStateException("a bare verification failed");
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Steady state, as on a bus where a rider's certificate and authorisation are already remembered: each pass
     * over the codes gets a fresh verifier (so no code is a replay), warmed untimed with each rider's first code.
     */
    private static double kitRate(byte[][] codes, DemoIssuer issuer, ClockHolder clock, int riders, double seconds) {
        long budget = (long) (seconds * 1e9);
        long spent = 0;
        int n = 0;
        while (spent < budget) {
            BlacklistCache blacklist = new BlacklistCache();
            List<BlacklistCache.Entry> entries = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                entries.add(new BlacklistCache.Entry(i + 1, String.format("PX%013d", i), (long) i, "ARREARS"));
            }
            blacklist.merge(1000, entries);
            OfflineVerifier verifier = new OfflineVerifier(clock.clock, Duration.ofSeconds(30), blacklist,
                    new InMemoryReplayGuard(), 10_000);
            verifier.pin(Map.of(DemoIssuer.CA_INDEX, issuer.caKeyHex()));
            for (int i = 0; i < riders; i++) {
                verifier.verify(codes[i], 200);
            }
            long start = System.nanoTime();
            for (int i = riders; i < codes.length && System.nanoTime() - start < budget - spent; i++) {
                if (!verifier.verify(codes[i], 200).ok()) {
                    throw new IllegalStateException("the kit refused a valid code");
                }
                n++;
            }
            spent += System.nanoTime() - start;
        }
        return n / (spent / 1e9);
    }

    private record ClockHolder(Clock clock) {
    }
}
