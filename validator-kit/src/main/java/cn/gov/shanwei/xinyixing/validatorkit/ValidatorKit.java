package cn.gov.shanwei.xinyixing.validatorkit;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import cn.gov.shanwei.xinyixing.ridecode.control.InMemoryReplayGuard;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCode;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeFormatException;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCodeReason;
import cn.gov.shanwei.xinyixing.ridecode.control.Verification;
import cn.gov.shanwei.xinyixing.ridecode.qr.RideCodeQr;

/**
 * Everything a validator needs, on one object: offline verification ({@link #scan}), the online scan
 * ({@link #scanOnline}), key set and blacklist sync ({@link #sync}) and the upload of stored trips
 * ({@link #upload}). Built with {@link #builder()}:
 * <pre>{@code
 * try (ValidatorKit kit = ValidatorKit.builder()
 *         .baseUrl(URI.create("https://xyx.example:8181"))
 *         .deviceId("BUS-0001").secretHex(secret)
 *         .trustStore(Path.of("truststore.p12"), password)
 *         .dataDirectory(Path.of("/var/lib/validator"))
 *         .build()) {
 *     kit.sync();
 *     Scan scan = kit.scan(RideCodeQr.decode(png));
 *     kit.upload();
 * }
 * }</pre>
 * The data folder holds {@code trips.log} ({@link TripStore}) and {@code sync-state.json} (last sync); one
 * folder per device, one kit per folder at a time. Scanning is thread-safe; run sync and upload from one
 * background thread.
 */
public final class ValidatorKit implements Closeable {

    static final String SYNC_PATH = "/api/validator/v1/sync";
    static final String SCAN_PATH = "/api/validator/v1/scan";

    private final String deviceId;
    private final Clock clock;
    private final DeviceClient client;
    private final TripStore store;
    private final StateFile stateFile;
    private final BlacklistCache blacklist;
    private final InMemoryReplayGuard replayGuard;
    private final OfflineVerifier verifier;
    private final Uploader uploader;
    private final RetryPolicy backgroundPolicy;
    private final RetryPolicy boardingPolicy;
    private final String routeOverride;
    private final Integer fareOverride;
    private volatile DeviceInfo device;
    private volatile Instant syncedAt;

