package org.trainkit.reweight;

import java.util.EnumMap;
import java.util.Map;
import org.trainkit.core.Stats;
import org.trainkit.data.LabelledImages;
import org.trainkit.train.ModelEvaluation;
import org.trainkit.train.TrainingResult;

/**
 * The measurements of one training run that the reweighting comparison reports ({@link Metric}):
 * clean test accuracy, loss and worst-class accuracy; the tail of the per-sample training loss on
 * the clean training samples (90th, 99th percentile, max); the share of flipped training labels
 * the model reproduces (memorised noise, NaN for a clean training set); and samples processed.
 * The training-set measurements come from evaluating the trained parameters on the training set
 * (loss against the given, possibly flipped, labels; clean samples' given labels are their true
 * ones).
 */
public final class RunMetrics {

    private final Map<Metric, Double> values;
    private final double[] classAccuracy;
    private final double secondsPerStep;

    private RunMetrics(Map<Metric, Double> values, double[] classAccuracy, double secondsPerStep) {
        this.values = values;
        this.classAccuracy = classAccuracy;
        this.secondsPerStep = secondsPerStep;
    }

    /**
     * The metrics of {@code result}, a run on {@code train}, with {@code onTrain} the evaluation
     * of its trained parameters on {@code train}.
     */
    public static RunMetrics of(TrainingResult result, LabelledImages train, ModelEvaluation onTrain) {
        if (onTrain.size() != train.size()) {
            throw new IllegalArgumentException("the training-set evaluation has " + onTrain.size()
                    + " samples, the training set " + train.size());
        }
        ModelEvaluation test = result.testEvaluation();
        boolean[] flipped = train.flippedMask();
        float[] losses = onTrain.sampleLosses();
        int[] predictions = onTrain.predictions();
        int nClean = 0;
        int nFlipped = 0;
        int memorised = 0;
        for (int i = 0; i < flipped.length; i++) {
            if (flipped[i]) {
                nFlipped++;
                memorised += predictions[i] == train.label(i) ? 1 : 0;
            } else {
                nClean++;
            }
        }
        double[] clean = new double[nClean];
        for (int i = 0, k = 0; i < flipped.length; i++) {
            if (!flipped[i]) {
                clean[k++] = losses[i];
            }
        }
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.TEST_ACCURACY, test.accuracy());
        v.put(Metric.TEST_LOSS, test.meanLoss());
        v.put(Metric.WORST_CLASS_ACCURACY, test.worstClassAccuracy());
        v.put(Metric.CLEAN_LOSS_P90, Stats.quantile(clean, 0.90));
        v.put(Metric.CLEAN_LOSS_P99, Stats.quantile(clean, 0.99));
        v.put(Metric.CLEAN_LOSS_MAX, Stats.max(clean));
        v.put(Metric.MEMORISED_NOISE, nFlipped == 0 ? Double.NaN : (double) memorised / nFlipped);
        v.put(Metric.SAMPLES_PROCESSED, (double) result.samplesProcessed());
        return new RunMetrics(v, test.classAccuracy(), result.trainSeconds() / result.steps());
    }

    /** The value of {@code metric}. */
    public double get(Metric metric) {
        return values.get(metric);
    }

    /** The test accuracy of each class (index = class; a copy). */
    public double[] classAccuracy() {
        return classAccuracy.clone();
    }

    /** Wall time of the training loop per step, in seconds. */
    public double secondsPerStep() {
        return secondsPerStep;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
