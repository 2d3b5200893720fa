package cn.gov.shanwei.xinyixing.redlist.boundary;

import cn.gov.shanwei.xinyixing.platform.crypto.SmCrypto;
import cn.gov.shanwei.xinyixing.platform.crypto.Sm2PublicKey;
import cn.gov.shanwei.xinyixing.platform.transport.PartnerAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.Config;

/**
 * What the system knows of the credit platform (信用汕尾), all from configuration so that a key
 * rotation or a new address needs no code: its SM2 public key, the address of its change feed,
 * the interval of the pull, the largest batch accepted and the API key it presents.
 */
@ApplicationScoped
public class CreditPlatform {

    static final String PUBLIC_KEY = "xinyixing.credit-platform.public-key";
    static final String URL = "xinyixing.credit-platform.url";
    static final String PULL_INTERVAL = "xinyixing.credit-platform.pull-interval-seconds";
    static final String MAX_ENTRIES = "xinyixing.credit-platform.max-batch-entries";
    static final String API_KEY = "xinyixing.credit-platform.api-key";

    @Inject
    Config config;

    /** Decoding a compressed point costs a square root; keep the last one while the hex stays the same. */
    private final AtomicReference<DecodedKey> decoded = new AtomicReference<>();

    private record DecodedKey(String hex, Sm2PublicKey key) {
    }

    /** Empty when not configured: then no batch can be verified and every push is refused. */
    public Optional<Sm2PublicKey> publicKey() {
        Optional<String> hex = config.getOptionalValue(PUBLIC_KEY, String.class).map(String::strip).filter(s -> !s.isEmpty());
        if (hex.isEmpty()) {
            return Optional.empty();
        }
        DecodedKey cached = decoded.get();
        if (cached != null && cached.hex().equals(hex.get())) {
            return Optional.of(cached.key());
        }
        Sm2PublicKey key = SmCrypto.decodePublicKey(HexFormat.of().parseHex(hex.get()));
        decoded.set(new DecodedKey(hex.get(), key));
        return Optional.of(key);
    }

    public Optional<URI> changeFeed() {
        return config.getOptionalValue(URL, String.class).filter(s -> !s.isBlank())
                .map(base -> PartnerAddress.check(config, URL, base.endsWith("/") ? base : base + "/").resolve("redlist/changes"));
    }

    public Duration pullInterval() {
        return Duration.ofSeconds(config.getOptionalValue(PULL_INTERVAL, Long.class).orElse(900L));
    }

    public int maxBatchEntries() {
        return config.getOptionalValue(MAX_ENTRIES, Integer.class).orElse(20_000);
    }

    public Optional<String> apiKey() {
        return config.getOptionalValue(API_KEY, String.class).filter(s -> !s.isBlank());
    }
}
