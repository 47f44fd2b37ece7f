package org.trainkit.reweight;

import java.util.Arrays;

/** Every sample weighs 1: plain empirical risk minimisation, the baseline of every comparison. */
public record Uniform() implements Reweighting {

    /** The name in the text form. */
    public static final String NAME = "uniform";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spec() {
        return NAME + "()";
    }

    @Override
    public Weigher start(int[] classCounts) {
        return batch -> {
            double[] w = new double[batch.size()];
            Arrays.fill(w, 1);
            return w;
        };
    }

    @Override
    public String toString() {
        return spec();
    }
}
