package cn.gov.shanwei.xinyixing.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small stand-in for the credit platform's change feed ({@code GET /redlist/changes?afterSequence=n}),
 * speaking real HTTP on loopback. It serves whatever signed batches a test has queued, as
 * {@code {"batches":[…]}}, and nothing otherwise.
 */
public final class CreditPlatformStub implements AutoCloseable {

    /** A queued batch: its sequence number and its JSON. */
    private record Queued(long sequenceNo, String json) {
    }

    private final HttpServer server;
    private final List<Queued> queued = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    private CreditPlatformStub(HttpServer server) {
        this.server = server;
    }

    static CreditPlatformStub start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        CreditPlatformStub stub = new CreditPlatformStub(server);
        server.createContext("/redlist/changes", exchange -> {
            stub.requests.incrementAndGet();
            long after = Long.parseLong(exchange.getRequestURI().getQuery().replaceAll(".*afterSequence=(\\d+).*", "$1"));
            byte[] body = ("{\"batches\":[" + String.join(",", stub.after(after)) + "]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return stub;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    public synchronized void enqueue(long sequenceNo, String batchJson) {
        queued.add(new Queued(sequenceNo, batchJson));
    }

    public synchronized void clear() {
        queued.clear();
    }

    public int requestsServed() {
        return requests.get();
    }

    private synchronized List<String> after(long sequenceNo) {
        return queued.stream().filter(q -> q.sequenceNo() > sequenceNo).map(Queued::json).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
