package org.trainkit.curves;

import java.util.Objects;

/**
 * The names of the step, learning-rate and loss columns (or JSON fields) of a loss-curve file.
 * Column order in the file does not matter and other columns are ignored.
 *
 * @param step name of the optimizer-step column (whole numbers, strictly increasing)
 * @param lr name of the learning-rate column (finite, non-negative)
 * @param loss name of the loss column (positive; empty for a row that only gives the learning rate)
 */
public record CurveColumns(String step, String lr, String loss) {

    /** The default names {@code step}, {@code lr}, {@code loss}. */
    public static final CurveColumns DEFAULT = new CurveColumns("step", "lr", "loss");

    public CurveColumns {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(lr, "lr");
        Objects.requireNonNull(loss, "loss");
        if (step.equals(lr) || step.equals(loss) || lr.equals(loss)) {
            throw new IllegalArgumentException("column names must differ: " + step + ", " + lr + ", " + loss);
        }
    }
}
