package cn.gov.shanwei.xinyixing.ridecode.control;

import cn.gov.shanwei.xinyixing.eligibility.control.ConcessionType;

/**
 * The wire code of each concession type in the card data.
 *
 * <p>An explicit table, not {@code ordinal()}: {@link ConcessionType}'s declaration order carries meaning of
 * its own (which concession wins) and may be reordered, while codes already printed on citizens' phones and
 * parsed by validator firmware must never change. A new concession gets the next free code.
 */
final class ConcessionCodes {

    private ConcessionCodes() {
    }

    /** 0x00 is "no concession": the standard fare. */
    static final int NONE = 0x00;

    static int code(ConcessionType type) {
        if (type == null) {
            return NONE;
        }
        return switch (type) {
            case XINYIXING -> 0x01;
            case ELDERLY -> 0x02;
            case ACTIVE_SERVICEMAN -> 0x03;
            case DISABLED_SERVICEMAN -> 0x04;
            case POLICE_DISABLED_ON_DUTY -> 0x05;
            case DISABLED_PERSON -> 0x06;
            case SPECIAL_CARE -> 0x07;
            case STUDENT -> 0x08;
        };
    }

    /** The type of a wire code, or {@code null} for {@link #NONE}. */
    static ConcessionType type(int code) {
        if (code == NONE) {
            return null;
        }
        for (ConcessionType type : ConcessionType.values()) {
            if (code(type) == code) {
                return type;
            }
        }
        throw new RideCodeFormatException(String.format("unknown concession code 0x%02x", code));
    }
}
