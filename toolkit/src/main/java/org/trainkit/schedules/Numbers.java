package org.trainkit.schedules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal text that reads back as exactly the same double, in the compact style of
 * the schedule text form: {@code 3e-4}, {@code 0.2}, {@code 2160}, {@code 0}. Hand-written because
 * the JDK 17 {@code Double.toString} is not always the shortest form and prints {@code 3.0E-4};
 * no dependency we use offers a shortest round-trip formatter.
 */
public final class Numbers {

    private Numbers() {
    }

    /** The shortest round-trip text of a finite double. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal shortest = shortest(value);
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-2 && magnitude < 1e6) {
            return shortest.toPlainString();
        }
        BigDecimal unscaled = new BigDecimal(shortest.unscaledValue());
        String digits = unscaled.abs().toPlainString();
        int exponent = digits.length() - 1 - shortest.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + exponent;
    }

    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (rounded.doubleValue() == value) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
