package org.trainkit.curves;

import java.util.List;

/** The form of {@link PowerLaw}: parameters E (any sign), A and alpha (positive). */
final class PowerLawForm extends LawForm {

    PowerLawForm() {
        super("power", List.of(Parameter.real("E"), Parameter.positive("A"), Parameter.exponent("alpha", 10)));
    }

    @Override
    public Law law(double... values) {
        checkCount(values);
        return new PowerLaw(values[0], values[1], values[2]);
    }

    @Override
    String undefinedAt(CurveModel model, int step) {
        return step > 0 ? null : "t^-alpha is infinite";
    }

    @Override
    CurveModel model(double[] lr, int[] steps) {
        return new Model(lr, steps);
    }

    @Override
    double[] start(List<CurveModel> models, List<double[]> losses, double huberDelta) {
        LinearProfile.Best best = LinearProfile.best(models, losses, LinearProfile.exponentGrid(),
                (c, model, alpha) -> {
                    double[] one = new double[model.size()];
                    double[] power = new double[model.size()];
                    for (int i = 0; i < one.length; i++) {
                        one[i] = 1;
                        power[i] = Math.pow(model.steps[i], -alpha);
                    }
                    return new double[][] {one, power};
                }, new boolean[] {false, true}, huberDelta);
        if (best == null) {
            return new double[] {0, 1, 0.5};
        }
        return new double[] {best.coefficients()[0], best.coefficients()[1], best.exponent()};
    }

    /** {@code E + A t^-alpha} at each query step {@code t}. */
    static final class Model extends CurveModel {

        Model(double[] lr, int[] steps) {
            super(lr, steps);
        }

        @Override
        void predict(double[] p, double[] out, double[][] jacobian, int row) {
            double[] term = new double[2];
            for (int i = 0; i < steps.length; i++) {
                double power = Math.pow(steps[i], -p[2]);
                out[row + i] = p[0] + p[1] * power;
                if (jacobian != null) {
                    double[] j = jacobian[row + i];
                    j[0] = 1;
                    powerTerm(p[1], p[2], steps[i], term, 0);
                    j[1] = term[0];
                    j[2] = term[1];
                }
            }
        }
    }
}
