package cn.gov.shanwei.xinyixing.settlement.control;

import java.math.BigDecimal;

/**
 * How fen are written in the files people open: yuan with exactly two decimals, computed exactly
 * (no rounding happens: a fen is the smallest unit, and every sum is summed in fen first).
 */
public final class Yuan {

    private Yuan() {
    }

    public static BigDecimal of(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    public static String text(long fen) {
        return of(fen).toPlainString();
    }
}
