package cn.gov.shanwei.xinyixing.bench;

import static cn.gov.shanwei.xinyixing.bench.BenchSystem.out;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Online scans against the running system, as validators make them: HTTPS, every request signed by its own
 * registered device (HMAC-SM3), a fresh code per scan (each code is accepted once in the whole system), full
 * verification on the server, the trip written before the answer. Every answer must be 200 with reason
 * {@code OK}, or it is counted as an error and its reason printed.
 *
 * <ol>
 * <li><b>Raw limit:</b> the bare SM2 verification rate on 2 threads ({@code SmCrypto.verify} of the codes'
 * user signatures under held keys), measured in this run, before and after the scans; the mean is the
 * baseline.</li>
 * <li><b>Closed loop:</b> {@code bench.connections} (8) connections, each its own device and thread,
 * sending the next scan as soon as the last is answered; {@code bench.warmupSeconds} (5) then
 * {@code bench.seconds} (20) measured. Throughput = answers / measured seconds; ratio to the raw limit.</li>
 * <li><b>Open loop:</b> {@code bench.rate} (200) scans/s sent on a fixed schedule for {@code bench.openSeconds}
 * (20) after 3 s at the same rate, on up to 32 connections; each latency runs from the scan's scheduled
 * time (so queueing behind a slow answer counts) to the whole answer.</li>
 * </ol>
 *
 * <p>Codes come from {@code bench.riders} (200) riders signed up before the clock; each rider's codes have
 * generation times one second apart and all are valid for the phase (a code lives 60 s + 30 s skew).
 * {@code bench.jfrPid}: if set, a 30 s JFR recording of that JVM (the Payara server) is taken during the
 * closed loop's measured part ({@code jcmd <pid> JFR.start}), written to {@code bench.jfrFile}.
 */
public final class ScanThroughputBench {

    private static final Pattern REASON = Pattern.compile("\"reason\":\"([A-Z_]+)\"");

