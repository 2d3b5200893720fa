package cn.gov.shanwei.xinyixing.bench;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2KeyPair;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import cn.gov.shanwei.xinyixing.redlist.control.BatchSignature;
import cn.gov.shanwei.xinyixing.redlist.control.EntryMessage;
import cn.gov.shanwei.xinyixing.redlist.control.Operation;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.ridecode.control.Authorisation;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCode;
import cn.gov.shanwei.xinyixing.trip.control.RequestSignature;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The running system as the trip benchmarks see it, from outside, as a validator vendor and a citizen would:
 * HTTPS trusting only the embedded default's own certificate ({@code .data/tls/localhost.pem}), the demo
 * operator signed in through the real JSF login page, validators registered through the operator API (each
 * with the secret it was shown once), requests signed as the vendor guide says (HMAC-SM3), and riders signed
 * up the way the integration suite's {@code Rider} does it (red list, identity token, account, payment
 * agreement, credential for a phone key held here), whose codes are made here with chosen generation times.
 */
final class BenchSystem {

    static final String COMPANY = "SWBUS";
    static final String RIDER_NAME = "钱七";
    static final String PHONE = "13800138000";
    private static final SecureRandom RANDOM = new SecureRandom();

    final Path root;
    final String baseUrl;
    final String idpUrl;
    final Properties secrets = new Properties();
    final SSLContext tls;
    final HttpClient http;

    BenchSystem() throws Exception {
        root = Path.of(System.getProperty("bench.root", "..")).toAbsolutePath().normalize();
        baseUrl = System.getProperty("bench.url", "https://localhost:8181");
        idpUrl = System.getProperty("bench.idpUrl", "http://127.0.0.1:8990");
        try (Reader in = Files.newBufferedReader(root.resolve(".data/secrets.properties"), StandardCharsets.ISO_8859_1)) {
            secrets.load(in);
        }
        tls = trusting(root.resolve(".data/tls/localhost.pem"));
        http = client(null);
    }

