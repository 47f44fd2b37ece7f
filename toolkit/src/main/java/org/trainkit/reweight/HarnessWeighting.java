package org.trainkit.reweight;

import org.trainkit.train.SampleLosses;
import org.trainkit.train.SampleWeighting;

/**
 * A {@link Reweighting} as the harness's {@link SampleWeighting} for one run: checked weights at
 * every step, the strategy's text form as its description in the run's settings, and access to
 * the run's state (for instance Feasible Learning's multipliers) through {@link #state()}.
 */
public final class HarnessWeighting implements SampleWeighting {

    private final Reweighting strategy;
    private final CheckedWeigher weigher;

    HarnessWeighting(Reweighting strategy, int[] classCounts) {
        this.strategy = strategy;
        this.weigher = (CheckedWeigher) strategy.weigher(classCounts);
    }

    @Override
    public double[] weights(SampleLosses batch) {
        return weigher.weights(batch);
    }

    /** The strategy. */
    public Reweighting strategy() {
        return strategy;
    }

    /** The run's state: the strategy's own {@link Weigher} (e.g. a {@link FeasibleLearning.Multipliers}). */
    public Weigher state() {
        return weigher.unchecked();
    }

    @Override
    public String toString() {
        return strategy.spec();
    }
}
