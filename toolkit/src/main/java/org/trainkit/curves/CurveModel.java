package org.trainkit.curves;

/**
 * A law's form prepared for one curve: everything about the curve that does not depend on the
 * parameters (the forward area {@code S1}, the learning-rate drops), so that each evaluation during a
 * fit costs only what the parameters change. Evaluates the law at the query steps, optionally with its
 * Jacobian.
 */
abstract class CurveModel {

    final double[] lr;
    final double[] s1;
    final int[] steps;

    CurveModel(double[] lr, int[] steps) {
        this.lr = lr;
        this.s1 = forwardArea(lr);
        this.steps = steps;
    }

    /** Number of query steps. */
    final int size() {
        return steps.length;
    }

    /**
     * Writes the predicted loss at query step {@code i} into {@code out[row + i]}; when
     * {@code jacobian} is not null, also {@code jacobian[row + i][p] = d out[row + i] / d params[p]}.
     */
    abstract void predict(double[] params, double[] out, double[][] jacobian, int row);

    /**
     * {@code S1(t) = lr[0] + ... + lr[t]} for every step, summed in order: with non-negative rates the
     * computed sums never decrease, which {@link LossDropSum} relies on (the rounding error, below
     * 1e-11 relative for 10^5 steps, is far under what a fit can see).
     */
    static double[] forwardArea(double[] lr) {
        double[] s1 = new double[lr.length];
        double sum = 0;
        for (int t = 0; t < lr.length; t++) {
            sum += lr[t];
            s1[t] = sum;
        }
        return s1;
    }

    /** Checks the arguments every {@link Law#predict(double[], int[])} takes. */
    static void checkSteps(double[] learningRates, int[] steps) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 0 || steps[i] >= learningRates.length) {
                throw new IllegalArgumentException("step " + steps[i] + " is outside the " + learningRates.length
                        + " steps that have a learning rate");
            }
            if (i > 0 && steps[i] <= steps[i - 1]) {
                throw new IllegalArgumentException("steps must increase: " + steps[i - 1] + " then " + steps[i]);
            }
        }
    }

    /** {@code A S1^-alpha} and its derivatives in A and alpha, the term every law but one shares. */
    static void powerTerm(double a, double alpha, double area, double[] into, int offset) {
        double power = Math.pow(area, -alpha);
        into[offset] = power;
        into[offset + 1] = -a * power * Math.log(area);
    }
}
