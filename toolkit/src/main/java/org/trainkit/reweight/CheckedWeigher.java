package org.trainkit.reweight;

import org.trainkit.train.SampleLosses;

/**
 * Wraps a run's {@link Weigher} and checks its weights at every step, before they reach the
 * gradient: one per sample, each finite and &gt;= 0, and not all zero unless the strategy
 * {@link Reweighting#mayWeighAllZero() allows it}. A violation is a {@link WeightException}
 * naming the strategy, the step and the sample.
 */
final class CheckedWeigher implements Weigher {

    private final Reweighting strategy;
    private final Weigher weigher;

    CheckedWeigher(Reweighting strategy, Weigher weigher) {
        this.strategy = strategy;
        this.weigher = weigher;
    }

    Weigher unchecked() {
        return weigher;
    }

    @Override
    public double[] weights(SampleLosses batch) {
        double[] weights = weigher.weights(batch);
        String who = strategy.spec();
        if (weights == null || weights.length != batch.size()) {
            throw new WeightException(who + " gave " + (weights == null ? "no weights" : weights.length + " weights")
                    + " at step " + batch.step() + "; expected " + batch.size() + ", one per sample");
        }
        boolean anyPositive = false;
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new WeightException(who + " gave weight " + w + " to sample " + i + " (id " + batch.ids()[i]
                        + ", loss " + batch.losses()[i] + ") at step " + batch.step() + "; expected a finite weight >= 0");
            }
            anyPositive |= w > 0;
        }
        if (!anyPositive && !strategy.mayWeighAllZero()) {
            throw new WeightException(who + " gave weight 0 to every sample at step " + batch.step() + " (sample 0 has id "
                    + batch.ids()[0] + "); this strategy needs at least one positive weight per batch");
        }
        return weights;
    }
}
