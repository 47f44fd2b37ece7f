package org.trainkit.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.function.Function;

/**
 * Tick label text for linear axes. XChart's default number format drops the leading zero and
 * prints small values as long decimals (".0008"); learning rates read better as {@code 8e-4}.
 * One style is chosen per axis from its largest magnitude so labels on an axis look alike:
 * scientific ({@code 2e-4}, {@code 1.5e6}) when it is below 1e-2 or at least 1e6, plain decimals
 * ({@code 0.25}, {@code 24000}) otherwise. Zero is always {@code 0}.
 */
final class TickLabels {

    private static final MathContext DIGITS = new MathContext(6);

    private TickLabels() {
    }

    /** The formatter for an axis whose values lie in {@code [min, max]}. */
    static Function<Double, String> forRange(double min, double max) {
        double magnitude = Math.max(Math.abs(min), Math.abs(max));
        boolean scientific = magnitude > 0 && (magnitude < 1e-2 || magnitude >= 1e6);
        return value -> format(value, scientific);
    }

    static String format(double value, boolean scientific) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.toString(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(DIGITS).stripTrailingZeros();
        if (!scientific) {
            return rounded.toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }
}
