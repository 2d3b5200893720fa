package cn.gov.shanwei.xinyixing.launcher;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The payment stand-in's daily bill (对账单), the way WeChat Pay and Alipay publish theirs: {@code GET
 * /v1/bills?billDate=YYYY-MM-DD} answers once the day has ended (China time) with every payment whose success
 * time is on that day, a closing {@code TOTAL} line, and the body's SM3 in {@code X-Bill-Digest: SM3=<hex>};
 * before that, 404 {@code BILL_NOT_READY}. The format is in the README ("The daily bill"). A check can make a
 * day's bill wrong in each way a real one can be: a payment left out, an amount changed, a line twice, a line
 * that is not ours, a digest that does not match, a bill that is late.
 */
public final class PaymentStubBills {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    /** How one day's bill is made wrong. Thread-safe. */
    public static final class Crafted {
        private final Set<String> omitted = ConcurrentHashMap.newKeySet();
        private final Set<String> doubled = ConcurrentHashMap.newKeySet();
        private final Map<String, Long> amounts = new ConcurrentHashMap<>();
        private final List<String> extra = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean wrongDigest;
        private volatile boolean notReady;

        public Crafted omit(String number) {
            omitted.add(number);
            return this;
        }

        /** Puts a payment left out back on the bill (the platform re-issued it). */
        public Crafted include(String number) {
            omitted.remove(number);
            return this;
        }

        public Crafted twice(String number) {
            doubled.add(number);
            return this;
        }

        public Crafted amount(String number, long fen) {
            amounts.put(number, fen);
            return this;
        }

        /** A deduction on the bill that is no order of ours. */
        public Crafted extra(String number, long fen, LocalDate day) {
            extra.add(day + "," + day.atTime(12, 0).atOffset(ZoneOffset.ofHours(8)).format(TIME) + ",DEDUCTION," + number
                    + ",4299" + String.format("%012d", extra.size()) + "," + fen);
            return this;
        }

        public Crafted wrongDigest(boolean on) {
            wrongDigest = on;
            return this;
        }

        public Crafted notReady(boolean on) {
            notReady = on;
            return this;
        }
    }

    private final PaymentStubCollections collections;
    private final Map<LocalDate, Crafted> crafted = new ConcurrentHashMap<>();

    PaymentStubBills(PaymentStubCollections collections) {
        this.collections = collections;
    }

    /** The faults of one day's bill (none until asked for). */
    public Crafted crafted(LocalDate day) {
        return crafted.computeIfAbsent(day, d -> new Crafted());
    }

    /** The bill of a day as the stand-in publishes it (for benchmarks and checks that read it themselves). */
    public byte[] body(LocalDate day) {
        Crafted faults = crafted.getOrDefault(day, new Crafted());
        StringBuilder bill = new StringBuilder("billDate,successTime,type,number,transactionId,amountFen\n");
        long lines = 0;
        long fen = 0;
        List<String> rows = new ArrayList<>();
        for (PaymentStubCollections.Paid p : collections.succeededOn(day)) {
            if (faults.omitted.contains(p.number())) {
                continue;
            }
            long amount = faults.amounts.getOrDefault(p.number(), p.amountFen());
            String row = day + "," + p.successTime().format(TIME) + "," + p.type() + "," + p.number() + ","
                    + p.transactionId() + "," + amount;
            rows.add(row);
            if (faults.doubled.contains(p.number())) {
                rows.add(row);
            }
        }
        rows.addAll(faults.extra);
        for (String row : rows) {
            bill.append(row).append('\n');
            lines++;
            fen += Long.parseLong(row.substring(row.lastIndexOf(',') + 1));
        }
        bill.append("TOTAL,").append(lines).append(',').append(fen).append('\n');
        return bill.toString().getBytes(StandardCharsets.UTF_8);
    }

    void bills(HttpExchange exchange) throws IOException {
        LocalDate day;
        try {
            day = LocalDate.parse(StubResponses.query(exchange).get("billDate"));
        } catch (DateTimeParseException | NullPointerException e) {
            StubResponses.json(exchange, 400, "{\"code\":\"PARAM_ERROR\"}");
            return;
        }
        Crafted faults = crafted.get(day);
        if (!day.isBefore(LocalDate.now(ZoneOffset.ofHours(8))) || faults != null && faults.notReady) {
            StubResponses.json(exchange, 404, "{\"code\":\"BILL_NOT_READY\"}");
            return;
        }
        byte[] body = body(day);
        byte[] digest = SmCrypto.sm3(body);
        if (faults != null && faults.wrongDigest) {
            digest[0] ^= 0x01;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/csv; charset=UTF-8");
        exchange.getResponseHeaders().add("X-Bill-Digest", "SM3=" + HexFormat.of().formatHex(digest));
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
