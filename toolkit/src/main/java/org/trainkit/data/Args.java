package org.trainkit.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.StringJoiner;

/** Argument checks whose messages name the argument and what was expected, and numbers as text for view names. */
final class Args {

    private Args() {
    }

    /** {@code value}, which must be in [0, 1). */
    static double rate(String argument, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(argument + ": expected a probability in [0, 1), got " + value);
        }
        return value;
    }

    /**
     * Which of {@code classes} classes {@code chosen} names, which must be non-empty, distinct and
     * each in [0, classes).
     */
    static boolean[] classSet(String argument, int[] chosen, int classes) {
        if (chosen.length == 0) {
            throw new IllegalArgumentException(argument + ": expected at least one class");
        }
        boolean[] set = new boolean[classes];
        for (int c : chosen) {
            knownClass(argument, c, classes);
            if (set[c]) {
                throw new IllegalArgumentException(argument + ": class " + c
                        + " is given twice, expected distinct classes");
            }
            set[c] = true;
        }
        return set;
    }

    /** Checks that {@code label} is one of {@code classes} classes. */
    static void knownClass(String argument, int label, int classes) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException(argument + ": class " + label + " is unknown, expected 0.."
                    + (classes - 1));
        }
    }

    /** {@code 0.1} as {@code 10%}: the percentage to six significant digits, without trailing zeros. */
    static String percent(double fraction) {
        return number(fraction * 100) + "%";
    }

    /** {@code value} to six significant digits, without trailing zeros or an exponent. */
    static String number(double value) {
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** {@code 0, 6, 2}. */
    static String list(int[] values) {
        StringJoiner text = new StringJoiner(", ");
        for (int v : values) {
            text.add(Integer.toString(v));
        }
        return text.toString();
    }
}
