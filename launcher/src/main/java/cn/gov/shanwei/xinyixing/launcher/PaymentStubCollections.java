package cn.gov.shanwei.xinyixing.launcher;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The payment stand-in's money side, modelled on WeChat Pay's transit deduction (代扣) and
 * Alipay's: a deduction order is <em>accepted</em> by the reply and settled a moment later against
 * the contract's balance; a success is notified (signed, with an event id), a failure is not, so
 * only a query tells; an order number seen before is the same order (a re-send after a timeout is
 * answered, never charged twice); a repayment collects several orders at once; the user's state
 * (NORMAL / BLOCKED / OVERDUE) is kept apart from the contract, and a deduction for a user who is
 * not NORMAL is refused at once. Every contract starts with a large balance, NORMAL and no faults.
 */
public final class PaymentStubCollections {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** How long a request that gets "no reply" is held open (longer than any client waits). */
    private static final long HOLD_SECONDS = 60;

    /** The channel faults of one contract; counts are "the next n requests". Thread-safe. */
    public static final class Faults {
        private final AtomicInteger dropBeforeTaking = new AtomicInteger();
        private final AtomicInteger silentAfterTaking = new AtomicInteger();
        private volatile boolean duplicateNotifications;
        private volatile boolean notifyBeforeReply;
        private volatile boolean noNotifications;
        private final Queue<OffsetDateTime> successTimes = new ConcurrentLinkedQueue<>();

        /** The next n deduction requests get no reply and are not taken (lost on the way in). */
        public Faults noReplyBeforeTaking(int n) {
            dropBeforeTaking.set(n);
            return this;
        }

        /** The next n deduction requests are taken, but their reply is lost (the client times out). */
        public Faults noReplyAfterTaking(int n) {
            silentAfterTaking.set(n);
            return this;
        }

        /** Every notification is sent twice, both copies at the same moment. */
        public Faults duplicateNotifications(boolean on) {
            duplicateNotifications = on;
            return this;
        }

        /** The order is settled and its notification sent before the reply to the order itself. */
        public Faults notifyBeforeReply(boolean on) {
            notifyBeforeReply = on;
            return this;
        }

        /** Nothing is notified: only the order query tells the result. */
        public Faults noNotifications(boolean on) {
            noNotifications = on;
            return this;
        }

        /**
         * The next payments of this contract succeed at these times, one each, in order (then at the moment
         * they settle again): so a check can put payments on a past day's bill, or just either side of midnight.
         */
        public Faults succeedAt(OffsetDateTime... times) {
            successTimes.addAll(List.of(times));
            return this;
        }

        public Faults clear() {
            successTimes.clear();
            dropBeforeTaking.set(0);
            silentAfterTaking.set(0);
            duplicateNotifications = false;
            notifyBeforeReply = false;
            noNotifications = false;
            return this;
        }

