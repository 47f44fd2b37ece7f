package org.trainkit.train;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How one set of parameters does on one labelled split: the mean cross-entropy, the accuracy, the
 * accuracy of each class, and each sample's loss and predicted class (the arg-max logit, the lowest
 * class on ties). Made by {@link Evaluator} and by every {@link Trainer} run for its test split.
 * Immutable: the arrays are copied in and out.
 */
public final class ModelEvaluation {

    private final String split;
    private final List<String> classNames;
    private final int[] labels;
    private final int[] predictions;
    private final float[] sampleLosses;

    /**
     * An evaluation of {@code labels.length} samples of the split named {@code split}.
     *
     * @param labels each sample's true class, an index into {@code classNames}
     * @param predictions each sample's predicted class
     * @param sampleLosses each sample's cross-entropy
     */
    public ModelEvaluation(String split, List<String> classNames, int[] labels, int[] predictions,
            float[] sampleLosses) {
        this.split = Objects.requireNonNull(split, "split");
        this.classNames = List.copyOf(classNames);
        if (labels.length == 0 || predictions.length != labels.length || sampleLosses.length != labels.length) {
            throw new IllegalArgumentException("an evaluation needs one label, prediction and loss per sample, got "
                    + labels.length + ", " + predictions.length + " and " + sampleLosses.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size() || predictions[i] < 0
                    || predictions[i] >= classNames.size()) {
                throw new IllegalArgumentException("sample " + i + ": label " + labels[i] + " or prediction "
                        + predictions[i] + " is not a class 0.." + (classNames.size() - 1));
            }
        }
        this.labels = labels.clone();
        this.predictions = predictions.clone();
        this.sampleLosses = sampleLosses.clone();
    }

    /** The name of the evaluated split. */
    public String split() {
        return split;
    }

    /** The number of evaluated samples. */
    public int size() {
        return labels.length;
    }

    /** The mean cross-entropy over the samples (summed in double precision, in sample order). */
    public double meanLoss() {
        double sum = 0;
        for (float loss : sampleLosses) {
            sum += loss;
        }
        return sum / sampleLosses.length;
    }

    /** The fraction of samples whose predicted class is the true one. */
    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predictions[i] == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /** The class names, indexed by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** The accuracy on the samples of each class, indexed by label; NaN for a class with no samples. */
    public double[] classAccuracy() {
        int classes = classNames.size();
        int[] count = new int[classes];
        int[] correct = new int[classes];
        for (int i = 0; i < labels.length; i++) {
            count[labels[i]]++;
            if (predictions[i] == labels[i]) {
                correct[labels[i]]++;
            }
        }
        double[] accuracy = new double[classes];
        for (int c = 0; c < classes; c++) {
            accuracy[c] = count[c] == 0 ? Double.NaN : (double) correct[c] / count[c];
        }
        return accuracy;
    }

    /** The lowest accuracy of any class that has samples. */
    public double worstClassAccuracy() {
        return Arrays.stream(classAccuracy()).filter(a -> !Double.isNaN(a)).min().orElseThrow();
    }

    /** Each sample's true class (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** Each sample's predicted class (a copy). */
    public int[] predictions() {
        return predictions.clone();
    }

    /** Each sample's cross-entropy (a copy). */
    public float[] sampleLosses() {
        return sampleLosses.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelEvaluation e && split.equals(e.split) && classNames.equals(e.classNames)
                && Arrays.equals(labels, e.labels) && Arrays.equals(predictions, e.predictions)
                && Arrays.equals(sampleLosses, e.sampleLosses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(split, classNames, Arrays.hashCode(labels), Arrays.hashCode(predictions),
                Arrays.hashCode(sampleLosses));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: loss %.4f, accuracy %.4f, worst class %.4f (%d samples)",
                split, meanLoss(), accuracy(), worstClassAccuracy(), size());
    }
}
