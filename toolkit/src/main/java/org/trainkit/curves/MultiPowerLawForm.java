package org.trainkit.curves;

import java.util.ArrayList;
import java.util.List;

/**
 * The form of {@link MultiPowerLaw}: L0 (any sign), and A, alpha, B, C, beta, gamma (positive).
 *
 * <p>Starting point, following the reference fitting of Luo et al.: a grid over alpha for the simpler
 * law {@code L0 + A S1^-alpha - B (eta_max - eta_t)} (linear in L0, A, B, which are solved by least
 * squares at each alpha), then {@code C = 1, beta = 0.5, gamma = 0.5}. One refinement: at that
 * alpha, C, beta and gamma, L0, A and B are solved again by linear least squares with the full law's
 * loss-drop shape, which costs one loss-drop evaluation and puts the optimiser's start much closer.
 */
final class MultiPowerLawForm extends LawForm {

    static final double START_C = 1;
    static final double START_BETA = 0.5;
    static final double START_GAMMA = 0.5;

    MultiPowerLawForm() {
        super("mpl", List.of(Parameter.real("L0"), Parameter.positive("A"), Parameter.exponent("alpha", 10),
                Parameter.positive("B"), Parameter.positive("C"), Parameter.exponent("beta", 20),
                Parameter.exponent("gamma", 10)));
    }

    @Override
    public Law law(double... values) {
        checkCount(values);
        return new MultiPowerLaw(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
    }

    @Override
    CurveModel model(double[] lr, int[] steps) {
        return new Model(lr, steps);
    }

    /**
     * The best fit of the simpler law {@code L0 + A S1^-alpha - B (eta_max - eta_t)} over the
     * exponent grid (linear in L0, A, B), or null where none is valid.
     */
    private static LinearProfile.Best simpleLaw(List<CurveModel> models, List<double[]> losses, double huberDelta) {
        return LinearProfile.best(models, losses, LinearProfile.exponentGrid(),
                (c, model, alpha) -> {
                    double peak = 0;
                    for (double rate : model.lr) {
                        peak = Math.max(peak, rate);
                    }
                    double[][] columns = new double[3][model.size()];
                    for (int i = 0; i < model.size(); i++) {
                        columns[0][i] = 1;
                        columns[1][i] = Math.pow(model.s1[model.steps[i]], -alpha);
                        columns[2][i] = -(peak - model.lr[model.steps[i]]);
                    }
                    return columns;
                }, new boolean[] {false, true, true}, huberDelta);
    }

    /**
     * The reference fitting's own start: the simpler law's {@code L0, A, alpha, B} with
     * {@code C = 1, beta = 0.5, gamma = 0.5}, without the refinement of {@link #start}.
     */
    double[] referenceStart(List<CurveModel> models, List<double[]> losses, double huberDelta) {
        LinearProfile.Best simple = simpleLaw(models, losses, huberDelta);
        if (simple == null) {
            return start(models, losses, huberDelta);
        }
        double[] k = simple.coefficients();
        return new double[] {k[0], k[1], simple.exponent(), k[2], START_C, START_BETA, START_GAMMA};
    }

    @Override
    double[] start(List<CurveModel> models, List<double[]> losses, double huberDelta) {
        LinearProfile.Best simple = simpleLaw(models, losses, huberDelta);
        double alpha = simple == null ? 0.5 : simple.exponent();
        List<double[]> drops = models.stream()
                .map(m -> {
                    double[] unitDrop = new double[m.size()];
                    m.predict(new double[] {0, 0, alpha, 1, START_C, START_BETA, START_GAMMA}, unitDrop, null, 0);
                    return unitDrop;
                }).toList();
        LinearProfile.Best full = LinearProfile.solve(models, losses, alpha, (c, model, exponent) -> {
            double[][] columns = new double[3][model.size()];
            for (int i = 0; i < model.size(); i++) {
                columns[0][i] = 1;
                columns[1][i] = Math.pow(model.s1[model.steps[i]], -exponent);
                columns[2][i] = drops.get(c)[i];
            }
            return columns;
        }, huberDelta);
        if (full != null && full.coefficients()[1] > 0 && full.coefficients()[2] > 0) {
            double[] k = full.coefficients();
            return new double[] {k[0], k[1], alpha, k[2], START_C, START_BETA, START_GAMMA};
        }
        if (simple != null) {
            double[] k = simple.coefficients();
            return new double[] {k[0], k[1], alpha, k[2], START_C, START_BETA, START_GAMMA};
        }
        return new double[] {0, 1, alpha, 1, START_C, START_BETA, START_GAMMA};
    }

    /**
     * The start with C, beta and gamma moved over a small grid ({@code C} 0.1, 1, 10; {@code beta}
     * 0.25, 1; {@code gamma} 0.25, 1), for curves where the reference start does not converge.
     */
    @Override
    List<double[]> fallbackStarts(List<CurveModel> models, List<double[]> losses, double huberDelta, double[] start) {
        List<double[]> starts = new ArrayList<>();
        for (double c : new double[] {0.1, 1, 10}) {
            for (double beta : new double[] {0.25, 1}) {
                for (double gamma : new double[] {0.25, 1}) {
                    double[] next = start.clone();
                    next[4] = c;
                    next[5] = beta;
                    next[6] = gamma;
                    starts.add(next);
                }
            }
        }
        return starts;
    }

    /**
     * {@code L0 + A S1^-alpha - B (D - H)} at each query step, with {@code D = eta_0 - eta_t} the sum
     * of all drops and {@code H} from {@link LossDropSum}.
     */
    static final class Model extends CurveModel {

        private final LossDropSum drops;

        Model(double[] lr, int[] steps) {
            super(lr, steps);
            this.drops = new LossDropSum(lr, s1, steps);
        }

        @Override
        void predict(double[] p, double[] out, double[][] jacobian, int row) {
            int n = steps.length;
            double[] h;
            double[] dc = null;
            double[] dbeta = null;
            double[] dgamma = null;
            if (jacobian == null) {
                h = drops.values(p[4], p[5], p[6]);
            } else {
                h = new double[n];
                dc = new double[n];
                dbeta = new double[n];
                dgamma = new double[n];
                drops.valuesAndDerivatives(p[4], p[5], p[6], h, dc, dbeta, dgamma);
            }
            double[] term = new double[2];
            for (int i = 0; i < n; i++) {
                double s = s1[steps[i]];
                double allDrops = lr[0] - lr[steps[i]];
                double lossDrop = allDrops - h[i];
                out[row + i] = p[0] + p[1] * Math.pow(s, -p[2]) - p[3] * lossDrop;
                if (jacobian != null) {
                    double[] j = jacobian[row + i];
                    j[0] = 1;
                    powerTerm(p[1], p[2], s, term, 0);
                    j[1] = term[0];
                    j[2] = term[1];
                    j[3] = -lossDrop;
                    j[4] = p[3] * dc[i];
                    j[5] = p[3] * dbeta[i];
                    j[6] = p[3] * dgamma[i];
                }
            }
        }
    }
}
