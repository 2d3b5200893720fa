package cn.gov.shanwei.xinyixing.privacy.boundary;

import jakarta.ejb.ApplicationException;

/** A rotation that cannot start; nothing was changed. */
@ApplicationException(rollback = true)
public class RotationRefused extends RuntimeException {

    public enum Code { KEY_VERSION_MISSING, KEY_VERSION_NOT_CONFIGURED, CHUNK_SIZE_INVALID }

    private final Code code;

    public RotationRefused(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
