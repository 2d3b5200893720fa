package cn.gov.shanwei.xinyixing.settlement.boundary;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settlement job executions alive in this JVM. The batch runtime's own status cannot tell a running
 * execution from one whose server was killed (both say STARTED), this can: it starts empty with the
 * server, so after a restart every STARTED execution of ours is known dead and its version is resumed.
 */
public final class JobLiveness {

    private static final Set<Long> LIVE = ConcurrentHashMap.newKeySet();

    private JobLiveness() {
    }

    public static void started(long executionId) {
        LIVE.add(executionId);
    }

    public static void ended(long executionId) {
        LIVE.remove(executionId);
    }

    public static boolean isLive(long executionId) {
        return LIVE.contains(executionId);
    }
}
