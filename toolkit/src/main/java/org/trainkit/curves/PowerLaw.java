package org.trainkit.curves;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The power law in steps, {@code L(t) = E + A t^-alpha} ("One Epoch Is All You Need", Komatsuzaki
 * 2019; the classic form of Kaplan et al. 2020). It ignores the learning rate: the baseline the
 * schedule-aware laws are compared against, and the law for runs whose schedule is unknown.
 *
 * @param e the irreducible loss E
 * @param a the coefficient A
 * @param alpha the exponent
 */
public record PowerLaw(double e, double a, double alpha) implements Law {

    @Override
    public String name() {
        return "power";
    }

    @Override
    public Map<String, Double> params() {
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("E", e);
        params.put("A", a);
        params.put("alpha", alpha);
        return params;
    }

    @Override
    public double[] predict(double[] learningRates, int[] steps) {
        CurveModel.checkSteps(learningRates, steps);
        double[] out = new double[steps.length];
        new PowerLawForm.Model(learningRates, steps).predict(new double[] {e, a, alpha}, out, null, 0);
        return out;
    }
}