    private ValidatorKit(Builder b) throws IOException {
        this.deviceId = RequestSigner.requireDeviceId(b.deviceId);
        this.clock = b.clock;
        Path dir = Objects.requireNonNull(b.dataDirectory, "dataDirectory");
        Files.createDirectories(dir);
        this.stateFile = new StateFile(dir);
        StateFile.State state = stateFile.read();
        this.blacklist = state.blacklist();
        this.device = state.device();
        this.syncedAt = state.syncedAt();
        this.replayGuard = new InMemoryReplayGuard(b.replayCapacity);
        this.verifier = new OfflineVerifier(clock, b.allowedSkew, blacklist, replayGuard, b.cacheSize);
        Map<Integer, String> keys = new TreeMap<>(state.caKeys());
        keys.putAll(b.pinnedCaKeys);
        verifier.pin(keys);
        this.store = TripStore.open(dir, deviceId, clock, b.retention, b.firstSerial);
        seedReplayGuard(b.retention);
        this.routeOverride = b.routeNo;
        this.fareOverride = b.fareFen;
        this.backgroundPolicy = b.backgroundPolicy;
        this.boardingPolicy = b.boardingPolicy;
        if (b.baseUrl != null) {
            if (b.secret == null) {
                throw new IllegalStateException("a base URL needs the device secret");
            }
            this.client = new DeviceClient(b.baseUrl, new RequestSigner(deviceId, b.secret), sslContext(b),
                    b.connectTimeout, b.requestTimeout, clock, b.sleeper, b.random);
            this.uploader = new Uploader(client, store, b.batchSize, backgroundPolicy);
        } else {
            this.client = null;
            this.uploader = null;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** After a restart the memory of used codes is gone; the codes accepted within the retention refill it. */
    private void seedReplayGuard(Duration retention) {
        for (TripRecord record : store.scannedSince(clock.instant().minus(retention))) {
            if (!record.verdict().equals(RideCodeReason.OK.name())
                    && !record.verdict().equals(RideCodeReason.ENTITLEMENT_EXPIRED.name())) {
                continue;
            }
            try {
                RideCode code = RideCode.parse(record.code());
                replayGuard.firstUse(code.authorisation().paymentAccount(), code.generationTime());
            } catch (RideCodeFormatException e) {
                // a stored code that does not parse was never accepted
            }
        }
    }

    private static SSLContext sslContext(Builder b) throws IOException {
        if (b.sslContext != null) {
            return b.sslContext;
        }
        if (b.trustStore == null) {
            return null;
        }
        try {
            KeyStore trust = KeyStore.getInstance(b.trustStore.toFile(), b.trustStorePassword);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use trust store " + b.trustStore + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- sync

    /**
     * Fetches CA keys, device info and the blacklist delta since the version held, applies them and persists
     * them before returning. If the server's list version is below ours (its database went back), the whole
     * list is fetched and replaces ours.
     */
    public SyncResult sync() throws IOException, InterruptedException {
        DeviceClient c = requireClient();
        long since = blacklist.version();
        JsonObject answer = c.exchange("GET", SYNC_PATH, "blacklistSince=" + since, null, backgroundPolicy).json();
        boolean full = false;
        JsonObject list = answer.getJsonObject("blacklist");
        if (list.getJsonNumber("version").longValue() < since) {
            answer = c.exchange("GET", SYNC_PATH, "blacklistSince=0", null, backgroundPolicy).json();
            list = answer.getJsonObject("blacklist");
            full = true;
        }
        Instant serverTime = Instant.parse(answer.getString("serverTime"));
        c.learnServerTime(serverTime);
        JsonObject d = answer.getJsonObject("device");
        DeviceInfo info = new DeviceInfo(d.getString("deviceId"), string(d, "companyCode"), string(d, "routeNo"),
                d.getInt("fareFen"));
        Map<Integer, String> keys = new TreeMap<>();
        for (JsonValue value : answer.getJsonArray("caKeys")) {
            JsonObject key = value.asJsonObject();
            keys.put(key.getInt("index"), key.getString("publicKey").toLowerCase(java.util.Locale.ROOT));
        }
        List<BlacklistCache.Entry> entries = new ArrayList<>();
        for (JsonValue value : list.getJsonArray("entries")) {
            JsonObject e = value.asJsonObject();
            Long upTo = e.isNull("revokedUpToSerial") ? null : e.getJsonNumber("revokedUpToSerial").longValueExact();
            entries.add(new BlacklistCache.Entry(e.getJsonNumber("version").longValue(), e.getString("paymentAccountNo"),
                    upTo, string(e, "reason")));
        }
        long listVersion = list.getJsonNumber("version").longValue();
        if (full) {
            blacklist.replace(listVersion, entries);
        } else {
            blacklist.merge(listVersion, entries);
        }
        verifier.pin(keys);
        stateFile.write(info, keys, blacklist, serverTime);
        device = info;
        syncedAt = serverTime;
        return new SyncResult(serverTime, info, keys.size(), blacklist.version(), entries.size(), blacklist.size(), full);
    }

    // ---------------------------------------------------------------- scans

    /**
     * Verifies offline, stores the trip (forced to disk) and only then answers.
     *
     * @throws IllegalStateException if no fare is known (no sync yet and none configured)
     */
    public Scan scan(byte[] code) throws IOException {
        Verification verification = verifier.verify(code, fareFen());
        TripRecord record = store.append(code, clock.instant(), routeNo(), fareFen(), verification.reason().name());
        return offlineAnswer(record.serial(), verification, Scan.Source.OFFLINE, null);
    }

    /**
     * Asks the server ({@code POST /scan}); the scan is first verified and stored locally under its serial, so
     * when the server cannot answer (after {@link RetryPolicy#BOARDING}) the validator's own verdict stands and
     * the record is uploaded later. A server answer means the server holds the trip, so the local record is
     * acknowledged at once.
     */
    public Scan scanOnline(byte[] code) throws IOException, InterruptedException {
        DeviceClient c = requireClient();
        Verification verification = verifier.verify(code, fareFen());
        TripRecord record = store.append(code, clock.instant(), routeNo(), fareFen(), verification.reason().name());
        byte[] body = json(Json.createObjectBuilder().add("serial", record.serial())
                .add("code", Base64.getEncoder().encodeToString(code)).build());
        JsonObject answer;
        try {
            answer = c.exchange("POST", SCAN_PATH, null, body, boardingPolicy).json();
        } catch (ServerUnavailableException | DeviceRequestException e) {
            return offlineAnswer(record.serial(), verification, Scan.Source.OFFLINE_FALLBACK, e.getMessage());
        }
        store.acknowledge(List.of(record.serial()));
        return new Scan(record.serial(), answer.getString("reason"), string(answer, "message"),
                integer(answer, "originalFen"), integer(answer, "discountFen"), integer(answer, "chargedFen"),
                answer.containsKey("tripId") && !answer.isNull("tripId") ? answer.getJsonNumber("tripId").longValue()
                        : null,
                Scan.Source.ONLINE, null);
    }

    private static Scan offlineAnswer(long serial, Verification v, Scan.Source source, String cause) {
        return new Scan(serial, v.reason().name(), v.reason().message(),
                v.ok() ? v.fare().originalFen() : null, v.ok() ? v.fare().discountFen() : null,
                v.ok() ? v.fare().chargedFen() : null, null, source, cause);
    }

    // ---------------------------------------------------------------- upload

    /** Uploads every waiting record; see {@link Uploader}. */
    public UploadReport upload() throws IOException, InterruptedException {
        requireClient();
        return uploader.upload();
    }

    // ---------------------------------------------------------------- state

    public String deviceId() {
        return deviceId;
    }

    public Optional<DeviceInfo> device() {
        return Optional.ofNullable(device);
    }

    public Optional<Instant> lastSync() {
        return Optional.ofNullable(syncedAt);
    }

    public BlacklistCache blacklist() {
        return blacklist;
    }

    public TripStore store() {
        return store;
    }

    public OfflineVerifier verifier() {
        return verifier;
    }

    public String routeNo() {
        if (routeOverride != null) {
            return routeOverride;
        }
        DeviceInfo info = device;
        if (info == null || info.routeNo() == null) {
            throw new IllegalStateException("no route known: sync once, or configure routeNo");
        }
        return info.routeNo();
    }

    public int fareFen() {
        if (fareOverride != null) {
            return fareOverride;
        }
        DeviceInfo info = device;
        if (info == null) {
            throw new IllegalStateException("no fare known: sync once, or configure fareFen");
        }
        return info.fareFen();
    }

    /** The raw ride-code bytes in a QR image (PNG, JPEG, …), from its byte segments. */
    public static byte[] decodeQr(byte[] image) {
        return RideCodeQr.decode(image);
    }

    public static byte[] decodeQr(InputStream image) throws IOException {
        return decodeQr(image.readAllBytes());
    }

    private DeviceClient requireClient() {
        if (client == null) {
            throw new IllegalStateException("no base URL configured: this kit works offline only");
        }
        return client;
    }

    @Override
    public void close() throws IOException {
        store.close();
    }

    private static String string(JsonObject object, String name) {
        return object.containsKey(name) && !object.isNull(name) ? object.getString(name) : null;
    }

    private static Integer integer(JsonObject object, String name) {
        return object.containsKey(name) && !object.isNull(name) ? object.getInt(name) : null;
    }

    private static byte[] json(JsonObject object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (var writer = Json.createWriter(out)) {
            writer.writeObject(object);
        }
        return out.toByteArray();
    }

    /** Configuration of a {@link ValidatorKit}; only the device id and the data folder are required. */
    public static final class Builder {
        private URI baseUrl;
        private String deviceId;
        private byte[] secret;
        private Path trustStore;
        private char[] trustStorePassword;
        private SSLContext sslContext;
        private Path dataDirectory;
        private Clock clock = Clock.systemUTC();
        private Duration allowedSkew = Duration.ofSeconds(30);
        private int cacheSize = 10_000;
        private int replayCapacity = InMemoryReplayGuard.DEFAULT_CAPACITY;
        private Duration retention = TripStore.DEFAULT_RETENTION;
        private long firstSerial = 1;
        private final Map<Integer, String> pinnedCaKeys = new TreeMap<>();
        private String routeNo;
        private Integer fareFen;
        private int batchSize = Uploader.MAX_BATCH;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private RetryPolicy backgroundPolicy = RetryPolicy.BACKGROUND;
        private RetryPolicy boardingPolicy = RetryPolicy.BOARDING;
        private DeviceClient.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
        private RandomGenerator random = new Random();

        private Builder() {
        }

        /** Scheme, host, port (and any context path) of the system; leave unset for a kit that only works offline. */
        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            return baseUrl(URI.create(baseUrl));
        }

        public Builder deviceId(String deviceId) {
            this.deviceId = deviceId;
            return this;
        }

        public Builder secret(byte[] secret) {
            this.secret = secret.clone();
            return this;
        }

        /** The 64 hex digits shown when the device was registered. */
        public Builder secretHex(String hex) {
            this.secret = RequestSigner.parseSecret(hex);
            return this;
        }

        /** A PKCS#12 or JKS trust store holding the server's certificate or its CA. */
        public Builder trustStore(Path file, char[] password) {
            this.trustStore = file;
            this.trustStorePassword = password == null ? null : password.clone();
            return this;
        }

        /** Instead of a trust store file. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = sslContext;
            return this;
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Clock difference tolerated between phone and validator; default 30 s, as on the server. */
        public Builder allowedSkew(Duration skew) {
            this.allowedSkew = skew;
            return this;
        }

        /** Certificates and authorisations remembered by the verifier; default 10 000. */
        public Builder verifierCacheSize(int size) {
            this.cacheSize = size;
            return this;
        }

        /** Codes remembered by the replay guard; default 100 000. */
        public Builder replayCapacity(int capacity) {
            this.replayCapacity = capacity;
            return this;
        }

        /** How long acknowledged records stay on disk to refill the replay guard after a restart; default 10 min. */
        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        /** The first serial of a new store (a replacement unit continues the old one's numbering); default 1. */
        public Builder firstSerial(long firstSerial) {
            if (firstSerial < 0) {
                throw new IllegalArgumentException("serials are not negative");
            }
            this.firstSerial = firstSerial;
            return this;
        }

        /** A CA key pinned at installation (index → 33-byte compressed key, hex), used before the first sync. */
        public Builder caKey(int index, String compressedHex) {
            pinnedCaKeys.put(index, compressedHex.toLowerCase(java.util.Locale.ROOT));
            return this;
        }

        /** Route and fare to use instead of those from sync (a validator that has never been online). */
        public Builder route(String routeNo, int fareFen) {
            if (fareFen < 0) {
                throw new IllegalArgumentException("fare must not be negative");
            }
            this.routeNo = routeNo;
            this.fareFen = fareFen;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder timeouts(Duration connect, Duration request) {
            this.connectTimeout = connect;
            this.requestTimeout = request;
            return this;
        }

        public Builder retryPolicies(RetryPolicy background, RetryPolicy boarding) {
            this.backgroundPolicy = background;
            this.boardingPolicy = boarding;
            return this;
        }

        /** How to wait between attempts (tests pass one that records and returns). */
        public Builder sleeper(DeviceClient.Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        public ValidatorKit build() throws IOException {
            return new ValidatorKit(this);
        }
    }
}
