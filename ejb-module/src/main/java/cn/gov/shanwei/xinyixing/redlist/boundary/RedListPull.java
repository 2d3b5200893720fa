package cn.gov.shanwei.xinyixing.redlist.boundary;

import cn.gov.shanwei.xinyixing.platform.transport.PartnerAddress;
import cn.gov.shanwei.xinyixing.redlist.control.BatchJson;
import cn.gov.shanwei.xinyixing.redlist.control.BatchMessage;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks the credit platform's change feed for the batches after the last one applied, on a timer
 * whose interval is configuration ({@code xinyixing.credit-platform.pull-interval-seconds}).
 * Each batch goes through the same intake as a push, in its own transaction; the first refusal
 * stops the pull, as every later batch would be out of sequence. The timer is not persistent:
 * a missed pull is simply made up by the next one. Every server instance runs the timer, but only
 * the holder of the {@link PullLease} pulls, so several instances pull once per interval, not once
 * each; should two pulls ever overlap (a holder slower than its lease), the intake's sequence and
 * batch-id checks make the second one's batches {@code ALREADY_APPLIED} or refused, never applied twice.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RedListPull {

    private static final Logger LOG = Logger.getLogger(RedListPull.class.getName());

    /** What one pull did, for the caller (timer, tests, a staff page). */
    public record PullResult(int applied, String refusedBatchId, List<String> refusalCodes) {
    }

    @Resource
    TimerService timerService;

    @EJB
    RedListIntake intake;

    @EJB
    PullLease lease;

    @Inject
    CreditPlatform platform;

    /** This instance, as the lease records it: the server instance's name and one id per start. */
    private final String holder = System.getProperty("com.sun.aas.instanceName", "server") + "/" + UUID.randomUUID();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @PostConstruct
    void schedule() {
        try {
            if (platform.changeFeed().isPresent()) {
                long interval = platform.pullInterval().toMillis();
                timerService.createIntervalTimer(interval, interval, new TimerConfig("redlist-pull", false));
            }
        } catch (PartnerAddress.Refused e) {
            // The rest of the system can still serve; readiness reports the address as refused
            LOG.severe("红名单拉取未启动 / Red-list pull not started: " + e.getMessage());
        }
    }

    @Timeout
    void onTimeout() {
        try {
            // Half an interval to spare: the holder renews before it expires, a successor waits 1.5 intervals
            Duration interval = platform.pullInterval();
            if (!lease.acquire(holder, interval.plus(interval.dividedBy(2)))) {
                return;
            }
            pull();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Red-list pull failed: " + e.getMessage());
        }
    }

    public PullResult pull() {
        URI feed = platform.changeFeed().orElseThrow(() -> new IllegalStateException("No change feed configured"));
        URI request = URI.create(feed + "?afterSequence=" + intake.status().lastSequenceNo);
        List<BatchMessage> batches = BatchJson.readFeed(fetch(request));
        int applied = 0;
        for (BatchMessage batch : batches) {
            try {
                intake.receive(batch, "PULL");
                applied++;
            } catch (BatchRejectedException e) {
                List<String> codes = e.rejections().stream().map(r -> r.code()).distinct().toList();
                LOG.warning(() -> "Pulled batch " + batch.batchId() + " refused: " + codes);
                return new PullResult(applied, batch.batchId(), codes);
            }
        }
        return new PullResult(applied, null, List.of());
    }

    private String fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Change feed answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Change feed unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pulling", e);
        }
    }
}
