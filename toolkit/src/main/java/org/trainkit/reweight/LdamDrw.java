package org.trainkit.reweight;

import java.util.Arrays;
import java.util.Optional;
import org.trainkit.schedules.SpecText;
import org.trainkit.train.SampleLoss;

/**
 * LDAM with deferred re-weighting (Cao et al., NeurIPS 2019): train with the
 * {@link LdamMargins margin loss} throughout, every sample weighing 1 until step {@code defer},
 * then class-balanced weights ({@link ClassBalanced}, Cui et al. 2019). Text form:
 * {@code ldam_drw(max_margin=0.5, scale=30, beta=0.9999, defer=...)} (the paper: margins scaled to
 * 0.5, logit scale 30 on normalised logits, re-weighting from 80% of training).
 *
 * @param maxMargin the margin of the rarest class, &gt; 0
 * @param scale the logit scale, &gt; 0
 * @param beta the class-balanced weights' beta, in {@code [0, 1)}
 * @param defer the step from which the class-balanced weights apply, &gt;= 0
 */
public record LdamDrw(double maxMargin, double scale, double beta, int defer) implements Reweighting {

    /** The name in the text form. */
    public static final String NAME = "ldam_drw";

    /** Checks the settings. */
    public LdamDrw {
        Require.positive(NAME, "max_margin", maxMargin);
        Require.positive(NAME, "scale", scale);
        Require.halfOpen(NAME, "beta", beta, 0, 1);
        Require.nonNegative(NAME, "defer", defer);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("max_margin", maxMargin).number("scale", scale).number("beta", beta)
                .steps("defer", defer).toString();
    }

    @Override
    public Weigher start(int[] classCounts) {
        Weigher balanced = new ClassBalanced(beta).start(classCounts);
        return batch -> {
            if (batch.step() >= defer) {
                return balanced.weights(batch);
            }
            double[] w = new double[batch.size()];
            Arrays.fill(w, 1);
            return w;
        };
    }

    @Override
    public Optional<SampleLoss> loss(int[] classCounts) {
        return Optional.of(new LdamMargins(classCounts, maxMargin, scale));
    }

    @Override
    public String toString() {
        return spec();
    }
}
