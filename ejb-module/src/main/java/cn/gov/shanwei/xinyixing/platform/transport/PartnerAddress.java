package cn.gov.shanwei.xinyixing.platform.transport;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;

/**
 * The rule for partners' addresses (the credit platform's feed, the payment platform, the identity
 * platform's key set, and the address partners call back): {@code https://} only. Plain HTTP is
 * allowed only where {@value #ALLOW_PLAIN_HTTP} is true, which the embedded default sets for its
 * stand-ins on the loopback; production never sets it. Every {@code xinyixing.*url} property is a
 * partner address, so a new partner falls under the rule by its name alone.
 */
public final class PartnerAddress {

    public static final String ALLOW_PLAIN_HTTP = "xinyixing.allow-plain-http-partners";

    private PartnerAddress() {
    }

    /** Thrown when configuration names a partner address that may not be used. */
    public static final class Refused extends IllegalArgumentException {
        private final String property;

        Refused(String property, String reason) {
            super(reason);
            this.property = property;
        }

        public String property() {
            return property;
        }
    }

    /** The address of {@code property} if it may be used; {@link Refused} (with a message for operators) if not. */
    public static URI check(String property, String value, boolean plainHttpAllowed) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            throw new Refused(property, property + " 不是有效地址 / is not a valid address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") && uri.getHost() != null) {
            return uri;
        }
        if (scheme.equals("http") && uri.getHost() != null && plainHttpAllowed) {
            return uri;
        }
        throw new Refused(property, property + " 必须使用 https:// / must be an https:// address (is "
                + (scheme.isEmpty() ? "no absolute address" : scheme + "://") + "); plain http:// only where "
                + ALLOW_PLAIN_HTTP + "=true (the embedded default)");
    }

    /** {@link #check(String, String, boolean)} with the allowance read from configuration. */
    public static URI check(Config config, String property, String value) {
        return check(property, value, plainHttpAllowed(config));
    }

    public static boolean plainHttpAllowed(Config config) {
        return config.getOptionalValue(ALLOW_PLAIN_HTTP, Boolean.class).orElse(false);
    }

    /** Every configured partner address that would be refused, with the reason, for health and start-up messages. */
    public static List<String> refusedIn(Config config) {
        boolean plainHttpAllowed = plainHttpAllowed(config);
        List<String> refused = new ArrayList<>();
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith("xinyixing.") && name.endsWith("url"))
                .distinct()
                .sorted()
                .forEach(name -> {
                    Optional<String> value = config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
                    try {
                        value.ifPresent(v -> check(name, v, plainHttpAllowed));
                    } catch (Refused e) {
                        refused.add(e.getMessage());
                    }
                });
        return refused;
    }
}
