package org.trainkit.curves;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The multi-power law of Luo et al. ("A Multi-Power Law for Loss Curve Prediction Across Learning
 * Rate Schedules", ICLR 2025, arXiv 2503.12811):
 * <pre>
 *   L(t)  = L0 + A S1(t)^-alpha - LD(t),
 *   LD(t) = B sum_{k=1..t} (eta_{k-1} - eta_k) G(eta_k^-gamma S_k(t)),
 *   S_k(t) = sum_{tau=k..t} eta_tau,   G(x) = 1 - (C x + 1)^-beta.
 * </pre>
 * The drop sum runs over every step including the warmup (whose increases count as negative drops),
 * as in the paper's own evaluation; it is computed in time linear in the steps plus queries by
 * {@link LossDropSum} (an exponential-sum approximation accurate to about 1e-11 relative).
 *
 * <p>Published fits: 25M model {@code (3.04045406, 0.52468604, 0.50786857, 363.78751622,
 * 2.06560812, 0.58279013, 0.64142257)}, 100M model {@code (2.6514477, 0.60115152, 0.45295811,
 * 437.9464276, 2.13245612, 0.59785199, 0.65523644)}.
 *
 * @param l0 the loss floor L0
 * @param a the coefficient A of the forward-area term
 * @param alpha the exponent of the forward-area term
 * @param b the scale B of the loss drop
 * @param c the scale C inside G
 * @param beta the exponent of G
 * @param gamma the exponent of the learning rate inside G
 */
public record MultiPowerLaw(double l0, double a, double alpha, double b, double c, double beta, double gamma)
        implements Law {

    @Override
    public String name() {
        return "mpl";
    }

    @Override
    public Map<String, Double> params() {
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("L0", l0);
        params.put("A", a);
        params.put("alpha", alpha);
        params.put("B", b);
        params.put("C", c);
        params.put("beta", beta);
        params.put("gamma", gamma);
        return params;
    }

    @Override
    public double[] predict(double[] learningRates, int[] steps) {
        CurveModel.checkSteps(learningRates, steps);
        double[] out = new double[steps.length];
        new MultiPowerLawForm.Model(learningRates, steps)
                .predict(new double[] {l0, a, alpha, b, c, beta, gamma}, out, null, 0);
        return out;
    }
}
