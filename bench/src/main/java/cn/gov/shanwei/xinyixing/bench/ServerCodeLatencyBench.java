package cn.gov.shanwei.xinyixing.bench;

import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PrivateKey;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import cn.gov.shanwei.xinyixing.redlist.control.BatchSignature;
import cn.gov.shanwei.xinyixing.redlist.control.EntryMessage;
import cn.gov.shanwei.xinyixing.redlist.control.Operation;
import cn.gov.shanwei.xinyixing.redlist.entity.CategoryDetails;
import cn.gov.shanwei.xinyixing.redlist.entity.Residency;
import cn.gov.shanwei.xinyixing.ridecode.control.Authorisation;
import cn.gov.shanwei.xinyixing.ridecode.control.RideCode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Latency of the server-made ride code, over HTTP against the running system, one client, one request at a
 * time: {@code POST /api/mp/v1/code} (code and QR PNG, both Base64 in JSON) and {@code GET /api/mp/v1/code.png}
 * (the PNG alone).
 *
 * <p>Set-up, as the integration suite's {@code RideCodeChecks} does it, none of it timed: one new person
 * (a valid 441502… ID number, born 2002–2004, random per run) is put on the red list with one signed REST
 * batch ({@code BLOOD_DONOR}, 4400 ml, {@code HOUSEHOLD}, source document {@code 汕信用〔2026〕BENCH-CODE});
 * the identity-provider stub gives an identity token for that person; a {@code XINYIXING} account is opened
 * with {@code POST /api/mp/v1/account}. One server-made code is then checked end to end: it parses, its
 * authorisation carries the 信易行 card data, and {@code POST /api/validator/v1/scan}, signed by a validator
 * the demo operator registers for the bench (signed in through the login page), answers {@code OK}.
 *
 * <p>Each call makes a new code on the server: a one-off SM2 key pair, the eligibility decision (database),
 * the next entitlement serial (a database write), the issuer's signature on the authorisation, the user
 * signature on the code and the QR image. For each endpoint: {@code bench.warmup} (200) calls, then
 * {@code bench.calls} (2,000), each timed from sending the request to having the whole body
 * ({@link System#nanoTime()}); every answer must be 200 with the expected content, or the phase stops and
 * the HTTP status and body are printed. Requests/s is calls / wall time of the measured loop. A fresh token is
 * fetched (untimed) before each phase, since tokens last ten minutes.
 *
 * <p>System properties: {@code bench.root} (project root, for {@code .data/secrets.properties}),
 * {@code bench.url} (https://localhost:8181, trusting {@code .data/tls/localhost.pem}),
 * {@code bench.idpUrl} (http://127.0.0.1:8990),
 * {@code bench.warmup} (200), {@code bench.calls} (2000).
 */
public final class ServerCodeLatencyBench {

    static final String SOURCE = "汕信用〔2026〕BENCH-CODE";
    static final String NAME = "孙八";
    static final String PHONE = "13800138000";

    private final String baseUrl;
    private final String idpUrl;
    private final Properties secrets;
    private final BenchSystem system;
    private final HttpClient http;
    private String token;

    private ServerCodeLatencyBench(BenchSystem system) {
        this.system = system;
        this.baseUrl = system.baseUrl;
        this.idpUrl = system.idpUrl;
        this.secrets = system.secrets;
        this.http = system.http;
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 200);
        int calls = Integer.getInteger("bench.calls", 2_000);
        new ServerCodeLatencyBench(new BenchSystem()).run(warmup, calls);
    }

    private boolean run(int warmup, int calls) throws Exception {
        out("Server-made ride code latency: %,d warm-up + %,d measured calls per endpoint, one client, against %s",
                warmup, calls, baseUrl);
        out("machine: %d processors; load average at start: %s", Runtime.getRuntime().availableProcessors(),
                loadAverage());

        // ---------------------------------------------------------------- set-up (not timed)
        String person = new IdNumbers(LocalDate.of(2002, 1, 1)).number(new SplittableRandom().nextInt(1_000_000));
        long sequenceNo = status().getJsonNumber("lastSequenceNo").longValue() + 1;
        Sm2PrivateKey platformKey = SmCrypto.decodePrivateKey(
                HexFormat.of().parseHex(secrets.getProperty("credit-platform-private-key").trim()));
        BatchMessage batch = BatchSignature.signed(new BatchMessage("BENCH-CODE-" + UUID.randomUUID(), sequenceNo,
                Instant.now(), List.of(new EntryMessage(Operation.ADD, person, NAME, "BLOOD_DONOR",
                        new CategoryDetails(null, 4400, null, null, null), LocalDate.of(2025, 6, 1),
                        LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31), SOURCE, Residency.HOUSEHOLD)), null),
                platformKey);
        HttpResponse<String> pushed = send(HttpRequest.newBuilder(uri("/api/credit/v1/redlist/batches"))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Api-Key", secrets.getProperty("credit-platform-api-key"))
                .POST(HttpRequest.BodyPublishers.ofString(RedListImportBench.json(batch), StandardCharsets.UTF_8)));
        if (pushed.statusCode() != 200 || !"APPLIED".equals(json(pushed.body()).getString("outcome", null))) {
            return serverError("red-list push (sequence " + sequenceNo + ")", pushed);
        }
        out("red list: person %s… pushed as batch #%d, %s", person.substring(0, 6), sequenceNo, pushed.body());

        refreshToken(person);
        HttpResponse<String> opened = send(citizen("/api/mp/v1/account")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"consentVersion\":\"2026-11\",\"accountType\":\"XINYIXING\"}")));
        if (opened.statusCode() != 201) {
            return serverError("open account", opened);
        }
        out("account opened: %s", opened.body());

        // Codes need the password-free payment agreement: start it, then agree on the payment stand-in's page
        HttpResponse<String> signing = send(citizen("/api/mp/v1/payment-agreement").POST(HttpRequest.BodyPublishers.noBody()));
        if (signing.statusCode() != 202) {
            return serverError("start payment agreement", signing);
        }
        HttpResponse<String> agreed = send(HttpRequest.newBuilder(URI.create(json(signing.body()).getString("signUrl"))).GET());
        if (agreed.statusCode() != 200) {
            return serverError("agree on the payment page", agreed);
        }
        out("payment agreement: %s", agreed.body());

        HttpResponse<String> first = send(citizen("/api/mp/v1/code").POST(HttpRequest.BodyPublishers.noBody()));
        if (first.statusCode() != 200) {
            return serverError("POST /api/mp/v1/code", first);
        }
        JsonObject made = json(first.body());
        byte[] code = Base64.getDecoder().decode(made.getString("code"));
        byte[] png = Base64.getDecoder().decode(made.getString("png"));
        Authorisation authorisation = RideCode.parse(code).authorisation();
        BenchSystem.Device validator = system.register(system.operator(), "BENCH-CODE", "1");
        HttpResponse<String> scanned = http.send(validator.scan(1, code), HttpResponse.BodyHandlers.ofString());
        if (scanned.statusCode() != 200 || !"OK".equals(json(scanned.body()).getString("reason", null))) {
            return serverError("validator scan of a server-made code", scanned);
        }
        out("first code: %d bytes, PNG %,d bytes (%,d bytes of JSON), card data %s, validUntil %s; validator scan: %s",
                code.length, png.length, first.body().length(), authorisation.cardData().orElse(null),
                made.getString("validUntil"), scanned.body());

        // ---------------------------------------------------------------- the two endpoints
        Phase json = new Phase("POST /api/mp/v1/code (JSON: code + PNG)", warmup, calls) {
            @Override
            String call() throws Exception {
                HttpResponse<String> response = send(citizen("/api/mp/v1/code").POST(HttpRequest.BodyPublishers.noBody()));
                bytes += response.body().length();
                return response.statusCode() == 200 && response.body().startsWith("{\"code\":\"") ? null
                        : failure(response.statusCode(), response.body());
            }
        };
        Phase image = new Phase("GET /api/mp/v1/code.png", warmup, calls) {
            @Override
            String call() throws Exception {
                HttpResponse<byte[]> response = http.send(citizen("/api/mp/v1/code.png").GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                byte[] body = response.body();
                bytes += body.length;
                boolean isPng = body.length > 8 && body[0] == (byte) 0x89 && body[1] == 'P' && body[2] == 'N'
                        && body[3] == 'G' && "image/png".equals(response.headers().firstValue("Content-Type").orElse(""));
                return response.statusCode() == 200 && isPng ? null
                        : failure(response.statusCode(), new String(body, StandardCharsets.UTF_8));
            }
        };
        boolean clean = true;
        for (Phase phase : List.of(json, image)) {
            refreshToken(person);
            clean &= phase.run();
        }

        out("");
        for (Phase phase : List.of(json, image)) {
            phase.report();
        }
        out("load average at the end: %s", loadAverage());
        out("the bench person (%s…, source document %s) stays on the red list with its open account", person.substring(0, 6), SOURCE);
        return clean;
    }

    /** Warm-up then measured calls of one endpoint. */
    private abstract static class Phase {
        final String name;
        final int warmup;
        final long[] nanos;
        int measured;
        long loopNanos;
        long bytes;
        String error;

        Phase(String name, int warmup, int calls) {
            this.name = name;
            this.warmup = warmup;
            this.nanos = new long[calls];
        }

        /** One call; null if the answer was right, otherwise what went wrong. */
        abstract String call() throws Exception;

        static String failure(int status, String body) {
            return "HTTP " + status + " " + (body.length() > 2000 ? body.substring(0, 2000) + " …" : body);
        }

        boolean run() throws Exception {
            long warmStart = System.nanoTime();
            for (int i = 0; i < warmup; i++) {
                String failure = call();
                if (failure != null) {
                    error = "warm-up call " + (i + 1) + ": " + failure;
                    out("SERVER ERROR %s: %s", name, error);
                    return false;
                }
            }
            out("%s: %d warm-up calls in %.1f s", name, warmup, (System.nanoTime() - warmStart) / 1e9);
            bytes = 0;
            long start = System.nanoTime();
            for (int i = 0; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                String failure = call();
                long t1 = System.nanoTime();
                if (failure != null) {
                    loopNanos = System.nanoTime() - start;
                    error = "measured call " + (i + 1) + ": " + failure;
                    out("SERVER ERROR %s: %s", name, error);
                    return false;
                }
                nanos[measured++] = t1 - t0;
                if ((i + 1) % 500 == 0) {
                    out("  %,5d calls, %5.1f s", i + 1, (System.nanoTime() - start) / 1e9);
                }
            }
            loopNanos = System.nanoTime() - start;
            return true;
        }

        void report() {
            if (measured == 0) {
                out("RESULT %s: no measured calls; %s", name, error);
                return;
            }
            long[] sorted = Arrays.copyOf(nanos, measured);
            Arrays.sort(sorted);
            double seconds = loopNanos / 1e9;
            out("RESULT %-40s p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (mean %.2f, min %.2f)  %,6.1f requests/s"
                            + "  (%,d calls in %.1f s, %,d bytes/answer)", name, ms(percentile(sorted, 50)),
                    ms(percentile(sorted, 99)), ms(sorted[sorted.length - 1]),
                    Arrays.stream(sorted).average().orElse(0) / 1e6, ms(sorted[0]), measured / seconds, measured,
                    seconds, bytes / measured);
            if (error != null) {
                out("RESULT %s stopped early: %s", name, error);
            }
        }
    }

    // ---------------------------------------------------------------- HTTP

    private void refreshToken(String person) throws IOException, InterruptedException {
        String query = "idNumber=" + enc(person) + "&name=" + enc(NAME) + "&phone=" + enc(PHONE);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(idpUrl + "/token?" + query))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("identity provider stub: HTTP " + response.statusCode() + " " + response.body());
        }
        token = json(response.body()).getString("token");
    }

    private HttpRequest.Builder citizen(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
    }

    private JsonObject status() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/credit/v1/redlist/status"))
                .header("X-Api-Key", secrets.getProperty("credit-platform-api-key")).GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status: HTTP " + response.statusCode() + " " + response.body());
        }
        return json(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static boolean serverError(String step, HttpResponse<String> response) {
        out("SERVER ERROR during set-up, %s: HTTP %d %s", step, response.statusCode(), response.body());
        out("RESULT server error: %s: HTTP %d %s", step, response.statusCode(), response.body());
        return false;
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ---------------------------------------------------------------- output

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
        System.out.flush();
    }
}
