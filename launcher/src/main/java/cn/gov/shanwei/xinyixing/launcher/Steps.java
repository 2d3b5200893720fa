package cn.gov.shanwei.xinyixing.launcher;

import java.time.Duration;
import java.time.Instant;

/**
 * Tells whoever waits what has happened so far, as it happens, with the seconds since the start:
 * a first start takes minutes and should never look hung.
 */
final class Steps {

    private final Instant began = Instant.now();

    void done(String step) {
        long seconds = Duration.between(began, Instant.now()).toSeconds();
        System.out.printf("  [%3d s] %s%n", seconds, step);
        System.out.flush();
    }
}
