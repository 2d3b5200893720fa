package cn.gov.shanwei.xinyixing.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.shanwei.xinyixing.system.Http;
import cn.gov.shanwei.xinyixing.system.StaffSessions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A signed-in session keeps its roles on every request however many run at once. Payara's standard form
 * mechanism lost them now and then under load (payara/Payara#6145): measured on the demo system, 220 of
 * 4,800 signed-in requests from 16 threads, beside 16 threads of anonymous ones, were refused with 403.
 */
public abstract class StaffSessionLoadChecks {

    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 150;

    @Test
    void concurrentRequestsOfOneSignedInSessionAreNeverRefused() throws Exception {
        String session = StaffSessions.signIn("operator");
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS);
        try {
            List<Future<List<Integer>>> signedIn = new ArrayList<>();
            List<Future<List<Integer>>> anonymous = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                signedIn.add(pool.submit(() -> statuses("/api/operator/v1/devices?max=1", session)));
                anonymous.add(pool.submit(() -> statuses("/api/v1/system", null)));
            }
            assertEquals(Map.of(200, THREADS * REQUESTS_PER_THREAD), countByStatus(signedIn),
                    "signed-in requests by status");
            assertEquals(Map.of(200, THREADS * REQUESTS_PER_THREAD), countByStatus(anonymous),
                    "anonymous requests by status");
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> statuses(String path, String session) throws Exception {
        List<Integer> statuses = new ArrayList<>(REQUESTS_PER_THREAD);
        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(Http.uri(path)).timeout(Duration.ofSeconds(30));
            if (session != null) {
                request.header("Cookie", session);
            }
            statuses.add(Http.client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        return statuses;
    }

    private static Map<Integer, Integer> countByStatus(List<Future<List<Integer>>> threads) throws Exception {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Future<List<Integer>> thread : threads) {
            for (int status : thread.get()) {
                counts.merge(status, 1, Integer::sum);
            }
        }
        return counts;
    }
}
