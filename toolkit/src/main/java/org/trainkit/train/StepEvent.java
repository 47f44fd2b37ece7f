package org.trainkit.train;

import java.util.Objects;
import java.util.function.Supplier;
import org.trainkit.checkpoint.ParameterSet;

/**
 * One optimizer step as a {@link StepListener} sees it, after the update: where the run is, what
 * the batch was, what the step computed, and the run's settings. Immutable (the arrays are copied
 * in and out); only {@link #parameters()} is tied to the moment of the call: the trainer's events
 * copy the parameters out of the model on the first call and refuse once the step's listeners
 * have returned.
 */
public final class StepEvent {

    private final RunSettings settings;
    private final int step;
    private final int epoch;
    private final double lr;
    private final double gradNorm;
    private final int[] indices;
    private final int[] ids;
    private final int[] labels;
    private final float[] losses;
    private final double[] weights;
    private final Supplier<ParameterSet> parameters;

    /**
     * An event for step {@code step}; the arrays describe the batch sample by sample (index
     * {@code i} is the same sample in each), {@code weights} is null without a weighting, and
     * {@code parameters} gives the parameters after the update.
     */
    public StepEvent(RunSettings settings, int step, int epoch, double lr, double gradNorm, int[] indices, int[] ids,
            int[] labels, float[] losses, double[] weights, Supplier<ParameterSet> parameters) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.step = step;
        this.epoch = epoch;
        this.lr = lr;
        this.gradNorm = gradNorm;
        if (indices.length == 0 || ids.length != indices.length || labels.length != indices.length
                || losses.length != indices.length || weights != null && weights.length != indices.length) {
            throw new IllegalArgumentException("a step event needs one index, id, label, loss (and weight) per sample");
        }
        this.indices = indices.clone();
        this.ids = ids.clone();
        this.labels = labels.clone();
        this.losses = losses.clone();
        this.weights = weights == null ? null : weights.clone();
        this.parameters = Objects.requireNonNull(parameters, "parameters");
    }

    /** The run's settings. */
    public RunSettings settings() {
        return settings;
    }

    /** The 0-based optimizer step just taken. */
    public int step() {
        return step;
    }

    /** The 0-based epoch the step belongs to. */
    public int epoch() {
        return epoch;
    }

    /** The learning rate the step used. */
    public double lr() {
        return lr;
    }

    /** The plain mean per-sample loss of the batch before the update (unweighted), as logged: cross-entropy unless the run has a {@link SampleLoss}. */
    public double loss() {
        double sum = 0;
        for (float l : losses) {
            sum += l;
        }
        return sum / losses.length;
    }

    /** The global L2 norm of the gradient before the update, as logged. */
    public double gradNorm() {
        return gradNorm;
    }

    /** The batch size of this step. */
    public int size() {
        return indices.length;
    }

    /** Each sample's index in the training set (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    /** Each sample's id: its index in the dataset the training set was drawn from (a copy). */
    public int[] ids() {
        return ids.clone();
    }

    /** Each sample's class label (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** Each sample's loss before the update (a copy): cross-entropy unless the run has a {@link SampleLoss}. */
    public float[] losses() {
        return losses.clone();
    }

    /** Each sample's weight from the run's {@link SampleWeighting} (a copy), or null without one. */
    public double[] weights() {
        return weights == null ? null : weights.clone();
    }

    /**
     * The parameters after this step's update. In the trainer's events they are copied out on the
     * first call (later calls during the same step return the same set).
     *
     * @throws IllegalStateException in the trainer's events, when called after the listener calls
     *     of this step returned
     */
    public ParameterSet parameters() {
        return parameters.get();
    }

    @Override
    public String toString() {
        return "StepEvent[step " + step + ", epoch " + epoch + ", lr " + lr + ", loss " + loss() + ", " + size()
                + " samples]";
    }
}
