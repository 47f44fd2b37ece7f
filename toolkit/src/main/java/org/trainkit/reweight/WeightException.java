package org.trainkit.reweight;

/**
 * A strategy produced weights a training step cannot use: not finite, negative, the wrong number,
 * or all zero where the strategy does not allow it. The message names the strategy (its text
 * form), the step and the sample, e.g. {@code linupper(r=1, warmup=0) gave weight NaN to sample 3
 * (id 1207) at step 17; expected a finite weight >= 0}.
 */
public final class WeightException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** An error with the given one-line message. */
    public WeightException(String message) {
        super(message);
    }
}