    HttpClient client(CookieManager cookies) {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10));
        if (cookies != null) {
            builder.cookieHandler(cookies);
        }
        return builder.build();
    }

    /** A TLS context that trusts the JDK's authorities and the local certificate, nothing switched off. */
    private static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        int n = 0;
        for (var manager : defaults.getTrustManagers()) {
            if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                for (X509Certificate authority : x509.getAcceptedIssuers()) {
                    trust.setCertificateEntry("ca-" + n++, authority);
                }
            }
        }
        try (InputStream in = Files.newInputStream(pem)) {
            trust.setCertificateEntry("xinyixing", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static IllegalStateException failed(String step, HttpResponse<String> response) {
        String body = response.body();
        return new IllegalStateException(step + ": HTTP " + response.statusCode() + " "
                + (body.length() > 2000 ? body.substring(0, 2000) + " …" : body));
    }

    Connection database() throws SQLException {
        String url = System.getProperty("bench.dbUrl", "jdbc:mariadb://127.0.0.1:13306/xinyixing");
        return DriverManager.getConnection(url, secrets.getProperty("db-user", "xinyixing"), secrets.getProperty("db-password"));
    }

    // ---------------------------------------------------------------- staff

    /**
     * Signs the demo operator in through the login page, as a browser does: GET the page (session cookie and
     * the form's view state), POST the form's fields, and keep the session cookie the server then hands out.
     */
    HttpClient operator() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = client(cookies);
        String page = browser.send(HttpRequest.newBuilder(uri("/login.xhtml")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher form = Pattern.compile("<form[^>]*id=\"login\"[^>]*action=\"([^\"]+)\"").matcher(page);
        Matcher state = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        Matcher submit = Pattern.compile("name=\"login:submit\"[^>]*value=\"([^\"]*)\"").matcher(page);
        if (!form.find() || !state.find()) {
            throw new IllegalStateException("login page without the login form: " + page.substring(0, Math.min(500, page.length())));
        }
        String action = form.group(1).replace("&amp;", "&");
        String body = "login=login&login%3Ausername=operator&login%3Apassword=" + enc(System.getProperty("bench.operatorPassword",
                "Xyx-demo-2026")) + "&login%3Asubmit=" + enc(submit.find() ? submit.group(1) : "")
                + "&jakarta.faces.ViewState=" + enc(state.group(1).replace("&amp;", "&"));
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(uri(action.startsWith("/") ? action : "/" + action))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> check = browser.send(HttpRequest.newBuilder(uri("/api/operator/v1/devices?max=1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (check.statusCode() != 200) {
            throw new IllegalStateException("operator sign-in failed (login answered " + signedIn.statusCode()
                    + "; device list answered " + check.statusCode() + ")");
        }
        return browser;
    }

    /** A validator of the demo company on a route, registered by the operator through the API. */
    Device register(HttpClient operator, String prefix, String routeNo) throws Exception {
        String deviceId = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> registered = operator.send(HttpRequest.newBuilder(uri("/api/operator/v1/devices"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("deviceId", deviceId)
                        .add("companyCode", COMPANY).add("routeNo", routeNo).add("busPlate", "粤N·B" + deviceId.substring(deviceId.length() - 4))
                        .build().toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 201) {
            throw failed("register device " + deviceId, registered);
        }
        return new Device(deviceId, HexFormat.of().parseHex(json(registered.body()).getString("secret")));
    }

    /** A registered validator holding its secret; signs as the vendor guide says. */
    final class Device {
        final String deviceId;
        final byte[] secret;
        final AtomicLong serials = new AtomicLong();

        Device(String deviceId, byte[] secret) {
            this.deviceId = deviceId;
            this.secret = secret;
        }

        /** A signed POST of a JSON body, signed per request as the vendor guide says (the project's own scheme). */
        HttpRequest post(String path, byte[] body) {
            long timestamp = Instant.now().getEpochSecond();
            String nonce = nonce();
            String signature = RequestSignature.sign(secret, RequestSignature.canonical("POST", path, null, timestamp, nonce, body));
            return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120))
                    .header("Content-Type", "application/json").header("X-Device-Id", deviceId)
                    .header("X-Timestamp", Long.toString(timestamp)).header("X-Nonce", nonce).header("X-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        }

        HttpRequest scan(long serial, byte[] code) {
            return post("/api/validator/v1/scan", ("{\"serial\":" + serial + ",\"code\":\""
                    + Base64.getEncoder().encodeToString(code) + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    static String nonce() {
        byte[] random = new byte[18];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    // ---------------------------------------------------------------- riders

    /** A signed-up citizen's phone: the credential's authorisation and the phone key that signs codes. */
    record Rider(String idNumber, Authorisation authorisation, Sm2PrivateKey phoneKey, Sm2PublicKey phonePublicKey) {

        byte[] code(long generationTime) {
            return RideCode.make(authorisation, generationTime, phoneKey).encode();
        }
    }

    /**
     * {@code count} new riders: one signed red-list batch with them all (blood donors, source document
     * {@code source}), then for each, in parallel: identity token, 信易行 account, payment agreement agreed
     * on the stand-in's page, and a credential for a fresh phone key.
     */
    List<Rider> signUp(int count, String source) throws Exception {
        IdNumbers ids = new IdNumbers(LocalDate.of(1980 + new SplittableRandom().nextInt(20), 1, 1));
        int offset = new SplittableRandom().nextInt(900_000);
        List<String> people = new ArrayList<>();
        List<EntryMessage> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String person = ids.number(offset + i);
            people.add(person);
            entries.add(new EntryMessage(Operation.ADD, person, RIDER_NAME, "BLOOD_DONOR",
                    new CategoryDetails(null, 4400, null, null, null), LocalDate.of(2025, 6, 1),
                    LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), source, Residency.HOUSEHOLD));
        }
        HttpResponse<String> status = send(HttpRequest.newBuilder(uri("/api/credit/v1/redlist/status"))
                .header("X-Api-Key", secrets.getProperty("credit-platform-api-key")).GET());
        if (status.statusCode() != 200) {
            throw failed("red-list status", status);
        }
        long sequenceNo = json(status.body()).getJsonNumber("lastSequenceNo").longValue() + 1;
        BatchMessage batch = BatchSignature.signed(new BatchMessage("BENCH-TRIP-" + UUID.randomUUID(), sequenceNo,
                Instant.now(), entries, null), SmCrypto.decodePrivateKey(
                HexFormat.of().parseHex(secrets.getProperty("credit-platform-private-key").trim())));
        HttpResponse<String> pushed = send(HttpRequest.newBuilder(uri("/api/credit/v1/redlist/batches"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Api-Key", secrets.getProperty("credit-platform-api-key"))
                .POST(HttpRequest.BodyPublishers.ofString(RedListImportBench.json(batch), StandardCharsets.UTF_8)));
        if (pushed.statusCode() != 200 || !"APPLIED".equals(json(pushed.body()).getString("outcome", null))) {
            throw failed("red-list push (sequence " + sequenceNo + ")", pushed);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Rider>> made = new ArrayList<>();
            for (String person : people) {
                made.add(pool.submit(() -> signUp(person)));
            }
            List<Rider> riders = new ArrayList<>();
            for (Future<Rider> rider : made) {
                riders.add(rider.get());
            }
            return riders;
        } finally {
            pool.shutdown();
        }
    }

    private Rider signUp(String person) throws Exception {
        String query = "idNumber=" + enc(person) + "&name=" + enc(RIDER_NAME) + "&phone=" + enc(PHONE);
        HttpResponse<String> issued = send(HttpRequest.newBuilder(URI.create(idpUrl + "/token?" + query)).GET());
        if (issued.statusCode() != 200) {
            throw failed("identity token", issued);
        }
        String token = json(issued.body()).getString("token");
        HttpResponse<String> opened = send(citizen(token, "/api/mp/v1/account").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"consentVersion\":\"2026-11\",\"accountType\":\"XINYIXING\"}")));
        if (opened.statusCode() != 201) {
            throw failed("open account", opened);
        }
        HttpResponse<String> signing = send(citizen(token, "/api/mp/v1/payment-agreement").POST(HttpRequest.BodyPublishers.noBody()));
        if (signing.statusCode() != 202) {
            throw failed("start payment agreement", signing);
        }
        HttpResponse<String> agreed = send(HttpRequest.newBuilder(URI.create(json(signing.body()).getString("signUrl"))).GET());
        if (agreed.statusCode() != 200) {
            throw failed("agree on the payment page", agreed);
        }
        Sm2KeyPair phone = SmCrypto.generateSm2KeyPair();
        HttpResponse<String> credential = send(citizen(token, "/api/mp/v1/credential").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userPublicKey\":\""
                        + Base64.getEncoder().encodeToString(phone.publicKey().encoded()) + "\"}")));
        if (credential.statusCode() != 200) {
            throw failed("credential", credential);
        }
        Authorisation authorisation = Authorisation.parse(Base64.getDecoder().decode(json(credential.body()).getString("authorisation")));
        return new Rider(person, authorisation, phone.privateKey(), phone.publicKey());
    }

    private HttpRequest.Builder citizen(String token, String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token);
    }

    /**
     * {@code count} distinct codes, riders in rotation, each rider's generation times one second apart from
     * {@code firstSecond} on (a code is account + generation time, accepted once in the whole system).
     * Made on {@code threads} threads; the SM2 signing is the phone's work, not the server's.
     */
    static byte[][] codes(List<Rider> riders, int count, long firstSecond, int threads) throws Exception {
        byte[][] codes = new byte[count][];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int part = t;
                parts.add(pool.submit(() -> {
                    for (int i = part; i < count; i += threads) {
                        codes[i] = riders.get(i % riders.size()).code(firstSecond + i / riders.size());
                    }
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdown();
        }
        return codes;
    }

    // ---------------------------------------------------------------- the raw limit

    /**
     * The bare SM2 verification rate on {@code threads} threads: {@code SmCrypto.verify} of each code's user
     * signature under its phone's held public key (what a warm verifier cache leaves), for about
     * {@code seconds}, after a short warm-up. Verifications per second, all threads together.
     */
    static double bareVerifyRate(List<Rider> riders, int threads, double seconds) throws Exception {
        return bareVerifyRate(riders, threads, seconds, false);
    }

    /**
     * The same with Bouncy Castle's SM2 directly on its optimised {@code sm2p256v1} curve
     * ({@code CustomNamedCurves}, dedicated field arithmetic) when {@code optimisedCurve}, or with the
     * project's {@code SmCrypto.verify} as installed (its curve from {@code GMNamedCurves} until the server
     * changed to the optimised one). The faster of the two is the raw limit.
     */
    static double bareVerifyRate(List<Rider> riders, int threads, double seconds, boolean optimisedCurve) throws Exception {
        org.bouncycastle.crypto.params.ECDomainParameters domain = new org.bouncycastle.crypto.params.ECDomainParameters(
                org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("sm2p256v1"));
        byte[] userId = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
        int perRider = 20;
        int n = riders.size() * perRider;
        byte[][] messages = new byte[n][];
        byte[][] signatures = new byte[n][];
        Sm2PublicKey[] keys = new Sm2PublicKey[n];
        org.bouncycastle.crypto.params.ECPublicKeyParameters[] points = new org.bouncycastle.crypto.params.ECPublicKeyParameters[riders.size()];
        for (int r = 0; r < riders.size(); r++) {
            points[r] = new org.bouncycastle.crypto.params.ECPublicKeyParameters(
                    domain.getCurve().decodePoint(riders.get(r).phonePublicKey().encoded()), domain);
        }
        java.util.function.IntPredicate verify = k -> {
            if (!optimisedCurve) {
                return SmCrypto.verify(keys[k], messages[k], signatures[k]);
            }
            org.bouncycastle.crypto.signers.SM2Signer signer = new org.bouncycastle.crypto.signers.SM2Signer(
                    org.bouncycastle.crypto.signers.PlainDSAEncoding.INSTANCE);
            signer.init(false, new org.bouncycastle.crypto.params.ParametersWithID(points[k % riders.size()], userId));
            signer.update(messages[k], 0, messages[k].length);
            return signer.verifySignature(signatures[k]);
        };
        long base = Instant.now().getEpochSecond() - 1_000_000;
        for (int i = 0; i < n; i++) {
            Rider rider = riders.get(i % riders.size());
            byte[] code = rider.code(base + i);
            int signedLength = code.length - 1 - RideCode.SIGNATURE_LENGTH;
            messages[i] = Arrays.copyOf(code, signedLength);
            signatures[i] = Arrays.copyOfRange(code, signedLength + 1, code.length);
            keys[i] = rider.phonePublicKey();
        }
        for (int i = 0; i < Math.min(n, 2_000); i++) {
            if (!verify.test(i % n)) {
                throw new IllegalStateException("a bare verification failed: the code layout is not what the bench assumes");
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long deadline = System.nanoTime() + (long) (seconds * 1e9);
            List<Future<Long>> counts = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int offset = t * 7;
                counts.add(pool.submit(() -> {
                    long done = 0;
                    for (int i = offset; System.nanoTime() < deadline; i++) {
                        int k = i % n;
                        if (!verify.test(k)) {
                            throw new IllegalStateException("bare verification failed");
                        }
                        done++;
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    // ---------------------------------------------------------------- output

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
