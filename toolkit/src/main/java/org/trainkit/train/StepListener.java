package org.trainkit.train;

/**
 * Called by {@link Trainer} after every optimizer step, in the order the listeners were added,
 * on the training thread: for per-step logging, probes of the parameters along the run, or
 * checkpoints ({@link StepEvent#parameters()} copies the current parameters out when asked).
 * An exception thrown here ends the run.
 */
@FunctionalInterface
public interface StepListener {

    /** One step has been taken. */
    void onStep(StepEvent event);
}
