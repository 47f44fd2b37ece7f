package org.trainkit.curves;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The learning-rate annealing law of Tissue et al. (2024, "Scaling Law with Learning Rate
 * Annealing", arXiv 2408.11029):
 * <pre>
 *   L(t) = L0 + A S1(t)^-alpha - C S2(t),   S1(t) = sum_{i<=t} eta_i,
 *   S2(t) = sum_{i<=t} m_i,   m_i = lambda m_{i-1} + (eta_{i-1} - eta_i),   m_0 = 0.
 * </pre>
 * The paper suggests {@code lambda} about 0.999. Known weak spots (as reviewers noted): appending
 * zero-learning-rate steps lowers the prediction, scaling the whole schedule up always lowers it, and
 * non-monotone schedules are missed.
 *
 * @param l0 the loss floor L0
 * @param a the coefficient A of the forward-area term
 * @param alpha the exponent of the forward-area term
 * @param c the coefficient C of the annealing area S2
 * @param lambda the momentum decay of S2, in (0, 1)
 */
public record AnnealingLaw(double l0, double a, double alpha, double c, double lambda) implements Law {

    @Override
    public String name() {
        return "annealing";
    }

    @Override
    public Map<String, Double> params() {
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("L0", l0);
        params.put("A", a);
        params.put("alpha", alpha);
        params.put("C", c);
        params.put("lambda", lambda);
        return params;
    }

    @Override
    public double[] predict(double[] learningRates, int[] steps) {
        CurveModel.checkSteps(learningRates, steps);
        double[] out = new double[steps.length];
        new AnnealingLawForm.Model(learningRates, steps, Double.NaN)
                .predict(new double[] {l0, a, alpha, c, lambda}, out, null, 0);
        return out;
    }
}
