package cn.gov.shanwei.xinyixing.account.boundary;

import cn.gov.shanwei.xinyixing.account.control.Citizen;
import cn.gov.shanwei.xinyixing.account.control.IdentityTokenException;
import cn.gov.shanwei.xinyixing.account.control.IdentityTokenVerifier;
import cn.gov.shanwei.xinyixing.account.control.TokenProblem;
import cn.gov.shanwei.xinyixing.platform.transport.PartnerAddress;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.Config;

/**
 * The 善美村居 identity platform as configured: its published key set
 * ({@code xinyixing.identity.jwks-url}, fetched and cached), its issuer name and the audience it
 * uses for this system. The key set is cached and refreshed by the library, so a key rotation at
 * the platform needs nothing here.
 */
@ApplicationScoped
public class IdentityProvider {

    @Inject
    Config config;

    @Inject
    Clock clock;

    private final AtomicReference<IdentityTokenVerifier> verifier = new AtomicReference<>();

    public Citizen verify(String token) {
        return verifier().verify(token);
    }

    private IdentityTokenVerifier verifier() {
        IdentityTokenVerifier current = verifier.get();
        if (current != null) {
            return current;
        }
        Optional<String> jwks = config.getOptionalValue("xinyixing.identity.jwks-url", String.class);
        if (jwks.isEmpty()) {
            throw new IdentityTokenException(TokenProblem.IDENTITY_UNAVAILABLE);
        }
        try {
            IdentityTokenVerifier created = new IdentityTokenVerifier(
                    JWKSourceBuilder.<SecurityContext>create(PartnerAddress.check(config, "xinyixing.identity.jwks-url", jwks.get()).toURL()).build(),
                    config.getOptionalValue("xinyixing.identity.issuer", String.class).orElse("shanmei-cunju"),
                    config.getOptionalValue("xinyixing.identity.audience", String.class).orElse("xinyixing"),
                    clock,
                    Duration.ofSeconds(config.getOptionalValue("xinyixing.identity.max-token-lifetime-seconds", Long.class)
                            .orElse(IdentityTokenVerifier.DEFAULT_MAX_LIFETIME.toSeconds())));
            verifier.compareAndSet(null, created);
            return verifier.get();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IdentityTokenException(TokenProblem.IDENTITY_UNAVAILABLE);
        }
    }
}
