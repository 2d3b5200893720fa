package cn.gov.shanwei.xinyixing.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Charging throughput: how long a day of the city's trips ({@code bench.trips}, 30,000) takes to reach
 * a final state through the payment stand-in, collected by the running system's own timer, workers and
 * channel (claims with SKIP LOCKED, parallel deduction orders, notifications or queries).
 *
 * <p>Set-up, not timed: {@code bench.accounts} (200) citizens open a STANDARD account and sign the
 * password-free agreement through the real path (identity token, mini-program API, the stand-in's
 * signing page). Their trips' debts are then written in one transaction as {@code Charges.owe}
 * writes them (one {@code charge} row each, DUE) — on this branch the online scan does not write trips
 * yet, so the debts are written directly; what is timed is everything after: from that commit until
 * no row is DUE or ACCEPTED. The raw limit, in the same run: bare HTTP round trips to the stand-in
 * ({@code GET /v1/users/state}) with as many in flight as one worker keeps. Rows are removed afterwards.
 *
 * <p>System properties: {@code bench.root}, {@code bench.url} (https://localhost:8181),
 * {@code bench.idpUrl} (http://127.0.0.1:8990), {@code bench.paymentUrl} (http://127.0.0.1:8991),
 * {@code bench.dbUrl} (jdbc:mariadb://127.0.0.1:13306/xinyixing), {@code bench.trips}, {@code bench.accounts}.
 */
public final class ChargingBench {

    private final Properties secrets = new Properties();
    private final HttpClient http;
    private final String baseUrl;
    private final String idpUrl;

    private ChargingBench(Path root, String baseUrl, String idpUrl) throws Exception {
        try (Reader in = Files.newBufferedReader(root.resolve(".data/secrets.properties"), StandardCharsets.ISO_8859_1)) {
            secrets.load(in);
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(root.resolve(".data/tls/localhost.pem"))) {
            trust.setCertificateEntry("xinyixing", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        this.http = HttpClient.newBuilder().sslContext(tls).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.baseUrl = baseUrl;
        this.idpUrl = idpUrl;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("bench.root", "..")).toAbsolutePath().normalize();
        new ChargingBench(root, System.getProperty("bench.url", "https://localhost:8181"),
                System.getProperty("bench.idpUrl", "http://127.0.0.1:8990"))
                .run(Integer.getInteger("bench.trips", 30_000), Integer.getInteger("bench.accounts", 200),
                        System.getProperty("bench.paymentUrl", "http://127.0.0.1:8991"));
    }

    private void run(int trips, int accounts, String paymentUrl) throws Exception {
        out("Charging: %,d trips of %,d accounts to a final state, against %s; %d processors",
                trips, accounts, baseUrl, Runtime.getRuntime().availableProcessors());
        List<String> requests = new ArrayList<>();
        long seed = System.currentTimeMillis() % 100_000_000L;
        for (int i = 0; i < accounts; i++) {
            requests.add(signUp(new IdNumbers(LocalDate.of(1960, 1, 1)).number((int) ((seed + i * 7919L) % 9_000_000))));
        }
        out("set-up: %d accounts with a signed agreement", requests.size());
        try (Connection db = DriverManager.getConnection(System.getProperty("bench.dbUrl", "jdbc:mariadb://127.0.0.1:13306/xinyixing"),
                secrets.getProperty("db-user", "xinyixing"), secrets.getProperty("db-password"))) {
            List<long[]> owners = new ArrayList<>();
            List<String> accountNos = new ArrayList<>();
            try (PreparedStatement q = db.prepareStatement("SELECT a.id, a.payment_account_no FROM citizen_account a"
                    + " JOIN payment_agreement p ON p.account_id = a.id WHERE p.request_no = ? AND p.status = 'ACTIVE'")) {
                for (String request : requests) {
                    q.setString(1, request);
                    try (ResultSet r = q.executeQuery()) {
                        if (r.next()) {
                            owners.add(new long[] {r.getLong(1)});
                            accountNos.add(r.getString(2));
                        }
                    }
                }
            }
            long base = 8_000_000_000_000L + seed * 100_000L;
            db.setAutoCommit(false);
            long written = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO charge (trip_id, account_id, payment_account_no,"
                    + " original_fen, charged_fen, ridden_at, state, order_no, attempts, due_at, created_at)"
                    + " VALUES (?, ?, ?, 200, 100, '2026-12-02 08:00:00', 'DUE', ?, 0, '2000-01-01 00:00:00', '2026-12-02 08:00:00')")) {
                for (int i = 0; i < trips; i++) {
                    int owner = i % owners.size();
                    insert.setLong(1, base + i);
                    insert.setLong(2, owners.get(owner)[0]);
                    insert.setString(3, accountNos.get(owner));
                    insert.setString(4, String.format("XYXD%019d", base + i));
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
            long start = System.nanoTime();
            out("debts written in %.1f s; collection starts", (start - written) / 1e9);
            db.setAutoCommit(true);
            Map<String, Integer> states = new TreeMap<>();
            double seconds = 0;
            while (seconds < 300) {
                Thread.sleep(250);
                states.clear();
                try (Statement s = db.createStatement();
                     ResultSet r = s.executeQuery("SELECT state, COUNT(*) FROM charge WHERE trip_id BETWEEN " + base
                             + " AND " + (base + trips - 1) + " GROUP BY state")) {
                    while (r.next()) {
                        states.put(r.getString(1), r.getInt(2));
                    }
                }
                double was = seconds;
                seconds = (System.nanoTime() - start) / 1e9;
                if ((int) (seconds / 5) != (int) (was / 5)) {
                    out("  %5.1f s  %s", seconds, states);
                }
                if (states.getOrDefault("DUE", 0) + states.getOrDefault("ACCEPTED", 0) == 0) {
                    break;
                }
            }
            double rate = trips / seconds;
            double raw = rawRoundTrips(paymentUrl, Math.min(trips, 20_000));
            out("RESULT charging: %,d trips final in %.1f s (%,.0f trips/s), states %s", trips, seconds, rate, states);
            out("RESULT raw stand-in round trips (64 in flight): %,.0f requests/s; ratio %.2f", raw, rate / raw);
            try (Statement s = db.createStatement()) {
                int notes = s.executeUpdate("DELETE n FROM charge_notification n JOIN charge c ON c.order_no = n.reference_no"
                        + " WHERE c.trip_id BETWEEN " + base + " AND " + (base + trips - 1));
                int rows = s.executeUpdate("DELETE FROM charge WHERE trip_id BETWEEN " + base + " AND " + (base + trips - 1));
                out("removed %,d charges and %,d notifications", rows, notes);
            }
        }
    }

    /** A STANDARD account with a signed agreement; returns the agreement's request number. */
    private String signUp(String person) throws Exception {
        String token = json(send(HttpRequest.newBuilder(URI.create(idpUrl + "/token?idNumber=" + enc(person) + "&name="
                + enc("赵一") + "&phone=13800138000")).GET()).body()).getString("token");
        HttpResponse<String> opened = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/mp/v1/account"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"consentVersion\":\"2026-11\",\"accountType\":\"STANDARD\"}")));
        if (opened.statusCode() != 201 && opened.statusCode() != 409) {
            throw new IllegalStateException("open account: " + opened.statusCode() + " " + opened.body());
        }
        JsonObject signing = json(send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/mp/v1/payment-agreement"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody())).body());
        send(HttpRequest.newBuilder(URI.create(signing.getString("signUrl"))).GET());
        return signing.getString("requestNo");
    }

    private double rawRoundTrips(String paymentUrl, int n) {
        Semaphore permits = new Semaphore(64);
        List<CompletableFuture<HttpResponse<Void>>> all = new ArrayList<>(n);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            permits.acquireUninterruptibly();
            all.add(http.sendAsync(HttpRequest.newBuilder(URI.create(paymentUrl + "/v1/users/state?merchantId=BENCH&contractId=none"))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> permits.release()));
        }
        all.forEach(CompletableFuture::join);
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
