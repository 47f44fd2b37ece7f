package org.trainkit.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a fitted law is applied outside what it models or was fitted on, in words, to set next to a
 * prediction: the multi-power law's loss-drop sum (Luo et al. 2025) counts a learning-rate
 * increase (a warmup) as a negative drop, which it was never fitted to model; a schedule that
 * decays more than 1% below the lowest rate of the fitted curves (to zero, say) asks the law about rates it has
 * not seen; a run more than 5% longer than the longest fitted curve is an extrapolation in time; and the power
 * law in steps ignores the schedule entirely.
 */
public final class Applicability {

    private Applicability() {
    }

    /**
     * The notes for a prediction of {@code fit}'s law for a run with these per-step learning rates;
     * empty when the run stays within what the law was fitted on.
     */
    public static List<String> notes(FitResult fit, double[] learningRates) {
        List<String> notes = new ArrayList<>();
        Law law = fit.law();
        if (law instanceof PowerLaw) {
            notes.add("the power law in steps ignores the learning rate: every schedule gets the same prediction");
        }
        int increases = 0;
        for (int t = 1; t < learningRates.length; t++) {
            increases += learningRates[t] > learningRates[t - 1] ? 1 : 0;
        }
        if (increases > 0 && law instanceof MultiPowerLaw mpl) {
            double added = lossFromIncreases(mpl, learningRates);
            notes.add(String.format(Locale.ROOT, "the schedule raises the learning rate at %d steps (a warmup); the"
                    + " multi-power loss-drop sum counts each increase as a negative drop, which adds %.4f to the"
                    + " predicted final loss %.4f; the law was not fitted to model increases", increases,
                    added, mpl.finalLoss(learningRates)));
        }
        double lowestFitted = Double.POSITIVE_INFINITY;
        int longest = 0;
        for (LossCurve curve : fit.curves()) {
            int last = curve.steps[curve.size() - 1];
            for (int t = 0; t <= last; t++) {
                if (curve.lr[t] > 0 && t >= curve.steps[0]) {
                    lowestFitted = Math.min(lowestFitted, curve.lr[t]);
                }
            }
            longest = Math.max(longest, curve.totalSteps());
        }
        double lowest = Double.POSITIVE_INFINITY;
        for (double rate : learningRates) {
            lowest = Math.min(lowest, rate);
        }
        int afterWarmup = firstPeak(learningRates);
        double lowestAfterWarmup = Double.POSITIVE_INFINITY;
        for (int t = afterWarmup; t < learningRates.length; t++) {
            lowestAfterWarmup = Math.min(lowestAfterWarmup, learningRates[t]);
        }
        if (Double.isFinite(lowestFitted) && lowestAfterWarmup < lowestFitted * 0.99 && !(law instanceof PowerLaw)) {
            notes.add(String.format(Locale.ROOT, "the schedule decays to %.3g, below the lowest rate %.3g of the logged"
                    + " steps the law was fitted on: the prediction there is an extrapolation", lowestAfterWarmup,
                    lowestFitted));
        }
        if (learningRates.length > 1.05 * longest && longest > 0) {
            notes.add(String.format(Locale.ROOT, "the run has %d steps, %.1f times the longest fitted curve (%d steps):"
                    + " an extrapolation in time", learningRates.length, learningRates.length / (double) longest, longest));
        }
        return List.copyOf(notes);
    }

    /**
     * What the increases alone add to the multi-power prediction at the last step: the terms of
     * {@code -LD} with {@code d_k < 0} (direct sum, one power per increase).
     */
    static double lossFromIncreases(MultiPowerLaw law, double[] lr) {
        // LD(t) = B sum_k d_k G(eta_k^-gamma S_k(t)); the increases are the terms with d_k < 0.
        int last = lr.length - 1;
        double[] suffix = new double[lr.length + 1];
        for (int t = last; t >= 0; t--) {
            suffix[t] = suffix[t + 1] + lr[t];
        }
        double c = law.params().get("C");
        double beta = law.params().get("beta");
        double gamma = law.params().get("gamma");
        double b = law.params().get("B");
        double sum = 0;
        for (int k = 1; k <= last; k++) {
            double d = lr[k - 1] - lr[k];
            if (d < 0 && lr[k] > 0) {
                double x = Math.pow(lr[k], -gamma) * suffix[k];
                sum += d * (1 - Math.pow(c * x + 1, -beta));
            }
        }
        return -b * sum;
    }

    private static int firstPeak(double[] lr) {
        int peakAt = 0;
        for (int t = 1; t < lr.length; t++) {
            if (lr[t] > lr[peakAt]) {
                peakAt = t;
            }
            if (lr[t] < lr[t - 1]) {
                break;
            }
        }
        return peakAt;
    }
}
