package org.trainkit.train;

/**
 * Optimizer choices for {@link Trainer#optimizer}, with the usual default settings: SGD with
 * momentum 0.9, Adam and AdamW with betas (0.9, 0.999) and epsilon 1e-8.
 */
public final class Optimizers {

    private Optimizers() {
    }

    /** SGD with momentum 0.9. */
    public static OptimizerSpec sgd() {
        return sgd(0.9);
    }

    /** SGD with the given momentum (0 for plain SGD). */
    public static OptimizerSpec sgd(double momentum) {
        return new OptimizerSpec.Sgd(momentum);
    }

    /** Adam with betas (0.9, 0.999), epsilon 1e-8, no weight decay. */
    public static OptimizerSpec adam() {
        return new OptimizerSpec.Adam(0.9, 0.999, 1e-8);
    }

    /** AdamW with decoupled weight decay {@code weightDecay}, betas (0.9, 0.999), epsilon 1e-8. */
    public static OptimizerSpec adamW(double weightDecay) {
        return new OptimizerSpec.AdamW(weightDecay, 0.9, 0.999, 1e-8);
    }
}
