package org.trainkit.curves;

import java.util.List;
import java.util.Map;
import org.trainkit.schedules.Schedule;

/**
 * A loss-curve law with its parameter values: given the learning rate of every step of a run, it
 * predicts the loss at any step. The implementations are the power law in steps ({@link PowerLaw}),
 * the learning-rate annealing law ({@link AnnealingLaw}) and the multi-power law
 * ({@link MultiPowerLaw}); {@link LawForm} is the same family without values, to fit.
 *
 * <p>Every prediction costs time linear in the number of steps plus query steps. The loss at a step
 * where the forward area {@code S1} is 0 (step 0 of a warmup from 0) is {@code +Infinity}: the
 * laws' power term {@code S1^-alpha} is undefined there.
 */
public sealed interface Law permits PowerLaw, AnnealingLaw, MultiPowerLaw, MeanLaw {

    /** The short name: {@code power}, {@code annealing} or {@code mpl}. */
    String name();

    /** Parameter names to values, in the order of the law's formula. */
    Map<String, Double> params();

    /**
     * The predicted loss at each of {@code steps} (strictly increasing, each below
     * {@code learningRates.length}) for a run with the given per-step learning rates.
     */
    double[] predict(double[] learningRates, int[] steps);

    /** The predicted loss at every step {@code 0 .. T-1} of a run with these per-step learning rates. */
    default double[] predict(double[] learningRates) {
        int[] all = new int[learningRates.length];
        for (int t = 0; t < all.length; t++) {
            all[t] = t;
        }
        return predict(learningRates, all);
    }

    /** The predicted loss at every step of a run under {@code schedule}. */
    default double[] predict(Schedule schedule) {
        return predict(schedule.toArray());
    }

    /** The predicted loss at each logged step of {@code curve}, under the curve's learning rates. */
    default double[] predict(LossCurve curve) {
        return predict(curve.lr, curve.steps);
    }

    /** The predicted loss at the last step of a run with these per-step learning rates. */
    default double finalLoss(double[] learningRates) {
        return predict(learningRates, new int[] {learningRates.length - 1})[0];
    }

    /** The predicted loss at the last step of a run under {@code schedule}. */
    default double finalLoss(Schedule schedule) {
        return finalLoss(schedule.toArray());
    }

    /** The error metrics of this law's predictions on {@code curves} (see {@link Evaluation}). */
    default Evaluation evaluate(List<LossCurve> curves) {
        return Evaluation.of(this, curves);
    }
}
