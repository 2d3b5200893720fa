package cn.gov.shanwei.xinyixing.payment.boundary;

import cn.gov.shanwei.xinyixing.payment.control.HttpPaymentChannel;
import cn.gov.shanwei.xinyixing.payment.control.PaymentChannel;
import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.platform.transport.PartnerAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The payment platform as configured: its API address and our merchant id
 * ({@code xinyixing.payment.url}, {@code xinyixing.payment.merchant-id}), the SM2 key its
 * notifications are signed with ({@code xinyixing.payment.public-key}) and the address it posts
 * them to ({@code xinyixing.payment.notify-url}).
 */
@ApplicationScoped
public class PaymentPlatform {

    @Inject
    Config config;

    @Produces
    @Dependent
    PaymentChannel channel() {
        return new HttpPaymentChannel(PartnerAddress.check(config, "xinyixing.payment.url", config.getValue("xinyixing.payment.url", String.class)),
                config.getOptionalValue("xinyixing.payment.merchant-id", String.class).orElse("XYX-SW-0001"));
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
