package cn.gov.shanwei.xinyixing.platform.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The one clock of the system. Business time is Shanwei's (Asia/Shanghai) whatever the server's
 * zone is; rules take a {@link Clock} so tests can pin "today".
 */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId SHANWEI = ZoneId.of("Asia/Shanghai");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(SHANWEI);
    }
}
