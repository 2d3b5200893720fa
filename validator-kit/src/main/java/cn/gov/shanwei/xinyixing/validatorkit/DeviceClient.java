package cn.gov.shanwei.xinyixing.validatorkit;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

import javax.net.ssl.SSLContext;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;

/**
 * Signed requests to the validator API with the retry rules of the vendor guide:
 * <ul>
 * <li>network errors, timeouts, 5xx and 429 are retried under the {@link RetryPolicy} (a {@code Retry-After}
 * in seconds is honoured up to the policy's maximum delay); every attempt is signed afresh, with a new nonce;</li>
 * <li>4xx are final ({@link DeviceRequestException}), except two 401s the device can cure by itself, each retried
 * once at once: {@code CLOCK_SKEW} after taking the server's time from the response's {@code Date} header, and
 * {@code NONCE_REPLAYED} with a new nonce.</li>
 * </ul>
 * The timestamp signed is the device clock corrected by the offset last learned from the server ({@code Date}
 * header or a sync's {@code serverTime}), so a validator whose clock drifted still gets in. Thread-safe.
 */
public final class DeviceClient {

    /** Waits between attempts; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** One answer: status and body (UTF-8). */
    public record Response(int status, String body) {

        public JsonObject json() throws IOException {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (JsonException | IllegalStateException e) {
                throw new IOException("HTTP " + status + " with a body that is not a JSON object: " + abbreviate(body), e);
            }
        }
    }

    private final URI baseUrl;
    private final String basePath;
    private final RequestSigner signer;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private volatile long clockOffsetSeconds;

    /**
     * @param baseUrl    scheme, host, port and any context path before {@code /api/validator/v1}
     * @param sslContext the trust for HTTPS; {@code null}: the JDK's default trust store
     */
    public DeviceClient(URI baseUrl, RequestSigner signer, SSLContext sslContext, Duration connectTimeout,
            Duration requestTimeout, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.signer = Objects.requireNonNull(signer, "signer");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.http = builder.build();
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Sends one request, retrying as described above.
     *
     * @param apiPath  path below the base URL, e.g. {@code /api/validator/v1/sync}
     * @param rawQuery query without {@code ?}, already encoded; {@code null} for none
     * @param body     JSON body for POST; {@code null} for GET
     * @return a 2xx answer
     * @throws DeviceRequestException     for a final 4xx
     * @throws ServerUnavailableException when every attempt failed
     */
    public Response exchange(String method, String apiPath, String rawQuery, byte[] body, RetryPolicy policy)
            throws IOException, InterruptedException {
        String rawPath = basePath + apiPath;
        URI uri = baseUrl.resolve(rawPath + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery));
        boolean skewCured = false;
        boolean nonceRenewed = false;
        int attempt = 0;
        String lastProblem = null;
        IOException lastError = null;
        while (true) {
            attempt++;
            Duration wait = null;
            try {
                HttpResponse<String> response = send(method, uri, rawPath, rawQuery, body);
                int status = response.statusCode();
                learnFromDate(response);
                if (status >= 200 && status < 300) {
                    return new Response(status, response.body());
                }
                if (status >= 500 || status == 429) {
                    lastProblem = "HTTP " + status + " " + abbreviate(response.body());
                    wait = retryAfter(response, policy);
                } else {
                    String code = refusalCode(response.body());
                    if (status == 401 && "CLOCK_SKEW".equals(code) && !skewCured) {
                        skewCured = true;
                        attempt--;
                        continue;
                    }
                    if (status == 401 && "NONCE_REPLAYED".equals(code) && !nonceRenewed) {
                        nonceRenewed = true;
                        attempt--;
                        continue;
                    }
                    throw new DeviceRequestException(status, code, refusalMessage(response.body()));
                }
            } catch (DeviceRequestException e) {
                throw e;
            } catch (IOException e) {
                // connection refused or reset, TLS failure, HttpTimeoutException: the request may or may not
                // have arrived, which the idempotent API makes harmless to repeat
                lastError = e;
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt >= policy.maxAttempts()) {
                throw new ServerUnavailableException(attempt, lastProblem, lastError);
            }
            Duration backOff = policy.delayBefore(attempt, random);
            sleeper.sleep(wait != null && wait.compareTo(backOff) > 0 ? wait : backOff);
        }
    }

    private HttpResponse<String> send(String method, URI uri, String rawPath, String rawQuery, byte[] body)
            throws IOException, InterruptedException {
        long timestamp = clock.instant().getEpochSecond() + clockOffsetSeconds;
        RequestSigner.SignedHeaders signed = signer.sign(method, rawPath, rawQuery, timestamp, body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header(RequestSigner.HEADER_DEVICE_ID, signed.deviceId())
                .header(RequestSigner.HEADER_TIMESTAMP, Long.toString(signed.timestamp()))
                .header(RequestSigner.HEADER_NONCE, signed.nonce())
                .header(RequestSigner.HEADER_SIGNATURE, signed.signature())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json; charset=UTF-8")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Takes the server's clock from the {@code Date} header (second precision, which is what is signed). */
    private void learnFromDate(HttpResponse<?> response) {
        response.headers().firstValue("Date").ifPresent(date -> {
            try {
                learnServerTime(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException ignored) {
                // a malformed Date header teaches nothing
            }
        });
    }

    /** Remembers how far the server's clock is from ours; only offsets of more than 2 s are applied. */
    public void learnServerTime(Instant serverTime) {
        long offset = serverTime.getEpochSecond() - clock.instant().getEpochSecond();
        clockOffsetSeconds = Math.abs(offset) > 2 ? offset : 0;
    }

    public long clockOffsetSeconds() {
        return clockOffsetSeconds;
    }

    private static Duration retryAfter(HttpResponse<?> response, RetryPolicy policy) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return null;
        }
        try {
            Duration wait = Duration.ofSeconds(Long.parseLong(header.get().strip()));
            return wait.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : wait;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String refusalCode(String body) {
        return field(body, "code");
    }

    private static String refusalMessage(String body) {
        String message = field(body, "message");
        return message != null ? message : abbreviate(body);
    }

    private static String field(String body, String name) {
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonObject object = reader.readObject();
            return object.containsKey(name) && !object.isNull(name) ? object.getString(name, null) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
