package cn.gov.shanwei.xinyixing.validatorkit;

import java.io.IOException;

/**
 * The server refused a request for a reason repeating it will not cure (a 4xx, e.g. 401 {@code DEVICE_DISABLED}
 * or 400 for a malformed batch). {@link #code()} is the stable code of the server's {@code {"code","message"}}
 * body when it has one.
 */
public final class DeviceRequestException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public DeviceRequestException(int status, String code, String message) {
        super("HTTP " + status + (code == null ? "" : " " + code) + (message == null ? "" : ": " + message));
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** {@code SIGNATURE_MISSING}, {@code DEVICE_UNKNOWN}, …; {@code null} if the body had none. */
    public String code() {
        return code;
    }
}
