package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.payment.control.HttpPaymentChannel;
import cn.gov.shanwei.xinyixing.payment.control.PaymentChannel;
import cn.gov.shanwei.xinyixing.payment.control.RetrySchedule;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.platform.transport.PartnerAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The payment platform as configured: its API address and our merchant id
 * ({@code xinyixing.payment.url}, {@code xinyixing.payment.merchant-id}), the SM2 key its
 * notifications are signed with ({@code xinyixing.payment.public-key}), the address it posts
 * them to ({@code xinyixing.payment.notify-url}), and how charges are collected: the time a call
 * may take ({@code …timeout-seconds}, 10), when an accepted order is first asked about
 * ({@code …query-after-seconds}, 5), the longest pause between tries ({@code …max-retry-seconds},
 * 600), rows per claim ({@code …batch-size}, 500), parallel workers per instance
 * ({@code …workers}, 2), calls in flight per worker ({@code …in-flight}, 64) and whether the user's
 * state is asked before deducting ({@code …check-user-state}, true).
 */
@ApplicationScoped
public class PaymentPlatform {

    @Inject
    Config config;

    /** One channel (and so one HTTP client with its connection pool) for the whole application. */
    private volatile PaymentChannel channel;

    @Produces
    @Dependent
    PaymentChannel channel() {
        PaymentChannel made = channel;
        if (made == null) {
            made = new HttpPaymentChannel(PartnerAddress.check(config, "xinyixing.payment.url",
                    config.getValue("xinyixing.payment.url", String.class)),
                    config.getOptionalValue("xinyixing.payment.merchant-id", String.class).orElse("XYX-SW-0001"),
                    Duration.ofSeconds(number("xinyixing.payment.timeout-seconds", 10)));
            channel = made;
        }
        return made;
    }

    public RetrySchedule retrySchedule() {
        Duration timeout = Duration.ofSeconds(number("xinyixing.payment.timeout-seconds", 10));
        return new RetrySchedule(Duration.ofSeconds(number("xinyixing.payment.query-after-seconds", 5)),
                Duration.ofSeconds(number("xinyixing.payment.max-retry-seconds", 600)),
                // A claimed row stays with its worker for two calls' worth and then some
                timeout.multipliedBy(2).plusSeconds(5));
    }

    public int batchSize() {
        return (int) Math.max(1, Math.min(number("xinyixing.payment.batch-size", 500), 5000));
    }

    public int workers() {
        return (int) Math.max(1, Math.min(number("xinyixing.payment.workers", 2), 16));
    }

    public int inFlight() {
        return (int) Math.max(1, Math.min(number("xinyixing.payment.in-flight", 64), 1024));
    }

    public boolean checkUserState() {
        return config.getOptionalValue("xinyixing.payment.check-user-state", Boolean.class).orElse(true);
    }

    private long number(String property, long fallback) {
        return config.getOptionalValue(property, Long.class).orElse(fallback);
    }

    public Optional<Sm2PublicKey> notificationKey() {
        return config.getOptionalValue("xinyixing.payment.public-key", String.class)
                .map(hex -> SmCrypto.decodePublicKey(HexFormat.of().parseHex(hex.strip())));
    }

    public String notifyUrl() {
        return config.getOptionalValue("xinyixing.payment.notify-url", String.class)
                .orElse("http://localhost:8080/api/payment/v1/notifications");
    }
}
