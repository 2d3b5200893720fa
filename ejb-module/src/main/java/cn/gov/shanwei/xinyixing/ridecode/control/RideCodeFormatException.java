package cn.gov.shanwei.xinyixing.ridecode.control;

/**
 * The bytes are not a ride code (or a part of one): wrong version, wrong or inconsistent lengths, trailing or
 * missing bytes, a value outside its field's range.
 *
 * <p>Unchecked because the only sensible reaction is to reject the code: a validator maps it to
 * {@link RideCodeReason#MALFORMED}. The message names the field and offset so a vendor can find a bug in
 * their own encoder; it is for logs, not for the citizen.
 */
public final class RideCodeFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RideCodeFormatException(String message) {
        super(message);
    }
}
