package cn.gov.shanwei.xinyixing.platform.health;

import cn.gov.shanwei.xinyixing.platform.transport.PartnerAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while a partner address is configured that the system refuses to use (plain
 * {@code http://} outside the embedded default): the response names each one and why, so the
 * operator sees the cause where the load balancer sees the refusal.
 */
@Readiness
@ApplicationScoped
public class PartnerAddressHealthCheck implements HealthCheck {

    @Inject
    Config config;

    @Override
    public HealthCheckResponse call() {
        List<String> refused = PartnerAddress.refusedIn(config);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("partner-addresses").status(refused.isEmpty());
        for (int i = 0; i < refused.size(); i++) {
            response.withData("refused-" + (i + 1), refused.get(i));
        }
        return response.build();
    }
}