        private static boolean take(AtomicInteger counter) {
            return counter.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    /** One contract's account at the platform. */
    private static final class Holder {
        final AtomicLong balanceFen = new AtomicLong(100_000_000);
        volatile String userState = "NORMAL";
        final Faults faults = new Faults();
    }

    /** A deduction order or a repayment as the platform keeps it. */
    public static final class Order {
        final String number;
        final String contractId;
        final long amountFen;
        final String notifyUrl;
        final List<String> covers;
        final AtomicInteger requests = new AtomicInteger();
        volatile String status = "PROCESSING";
        volatile String failReason;
        volatile String transactionId;
        volatile String notification;
        volatile OffsetDateTime successTime;

        Order(String number, String contractId, long amountFen, String notifyUrl, List<String> covers) {
            this.number = number;
            this.contractId = contractId;
            this.amountFen = amountFen;
            this.notifyUrl = notifyUrl;
            this.covers = covers;
        }

        public String status() {
            return status;
        }

        public String failReason() {
            return failReason;
        }

        /** How many requests with this number arrived (a re-sent order counts again, is charged once). */
        public int requests() {
            return requests.get();
        }

        public long amountFen() {
            return amountFen;
        }

        public List<String> covers() {
            return covers;
        }
    }

    private final Map<String, Holder> holders = new ConcurrentHashMap<>();
    private final Map<String, Order> deductions = new ConcurrentHashMap<>();
    private final Map<String, Order> repaymentOrders = new ConcurrentHashMap<>();
    private final ScheduledExecutorService later = Executors.newScheduledThreadPool(4, daemon("payment-stub-later"));
    private final AtomicLong transactions = new AtomicLong();
    private final BiFunction<String, String, HttpResponse<String>> notifier;
    private final BiFunction<String, String, CompletableFuture<HttpResponse<String>>> asyncNotifier;
    /** Notifications in flight at once (a platform notifies in parallel, not one order after another). */
    private final Semaphore inFlight = new Semaphore(32);
    /** Each notification's answer from the system, by event id (what the system made of it). */
    private final Map<String, List<String>> answers = new ConcurrentHashMap<>();

    PaymentStubCollections(BiFunction<String, String, HttpResponse<String>> notifier,
                           BiFunction<String, String, CompletableFuture<HttpResponse<String>>> asyncNotifier) {
        this.notifier = notifier;
        this.asyncNotifier = asyncNotifier;
    }

    static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    void open(String contractId) {
        holders.computeIfAbsent(contractId, c -> new Holder());
    }

    public Faults faults(String contractId) {
        return holder(contractId).faults;
    }

    public void setBalance(String contractId, long fen) {
        holder(contractId).balanceFen.set(fen);
    }

    public long balance(String contractId) {
        return holder(contractId).balanceFen.get();
    }

    public void setUserState(String contractId, String state) {
        holder(contractId).userState = state;
    }

    /** The platform's record of one of our deduction orders, or null if it never arrived. */
    public Order deduction(String orderNo) {
        return deductions.get(orderNo);
    }

    public List<Order> deductionsOf(String contractId) {
        return deductions.values().stream().filter(o -> o.contractId.equals(contractId)).toList();
    }

    public List<Order> repaymentsOf(String contractId) {
        return repaymentOrders.values().stream().filter(o -> o.contractId.equals(contractId)).toList();
    }

    /** What the system answered to each notification (outcome codes), by the order or repayment number. */
    public List<String> notificationAnswers(String number) {
        return answers.getOrDefault(number, List.of());
    }

    /** Sends the last notification of an order or repayment again, byte for byte (a late retry). */
    public HttpResponse<String> replayNotification(String number) {
        Order order = deductions.containsKey(number) ? deductions.get(number) : repaymentOrders.get(number);
        if (order == null || order.notification == null) {
            throw new IllegalStateException("Nothing was notified for " + number);
        }
        return send(order, order.notification);
    }

    private Holder holder(String contractId) {
        Holder holder = holders.get(contractId);
        if (holder == null) {
            throw new IllegalArgumentException("No contract " + contractId);
        }
        return holder;
    }

    void deductions(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod())) {
            query(exchange, deductions.get(path.substring(path.lastIndexOf('/') + 1)));
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contractId = text(body, "contractId");
        String number = text(body, "outTradeNo");
        Long amount = number(body, "amountFen");
        String notifyUrl = text(body, "notifyUrl");
        if (contractId == null || number == null || amount == null || amount <= 0 || notifyUrl == null) {
            StubResponses.json(exchange, 400, "{\"code\":\"PARAM_ERROR\"}");
            return;
        }
        Holder holder = holders.get(contractId);
        if (holder == null) {
            StubResponses.json(exchange, 404, "{\"code\":\"CONTRACT_NOT_EXIST\"}");
            return;
        }
        if (Faults.take(holder.faults.dropBeforeTaking)) {
            hold(exchange);
            return;
        }
        Order order = deductions.computeIfAbsent(number, n -> new Order(n, contractId, amount, notifyUrl, List.of()));
        order.requests.incrementAndGet();
        if (!order.contractId.equals(contractId) || order.amountFen != amount) {
            StubResponses.json(exchange, 409, "{\"code\":\"OUT_TRADE_NO_USED\"}");
            return;
        }
        if (order.requests.get() == 1) {
            if (!"NORMAL".equals(holder.userState)) {
                order.status = "FAILED";
                order.failReason = "USER_" + holder.userState;
                deductions.remove(number);
                StubResponses.json(exchange, 403, "{\"code\":\"USER_" + holder.userState + "\"}");
                return;
            }
            if (holder.faults.notifyBeforeReply) {
                settle(holder, order, "DEDUCTION");
            } else {
                later.schedule(() -> settle(holder, order, "DEDUCTION"), 20, TimeUnit.MILLISECONDS);
            }
        }
        if (Faults.take(holder.faults.silentAfterTaking)) {
            hold(exchange);
            return;
        }
        StubResponses.json(exchange, 200, "{\"code\":\"SUCCESS\",\"outTradeNo\":\"" + number + "\",\"status\":\""
                + ("PROCESSING".equals(order.status) ? "ACCEPTED" : order.status) + "\""
                + (order.failReason == null ? "" : ",\"failReason\":\"" + order.failReason + "\"") + "}");
    }

