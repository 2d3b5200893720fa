package cn.gov.shanwei.xinyixing.payment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the channel reads the platform's answers, against a real HTTP server on the loopback: an
 * accepted order is not a payment, a 4xx is a final refusal, silence and server errors are "no
 * answer" (never an exception), and a query's 404 ORDER_NOT_EXIST means the order never arrived.
 */
class HttpPaymentChannelTest {

    private HttpServer server;
    private final AtomicReference<String> lastBody = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String reply = "{}";
    private volatile boolean silent;
    private HttpPaymentChannel channel;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            lastBody.set(exchange.getRequestURI() + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (silent) {
                return;
            }
            byte[] body = reply.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        channel = new HttpPaymentChannel(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "M1",
                Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private PlatformAnswer deduct(int status, String reply) {
        this.status = status;
        this.reply = reply;
        return channel.deduct(new DeductionOrder("XYXD0000000000000000001", "C1", 150, 300,
                Instant.parse("2026-12-02T00:30:00Z"), "https://x/notify")).join();
    }

    private PlatformAnswer query(int status, String reply) {
        this.status = status;
        this.reply = reply;
        return channel.queryDeduction("XYXD0000000000000000001").join();
    }

    @Test
    void theOrderCarriesOurNumberTheAmountsAndTheRideTimeInBeijingTime() {
        deduct(200, "{\"code\":\"SUCCESS\",\"status\":\"ACCEPTED\"}");
        String sent = lastBody.get();
        assertTrue(sent.startsWith("/v1/deductions "), sent);
        assertTrue(sent.contains("\"outTradeNo\":\"XYXD0000000000000000001\""), sent);
        assertTrue(sent.contains("\"amountFen\":150") && sent.contains("\"originalFen\":300"), sent);
        assertTrue(sent.contains("\"rideTime\":\"2026-12-02T08:30:00+08:00\""), sent);
        assertTrue(sent.contains("\"merchantId\":\"M1\"") && sent.contains("\"contractId\":\"C1\""), sent);
    }

    @Test
    void successMeansAcceptedNotPaid() {
        assertEquals(PlatformAnswer.Kind.ACCEPTED, deduct(200, "{\"code\":\"SUCCESS\",\"status\":\"ACCEPTED\"}").kind());
        assertEquals(PlatformAnswer.Kind.ACCEPTED, deduct(200, "{\"code\":\"SUCCESS\",\"status\":\"PROCESSING\"}").kind());
        // A re-sent order that the platform has already settled
        PlatformAnswer paid = deduct(200, "{\"code\":\"SUCCESS\",\"status\":\"SUCCESS\",\"transactionId\":\"4200\"}");
        assertEquals(PlatformAnswer.Kind.SUCCEEDED, paid.kind());
        assertEquals("4200", paid.transactionId());
        assertEquals("NOT_ENOUGH", deduct(200, "{\"code\":\"SUCCESS\",\"status\":\"FAILED\",\"failReason\":\"NOT_ENOUGH\"}").code());
    }

    @Test
    void aClientErrorIsAFinalRefusalWithThePlatformsCode() {
        PlatformAnswer refused = deduct(404, "{\"code\":\"CONTRACT_NOT_EXIST\"}");
        assertEquals(PlatformAnswer.Kind.FAILED, refused.kind());
        assertEquals("CONTRACT_NOT_EXIST", refused.code());
        assertEquals("HTTP_400", deduct(400, "not json").code());
    }

    @Test
    void silenceAndServerErrorsAreNoAnswer() {
        assertEquals(PlatformAnswer.Kind.NO_ANSWER, deduct(503, "{\"code\":\"SYSTEM_ERROR\"}").kind());
        assertEquals(PlatformAnswer.Kind.NO_ANSWER, deduct(429, "{\"code\":\"FREQUENCY_LIMITED\"}").kind());
        assertEquals(PlatformAnswer.Kind.NO_ANSWER, deduct(200, "{\"code\":\"SOMETHING\"}").kind());
        silent = true;
        long started = System.nanoTime();
        assertEquals(PlatformAnswer.Kind.NO_ANSWER, deduct(200, "{}").kind(), "a timeout completes, it does not throw");
        assertTrue(System.nanoTime() - started < 5_000_000_000L, "within the configured timeout");
        server.stop(0);
        assertEquals(PlatformAnswer.Kind.NO_ANSWER, channel.queryDeduction("X").join().kind(), "unreachable");
    }

    @Test
    void queriesTellProcessingSuccessFailureAndUnknownOrders() {
        assertEquals(PlatformAnswer.Kind.PROCESSING, query(200, "{\"status\":\"PROCESSING\"}").kind());
        assertEquals(PlatformAnswer.Kind.SUCCEEDED, query(200, "{\"status\":\"SUCCESS\",\"transactionId\":\"1\"}").kind());
        PlatformAnswer failed = query(200, "{\"status\":\"FAILED\",\"failReason\":\"NOT_ENOUGH\"}");
        assertEquals(PlatformAnswer.Kind.FAILED, failed.kind());
        assertEquals("NOT_ENOUGH", failed.code());
        assertEquals(PlatformAnswer.Kind.NOT_FOUND, query(404, "{\"code\":\"ORDER_NOT_EXIST\"}").kind());
        assertEquals(PlatformAnswer.Kind.NO_ANSWER, query(404, "<html>").kind(), "a 404 of a proxy is no answer");
        assertEquals(PlatformAnswer.Kind.NO_ANSWER, query(200, "{\"status\":\"WHATEVER\"}").kind());
    }

    @Test
    void aSuccessCarriesThePlatformsSuccessTimeWhichDecidesTheBillsDay() {
        PlatformAnswer paid = query(200, "{\"status\":\"SUCCESS\",\"transactionId\":\"1\","
                + "\"successTime\":\"2026-12-01T00:10:00.000+08:00\"}");
        assertEquals(Instant.parse("2026-11-30T16:10:00Z"), paid.paidAt());
        assertEquals(null, query(200, "{\"status\":\"SUCCESS\",\"successTime\":\"soon\"}").paidAt(),
                "unreadable: the caller takes its own clock");
    }

    @Test
    void aDaysBillComesWithItsDigestOrNotYet() {
        status = 200;
        reply = "billDate,successTime,type,number,transactionId,amountFen\nTOTAL,0,0\n";
        BillDownload bill = channel.bill(java.time.LocalDate.of(2026, 11, 30));
        assertEquals(BillDownload.Status.READY, bill.status());
        assertTrue(lastBody.get().startsWith("/v1/bills?merchantId=M1&billDate=2026-11-30"), lastBody.get());
        assertEquals(reply, new String(bill.body(), StandardCharsets.UTF_8));
        status = 404;
        reply = "{\"code\":\"BILL_NOT_READY\"}";
        assertEquals(BillDownload.Status.NOT_READY, channel.bill(java.time.LocalDate.of(2026, 11, 30)).status());
        status = 503;
        assertEquals(BillDownload.Status.NO_ANSWER, channel.bill(java.time.LocalDate.of(2026, 11, 30)).status());
    }

    @Test
    void theUserStateIsReadAndUnknownWhenSilent() {
        status = 200;
        reply = "{\"contractId\":\"C1\",\"userState\":\"OVERDUE\"}";
        assertEquals(UserState.OVERDUE, channel.userState("C1").join());
        assertTrue(lastBody.get().startsWith("/v1/users/state?merchantId=M1&contractId=C1"), lastBody.get());
        reply = "{\"userState\":\"ODD\"}";
        assertEquals(UserState.UNKNOWN, channel.userState("C1").join());
        status = 500;
        assertEquals(UserState.UNKNOWN, channel.userState("C1").join());
        assertTrue(UserState.UNKNOWN.deductible() && UserState.NORMAL.deductible());
        assertTrue(!UserState.OVERDUE.deductible() && !UserState.BLOCKED.deductible());
    }
}
