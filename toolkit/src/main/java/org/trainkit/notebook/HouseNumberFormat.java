package org.trainkit.notebook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleFunction;
import tech.tablesaw.api.NumericColumn;

/**
 * trainkit's house format for the numbers of a table column, chosen once per column from its
 * values so that a column reads alike from top to bottom. A notebook never formats numbers itself:
 * {@link HtmlTable} applies this to every numeric column it shows (the saved CSV keeps every digit).
 *
 * <p>The rules, in order, over the column's finite values:
 * <ul>
 *   <li>whole numbers (an integer column, or a double column holding only whole numbers below
 *       1e6) print as integers, grouped by thousands ({@code 24,000}) when the column reaches
 *       10,000;</li>
 *   <li>a column whose largest magnitude is below 1e-3 or at least 1e6 prints in scientific form
 *       with 3 significant digits ({@code 3.00e-4});</li>
 *   <li>a column of comparable numbers (the lower quartile of the magnitudes at least 1% of the largest, as for
 *       losses, accuracies or paired differences) prints with one number of decimals, enough for 4
 *       significant digits of its largest value and at most 6 ({@code 2.512}, {@code 0.8400},
 *       {@code -0.01230});</li>
 *   <li>any other column (values of very different sizes, as in a table of fitted parameters)
 *       prints each value with 4 significant digits, or as a whole number when it has more
 *       digits before the point ({@code 0.4723}, {@code 301.2}, {@code 12,346}).</li>
 * </ul>
 * Missing values (NaN) print as an empty cell, infinities as {@code ∞} and {@code -∞}, negative zero
 * as {@code 0}.
 */
public final class HouseNumberFormat {

    /** Significant digits of the largest value (fixed decimals) and of each value (mixed sizes). */
    static final int SIGNIFICANT = 4;
    /** Most decimals of a fixed-decimal column. */
    static final int MAX_DECIMALS = 6;
    /** Columns reaching this magnitude group their whole numbers by thousands. */
    static final double GROUPING_FROM = 10_000;
    /** Below this largest magnitude a column is scientific. */
    static final double SCIENTIFIC_BELOW = 1e-3;
    /** From this largest magnitude on a column is scientific. */
    static final double SCIENTIFIC_FROM = 1e6;
    /** Lower quartile over largest magnitude from which a column counts as comparable numbers. */
    static final double COMPARABLE = 0.01;

    private final DoubleFunction<String> format;

    private HouseNumberFormat(DoubleFunction<String> format) {
        this.format = format;
    }

    /** The format for this column's values. */
    public static HouseNumberFormat forColumn(NumericColumn<?> column) {
        double[] values = new double[column.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = column.isMissing(i) ? Double.NaN : column.getDouble(i);
        }
        boolean integerType = !(column.type().name().equals("DOUBLE") || column.type().name().equals("FLOAT"));
        return forValues(values, integerType);
    }

    /** The format for these values ({@code wholeNumbers}: they come from an integer column). */
    public static HouseNumberFormat forValues(double[] values, boolean wholeNumbers) {
        double[] magnitudes = Arrays.stream(values).filter(Double::isFinite).map(Math::abs).sorted().toArray();
        if (magnitudes.length == 0) {
            return new HouseNumberFormat(HouseNumberFormat::special);
        }
        double largest = magnitudes[magnitudes.length - 1];
        boolean whole = wholeNumbers || (largest < SCIENTIFIC_FROM
                && Arrays.stream(values).filter(Double::isFinite).allMatch(v -> v == Math.rint(v)));
        if (whole) {
            return fixed(0, largest >= GROUPING_FROM);
        }
        if (largest < SCIENTIFIC_BELOW || largest >= SCIENTIFIC_FROM) {
            return new HouseNumberFormat(v -> scientific(v, 3));
        }
        double lowerQuartile = magnitudes[magnitudes.length / 4];
        if (lowerQuartile >= COMPARABLE * largest) {
            int leading = (int) Math.floor(Math.log10(largest));
            int decimals = Math.max(0, Math.min(MAX_DECIMALS, SIGNIFICANT - 1 - leading));
            return fixed(decimals, largest >= GROUPING_FROM);
        }
        return new HouseNumberFormat(v -> significant(v, SIGNIFICANT));
    }

    /** The text of {@code value} in this format. */
    public String format(double value) {
        if (!Double.isFinite(value)) {
            return special(value);
        }
        return format.apply(value == 0 ? 0.0 : value);
    }

    private static HouseNumberFormat fixed(int decimals, boolean grouped) {
        StringBuilder pattern = new StringBuilder(grouped ? "#,##0" : "0");
        if (decimals > 0) {
            pattern.append('.').append("0".repeat(decimals));
        }
        String text = pattern.toString();
        return new HouseNumberFormat(v -> {
            // DecimalFormat is not thread-safe: one per call keeps the format immutable.
            DecimalFormat f = new DecimalFormat(text, DecimalFormatSymbols.getInstance(Locale.ROOT));
            f.setRoundingMode(RoundingMode.HALF_EVEN);
            String s = f.format(v);
            return isNegativeZero(s) ? s.substring(1) : s;
        });
    }

    private static boolean isNegativeZero(String s) {
        return s.startsWith("-") && s.chars().skip(1).allMatch(c -> c == '0' || c == '.' || c == ',');
    }

    private static String significant(double value, int digits) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int leading = rounded.precision() - rounded.scale() - 1;
        if (leading >= digits) {
            return fixed(0, Math.abs(value) >= GROUPING_FROM).format(value);
        }
        return rounded.setScale(Math.max(0, digits - 1 - leading), RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String scientific(double value, int digits) {
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(digits - 1, RoundingMode.HALF_EVEN);
        return mantissa.toPlainString() + "e" + exponent;
    }

    private static String special(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        return value > 0 ? "\u221E" : "-\u221E";
    }
}