    void repayments(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if ("GET".equals(exchange.getRequestMethod())) {
            query(exchange, repaymentOrders.get(path.substring(path.lastIndexOf('/') + 1)));
            return;
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contractId = text(body, "contractId");
        String number = text(body, "repaymentNo");
        Long amount = number(body, "amountFen");
        String notifyUrl = text(body, "notifyUrl");
        if (contractId == null || number == null || amount == null || notifyUrl == null) {
            StubResponses.json(exchange, 400, "{\"code\":\"PARAM_ERROR\"}");
            return;
        }
        Holder holder = holders.get(contractId);
        if (holder == null) {
            StubResponses.json(exchange, 404, "{\"code\":\"CONTRACT_NOT_EXIST\"}");
            return;
        }
        Order order = repaymentOrders.computeIfAbsent(number, n -> new Order(n, contractId, amount, notifyUrl, strings(body, "orders")));
        if (order.requests.incrementAndGet() == 1) {
            later.schedule(() -> settle(holder, order, "REPAYMENT"), 20, TimeUnit.MILLISECONDS);
        }
        StubResponses.json(exchange, 200, "{\"code\":\"SUCCESS\",\"repaymentNo\":\"" + number + "\",\"status\":\"ACCEPTED\"}");
    }

    void userState(HttpExchange exchange) throws IOException {
        String contractId = StubResponses.query(exchange).get("contractId");
        Holder holder = contractId == null ? null : holders.get(contractId);
        if (holder == null) {
            StubResponses.json(exchange, 404, "{\"code\":\"CONTRACT_NOT_EXIST\"}");
            return;
        }
        StubResponses.json(exchange, 200, "{\"contractId\":\"" + contractId + "\",\"userState\":\"" + holder.userState + "\"}");
    }

    private void query(HttpExchange exchange, Order order) throws IOException {
        if (order == null) {
            StubResponses.json(exchange, 404, "{\"code\":\"ORDER_NOT_EXIST\"}");
            return;
        }
        StubResponses.json(exchange, 200, "{\"number\":\"" + order.number + "\",\"status\":\"" + order.status + "\","
                + "\"amountFen\":" + order.amountFen
                + (order.transactionId == null ? "" : ",\"transactionId\":\"" + order.transactionId + "\"")
                + (order.successTime == null ? "" : ",\"successTime\":\"" + order.successTime.format(TIME) + "\"")
                + (order.failReason == null ? "" : ",\"failReason\":\"" + order.failReason + "\"") + "}");
    }

    /** A payment that succeeded, as the day's bill lists it. */
    record Paid(String type, String number, String transactionId, long amountFen, OffsetDateTime successTime) {
    }

    /** Every deduction and repayment that succeeded on a day (China time), in order of success. */
    List<Paid> succeededOn(LocalDate day) {
        List<Paid> paid = new ArrayList<>();
        deductions.values().forEach(o -> paidOn(day, "DEDUCTION", o, paid));
        repaymentOrders.values().forEach(o -> paidOn(day, "REPAYMENT", o, paid));
        paid.sort(java.util.Comparator.comparing(Paid::successTime).thenComparing(Paid::number));
        return paid;
    }

    private static void paidOn(LocalDate day, String type, Order order, List<Paid> paid) {
        synchronized (order) {
            if ("SUCCESS".equals(order.status) && order.successTime.atZoneSameInstant(ZoneOffset.ofHours(8)).toLocalDate().equals(day)) {
                paid.add(new Paid(type, order.number, order.transactionId, order.amountFen, order.successTime));
            }
        }
    }

    /** Collects from the balance, once; notifies only a success, as the real platforms do. */
    private void settle(Holder holder, Order order, String kind) {
        synchronized (order) {
            if (!"PROCESSING".equals(order.status)) {
                return;
            }
            long before = holder.balanceFen.getAndUpdate(b -> b >= order.amountFen ? b - order.amountFen : b);
            if (before < order.amountFen) {
                order.failReason = "NOT_ENOUGH";
                order.status = "FAILED";
                return;
            }
            order.transactionId = "4200" + String.format("%016d", transactions.incrementAndGet());
            OffsetDateTime successTime = holder.faults.successTimes.poll();
            order.successTime = successTime != null ? successTime : OffsetDateTime.now(ZoneOffset.ofHours(8));
            order.status = "SUCCESS";
            String reference = kind.equals("DEDUCTION") ? "outTradeNo" : "repaymentNo";
            order.notification = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventTime\":\""
                    + order.successTime.format(TIME) + "\",\"event\":\"" + kind + "_SUCCEEDED\","
                    + "\"" + reference + "\":\"" + order.number + "\",\"transactionId\":\"" + order.transactionId + "\","
                    + "\"amountFen\":" + order.amountFen + "}";
        }
        Faults faults = holder.faults;
        if (faults.noNotifications) {
            return;
        }
        if (faults.duplicateNotifications) {
            later.execute(() -> send(order, order.notification));
            later.execute(() -> send(order, order.notification));
        } else if (faults.notifyBeforeReply) {
            send(order, order.notification);
        } else {
            later.execute(() -> sendAsync(order, order.notification));
        }
    }

    private HttpResponse<String> send(Order order, String body) {
        try {
            HttpResponse<String> answer = notifier.apply(order.notifyUrl, body);
            String outcome = answer.statusCode() + ":" + outcome(answer.body());
            answers.computeIfAbsent(order.number, n -> Collections.synchronizedList(new ArrayList<>())).add(outcome);
            return answer;
        } catch (RuntimeException e) {
            answers.computeIfAbsent(order.number, n -> Collections.synchronizedList(new ArrayList<>()))
                    .add("unreachable");
            return null;
        }
    }

    private void sendAsync(Order order, String body) {
        inFlight.acquireUninterruptibly();
        asyncNotifier.apply(order.notifyUrl, body).whenComplete((answer, failure) -> {
            inFlight.release();
            answers.computeIfAbsent(order.number, n -> Collections.synchronizedList(new ArrayList<>()))
                    .add(answer == null ? "unreachable" : answer.statusCode() + ":" + outcome(answer.body()));
        });
    }

    private static String outcome(String body) {
        String outcome = text(body, "outcome");
        return outcome != null ? outcome : text(body, "code");
    }

    private void hold(HttpExchange exchange) {
        later.schedule(exchange::close, HOLD_SECONDS, TimeUnit.SECONDS);
    }

    private static String text(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    private static Long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : null;
    }

    private static List<String> strings(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\\[([^\\]]*)]").matcher(json);
        if (!m.find()) {
            return List.of();
        }
        Matcher item = Pattern.compile("\"([^\"]*)\"").matcher(m.group(1));
        List<String> items = new ArrayList<>();
        while (item.find()) {
            items.add(item.group(1));
        }
        return items;
    }

    void close() {
        later.shutdownNow();
    }

    @Override
    public String toString() {
        return deductions.values().stream().map(o -> o.number + "=" + o.status).collect(Collectors.joining(", "));
    }
}