    public static void main(String[] args) throws Exception {
        int connections = Integer.getInteger("bench.connections", 8);
        int riders = Integer.getInteger("bench.riders", 200);
        int warmup = Integer.getInteger("bench.warmupSeconds", 5);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int rate = Integer.getInteger("bench.rate", 200);
        int openSeconds = Integer.getInteger("bench.openSeconds", 20);
        String jfrPid = System.getProperty("bench.jfrPid", "");
        String jfrFile = System.getProperty("bench.jfrFile", "/tmp/scan.jfr");

        BenchSystem system = new BenchSystem();
        out("Online scan throughput and latency against %s: %d riders, %d connections", system.baseUrl, riders, connections);
        out("machine: %d processors; load average at start: %s", Runtime.getRuntime().availableProcessors(),
                BenchSystem.loadAverage());

        long t = System.nanoTime();
        HttpClient operator = system.operator();
        List<BenchSystem.Device> devices = new ArrayList<>();
        for (int i = 0; i < Math.max(connections, 32); i++) {
            devices.add(system.register(operator, "BENCH-SCAN", "1"));
        }
        List<BenchSystem.Rider> people = system.signUp(riders, "汕信用〔2026〕BENCH-SCAN");
        out("set-up: operator signed in, %d devices registered on route 1, %d riders signed up, %.1f s",
                devices.size(), people.size(), (System.nanoTime() - t) / 1e9);

        // Warm the server's verifier cache and code paths with one scan per rider (not measured)
        // Generation seconds are never reused: each phase starts after the last second the previous one took
        long nextSecond = Instant.now().getEpochSecond() - 80;
        byte[][] primers = BenchSystem.codes(people, people.size(), nextSecond++, 2);
        Map<String, Integer> primed = closedLoop(system, devices.subList(0, connections), primers, 0, 60, null).reasons;
        out("primed: one scan per rider, answers %s", primed);

        double bareBefore = BenchSystem.bareVerifyRate(people, 2, 5);
        double optBefore = BenchSystem.bareVerifyRate(people, 2, 5, true);
        out("bare SM2 verify, 2 threads, before: %,.0f verifies/s (SmCrypto as installed), %,.0f (BC optimised curve)",
                bareBefore, optBefore);

        // ---------------------------------------------------------------- closed loop
        int perRider = Integer.getInteger("bench.codesPerRider", 80);
        long first = Math.max(nextSecond, Instant.now().getEpochSecond() - 55);
        nextSecond = first + perRider;
        byte[][] codes = BenchSystem.codes(people, people.size() * perRider, first, 2);
        out("closed loop: %,d codes made (generation times %d..%d s)", codes.length, first, first + perRider - 1);
        Runnable profile = jfrPid.isBlank() ? null : () -> jcmd(jfrPid, "JFR.start", "name=bench-scan",
                "duration=" + Math.min(30, seconds) + "s", "filename=" + jfrFile, "settings=profile");
        Loop closed = closedLoop(system, devices.subList(0, connections), codes, warmup, seconds, profile);
        nextSecond = first + (closed.used + people.size() - 1) / people.size();

        // ---------------------------------------------------------------- open loop
        int needed = rate * (openSeconds + 3) + 100;
        perRider = Math.min(80, (needed + people.size() - 1) / people.size());
        first = Math.max(nextSecond, Instant.now().getEpochSecond() - 55);
        nextSecond = first + perRider;
        codes = BenchSystem.codes(people, people.size() * perRider, first, 2);
        Open open = openLoop(system, devices, codes, rate, 3, openSeconds);

        double bareAfter = BenchSystem.bareVerifyRate(people, 2, 5);
        double optAfter = BenchSystem.bareVerifyRate(people, 2, 5, true);
        out("bare SM2 verify, 2 threads, after: %,.0f verifies/s (SmCrypto as installed), %,.0f (BC optimised curve)",
                bareAfter, optAfter);
        double bare = (bareBefore + bareAfter) / 2;
        double opt = (optBefore + optAfter) / 2;

        out("");
        long[] sorted = closed.sorted();
        out("RESULT bare SM2 verify, 2 threads: %,.0f verifies/s with SmCrypto as installed (before %,.0f, after %,.0f);"
                + " %,.0f with BC's optimised sm2p256v1 (before %,.0f, after %,.0f)", bare, bareBefore, bareAfter, opt, optBefore, optAfter);
        out("RESULT closed loop, %d connections: %,.1f scans/s (%,d answers in %.1f s; p50 %.2f ms, p99 %.2f ms, max %.2f ms)"
                        + "; answers %s", connections, closed.measured / closed.seconds, closed.measured, closed.seconds,
                ms(BenchSystem.percentile(sorted, 50)), ms(BenchSystem.percentile(sorted, 99)), ms(sorted[sorted.length - 1]),
                closed.reasons);
        double ratio = closed.measured / closed.seconds / bare;
        double ratioOpt = closed.measured / closed.seconds / opt;
        out("RESULT ratio scan_rate / bare_verify_rate = %.3f against SmCrypto as installed, %.3f against the optimised curve"
                + "   (goal >= 0.5: %s)", ratio, ratioOpt, Math.min(ratio, ratioOpt) >= 0.5 ? "met" : "NOT met");
        long[] lat = open.sorted();
        out("RESULT open loop, %d scans/s for %d s: sent %,d (achieved %.1f/s), p50 %.2f ms, p90 %.2f ms, p99 %.2f ms,"
                        + " p99.9 %.2f ms, max %.2f ms; answers %s", rate, openSeconds, lat.length, lat.length / (double) openSeconds,
                ms(BenchSystem.percentile(lat, 50)), ms(BenchSystem.percentile(lat, 90)), ms(BenchSystem.percentile(lat, 99)),
                ms(BenchSystem.percentile(lat, 99.9)), ms(lat[lat.length - 1]), open.reasons);
        double p99 = ms(BenchSystem.percentile(lat, 99));
        out("RESULT p99 at %d scans/s = %.2f ms   (goal <= 20 ms: %s)", rate, p99, p99 <= 20 ? "met" : "NOT met");
        out("load average at the end: %s", BenchSystem.loadAverage());
        out("devices %s… stay registered (prefix BENCH-SCAN); their trips stay, as every scan's trip does",
                devices.get(0).deviceId.substring(0, 10));
        System.exit(closed.errors.get() + open.errors.get() == 0 ? 0 : 1);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void jcmd(String pid, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("jcmd", pid));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(process.getInputStream().readAllBytes()).trim().replace('\n', ' ');
            process.waitFor(30, TimeUnit.SECONDS);
            out("jcmd %s: %s", String.join(" ", args), said);
        } catch (Exception e) {
            out("jcmd failed: %s", e);
        }
    }

    static String reason(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            return "HTTP_" + response.statusCode();
        }
        Matcher m = REASON.matcher(response.body());
        return m.find() ? m.group(1) : "NO_REASON";
    }

    static final class Loop {
        final long[] nanos = new long[2_000_000];
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final Map<String, Integer> reasons = new ConcurrentHashMap<>();
        int measured;
        int used;
        double seconds;
        volatile String firstError;

        long[] sorted() {
            long[] copy = Arrays.copyOf(nanos, Math.max(1, measured));
            Arrays.sort(copy);
            return copy;
        }
    }

    /** Each connection its own device and client; the next code as soon as the last answer is in. */
    static Loop closedLoop(BenchSystem system, List<BenchSystem.Device> devices, byte[][] codes, int warmupSeconds,
                           int seconds, Runnable atMeasureStart) throws Exception {
        Loop loop = new Loop();
        AtomicInteger index = new AtomicInteger();
        AtomicInteger measuredCount = new AtomicInteger();
        long start = System.nanoTime();
        long measureFrom = start + warmupSeconds * 1_000_000_000L;
        long measureTo = measureFrom + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(devices.size());
        List<Future<?>> workers = new ArrayList<>();
        AtomicLong lastAnswer = new AtomicLong(measureFrom);
        for (BenchSystem.Device device : devices) {
            workers.add(pool.submit(() -> {
                HttpClient client = system.client(null);
                for (int i; (i = index.getAndIncrement()) < codes.length; ) {
                    long t0 = System.nanoTime();
                    if (t0 >= measureTo) {
                        break;
                    }
                    HttpResponse<String> response = client.send(device.scan(device.serials.incrementAndGet(), codes[i]),
                            HttpResponse.BodyHandlers.ofString());
                    long t1 = System.nanoTime();
                    String reason = reason(response);
                    if (t0 >= measureFrom && t1 <= measureTo) {
                        loop.reasons.merge(reason, 1, Integer::sum);
                        int k = measuredCount.getAndIncrement();
                        if (k < loop.nanos.length) {
                            loop.nanos[k] = t1 - t0;
                        }
                        lastAnswer.accumulateAndGet(t1, Math::max);
                    } else if (warmupSeconds == 0) {
                        loop.reasons.merge(reason, 1, Integer::sum);
                    }
                    if (!"OK".equals(reason)) {
                        loop.errors.incrementAndGet();
                        if (loop.firstError == null) {
                            loop.firstError = response.statusCode() + " " + response.body();
                            out("NOT OK: %s", loop.firstError);
                        }
                    }
                }
                return null;
            }));
        }
        if (atMeasureStart != null) {
            long wait = measureFrom - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
            atMeasureStart.run();
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        loop.measured = Math.min(measuredCount.get(), loop.nanos.length);
        loop.used = Math.min(index.get(), codes.length);
        boolean ranOut = index.get() >= codes.length;
        loop.seconds = ((ranOut ? lastAnswer.get() : measureTo) - measureFrom) / 1e9;
        if (ranOut && seconds < 60) {
            out("closed loop: the %,d codes ran out before the measured time ended; rate over %.1f s", codes.length, loop.seconds);
        }
        return loop;
    }

    static final class Open {
        final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger errors = new AtomicInteger();
        final Map<String, Integer> reasons = new TreeMap<>();

        long[] sorted() {
            long[] copy;
            synchronized (latencies) {
                copy = latencies.stream().mapToLong(Long::longValue).toArray();
            }
            Arrays.sort(copy);
            return copy.length == 0 ? new long[] {0} : copy;
        }
    }

    /** Scans at a fixed rate, whatever the answers do; latency from each scan's scheduled time. */
    static Open openLoop(BenchSystem system, List<BenchSystem.Device> devices, byte[][] codes, int rate,
                         int warmupSeconds, int seconds) throws Exception {
        Open open = new Open();
        int threads = devices.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadLocal<HttpClient> clients = ThreadLocal.withInitial(() -> system.client(null));
        AtomicInteger deviceIndex = new AtomicInteger();
        ThreadLocal<BenchSystem.Device> deviceOf = ThreadLocal.withInitial(() -> devices.get(deviceIndex.getAndIncrement() % threads));
        int total = rate * (warmupSeconds + seconds);
        int warm = rate * warmupSeconds;
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000L;
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < total && i < codes.length; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int n = i;
            sent.add(pool.submit(() -> {
                BenchSystem.Device device = deviceOf.get();
                HttpResponse<String> response = clients.get().send(device.scan(device.serials.incrementAndGet(), codes[n]),
                        HttpResponse.BodyHandlers.ofString());
                long latency = System.nanoTime() - due;
                String reason = reason(response);
                if (n >= warm) {
                    open.latencies.add(latency);
                    synchronized (open.reasons) {
                        open.reasons.merge(reason, 1, Integer::sum);
                    }
                }
                if (!"OK".equals(reason) && open.errors.getAndIncrement() == 0) {
                    out("NOT OK: %d %s", response.statusCode(), response.body());
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        pool.shutdown();
        return open;
    }
}
