package cn.gov.shanwei.xinyixing.validatorkit;

import java.io.IOException;

/** Every attempt allowed by the {@link RetryPolicy} failed with a network error, a timeout or a 5xx. */
public final class ServerUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    public ServerUnavailableException(int attempts, String message, Throwable cause) {
        super("server unavailable after " + attempts + " attempt(s): " + message, cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
