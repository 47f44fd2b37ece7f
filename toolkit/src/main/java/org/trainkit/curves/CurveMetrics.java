package org.trainkit.curves;

/**
 * How well a law predicts one curve, over the curve's logged points {@code i} with losses
 * {@code L_i} and predictions {@code L^_i} (definitions of Luo et al. 2025, section 1 of
 * REFERENCES.md):
 * <ul>
 *   <li>{@code r2} = {@code 1 - sum (L_i - L^_i)^2 / sum (L_i - mean L)^2},</li>
 *   <li>{@code mae} = mean {@code |L_i - L^_i|}, {@code rmse} = root mean square of {@code L_i - L^_i},</li>
 *   <li>{@code predE} = mean of the relative errors {@code e_i = |L_i - L^_i| / L_i},</li>
 *   <li>{@code worstE} = the largest {@code e_i}.</li>
 * </ul>
 *
 * @param name the curve's name
 * @param points the number of logged points compared
 */
public record CurveMetrics(String name, int points, double r2, double mae, double rmse, double predE,
        double worstE) {

    /** The metrics of {@code predicted} against {@code actual}. */
    static CurveMetrics of(String name, double[] actual, double[] predicted) {
        int n = actual.length;
        double mean = 0;
        for (double loss : actual) {
            mean += loss / n;
        }
        double squares = 0;
        double total = 0;
        double absolute = 0;
        double relative = 0;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            double error = actual[i] - predicted[i];
            squares += error * error;
            total += (actual[i] - mean) * (actual[i] - mean);
            absolute += Math.abs(error);
            double e = Math.abs(error) / actual[i];
            relative += e;
            worst = Math.max(worst, Double.isNaN(e) ? Double.POSITIVE_INFINITY : e);
        }
        return new CurveMetrics(name, n, 1 - squares / total, absolute / n, Math.sqrt(squares / n), relative / n, worst);
    }
}
