package org.trainkit.reweight;

/**
 * A sample-reweighting or data-selection strategy as an immutable value with a text form, such as
 * {@code linupper(r=1, warmup=1000)} or {@code class_balanced(beta=0.9999)}: {@link #spec()}
 * prints the canonical text and {@link Strategies#parse} reads it back to an equal value. The
 * kinds: a {@link Reweighting} gives each sample of a batch a weight (in the harness or in a plain
 * DJL loop through {@link ReweightedLoss}); a {@link Selection} chooses which samples a step sees;
 * the group strategies ({@link DoReMi}, {@link BilevelGroupWeights}) and the diffusion timestep
 * weights ({@link MinSnr}) are functions to call. Formulas: REFERENCES.md section 3.
 */
public interface Strategy {

    /** The strategy's name in the text form, e.g. {@code linupper}. */
    String name();

    /** The canonical text form, every key written out in the registry's order. */
    String spec();
}
