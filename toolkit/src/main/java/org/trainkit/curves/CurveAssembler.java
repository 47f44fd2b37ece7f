package org.trainkit.curves;

import java.util.Arrays;

/**
 * Collects the rows of one curve file or table, checks them, and builds the {@link LossCurve} with
 * the per-step learning rate of the documented interpolation rule (see {@link LossCurves}).
 */
final class CurveAssembler {

    /** Largest step accepted: the per-step learning rates of a curve are held in memory. */
    static final int MAX_STEP = 50_000_000;

    private final String source;
    private final String unit;
    private int[] steps = new int[256];
    private double[] rates = new double[256];
    private double[] losses = new double[256];
    private int rows;
    private int lossRows;
    private long previousLine;

    CurveAssembler(String source, String unit) {
        this.source = source;
        this.unit = unit;
    }

    CurveFormatException error(long line, String problem) {
        return new CurveFormatException(source, unit, line, problem);
    }

    /** Parses one cell; {@code column} names it in the message. Blank text is an error. */
    double number(long line, String column, String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            throw error(line, column + " is empty; expected a number");
        }
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            throw error(line, column + " '" + trimmed + "' is not a number");
        }
    }

    /**
     * Checks and adds one row; {@code hasLoss = false} marks an LR-only row (its {@code loss} is
     * ignored). The column names are for the messages.
     */
    void add(long line, String stepColumn, double step, String lrColumn, double lr, String lossColumn,
            boolean hasLoss, double loss) {
        if (!Double.isFinite(step) || step != Math.rint(step) || step < 0) {
            throw error(line, stepColumn + " " + step + " is not a whole number >= 0");
        }
        if (step > MAX_STEP) {
            throw error(line, stepColumn + " " + (long) step + " exceeds the largest supported step " + MAX_STEP);
        }
        int s = (int) step;
        if (rows > 0 && s <= steps[rows - 1]) {
            throw error(line, stepColumn + " " + s + " does not increase (" + unit + " " + previousLine + " has "
                    + stepColumn + " " + steps[rows - 1] + ")");
        }
        if (Double.isNaN(lr) || Double.isInfinite(lr) || lr < 0) {
            throw error(line, lrColumn + " " + lr + " is not a finite number >= 0");
        }
        if (hasLoss) {
            if (Double.isNaN(loss)) {
                throw error(line, lossColumn + " is NaN; expected a positive number (leave it empty for a row"
                        + " that only gives the learning rate)");
            }
            if (!(loss > 0) || Double.isInfinite(loss)) {
                throw error(line, lossColumn + " " + loss + " is not a positive finite number");
            }
        }
        if (rows == steps.length) {
            steps = Arrays.copyOf(steps, rows * 2);
            rates = Arrays.copyOf(rates, rows * 2);
            losses = Arrays.copyOf(losses, rows * 2);
        }
        steps[rows] = s;
        rates[rows] = lr;
        losses[rows] = hasLoss ? loss : Double.NaN;
        rows++;
        if (hasLoss) {
            lossRows++;
        }
        previousLine = line;
    }

    /** Builds the curve; {@code endLine} locates "no data" problems. */
    LossCurve build(String name, long endLine) {
        if (rows == 0) {
            throw error(endLine, "no data rows");
        }
        if (lossRows == 0) {
            throw error(endLine, "no row has a loss (every row only gives the learning rate)");
        }
        int[] loggedSteps = new int[lossRows];
        double[] loggedLosses = new double[lossRows];
        for (int i = 0, j = 0; i < rows; i++) {
            if (!Double.isNaN(losses[i])) {
                loggedSteps[j] = steps[i];
                loggedLosses[j++] = losses[i];
            }
        }
        return LossCurve.of(name, loggedSteps, loggedLosses, perStepRates());
    }

    /**
     * The interpolation rule of {@link LossCurves}: linear from 0 at step 0 to the first row, then
     * linear between consecutive rows; equal neighbours give an exactly constant stretch.
     */
    private double[] perStepRates() {
        double[] perStep = new double[steps[rows - 1] + 1];
        int first = steps[0];
        for (int t = 0; t < first; t++) {
            perStep[t] = rates[0] * t / first;
        }
        perStep[first] = rates[0];
        for (int i = 0; i + 1 < rows; i++) {
            int from = steps[i];
            int to = steps[i + 1];
            double a = rates[i];
            double b = rates[i + 1];
            for (int t = from + 1; t < to; t++) {
                perStep[t] = a == b ? a : (a * (to - t) + b * (t - from)) / (to - from);
            }
            perStep[to] = b;
        }
        return perStep;
    }
}
