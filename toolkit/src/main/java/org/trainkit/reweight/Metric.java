package org.trainkit.reweight;

/** What {@link RunMetrics} measures of a run, with its direction and its printed precision. */
public enum Metric {
    /** Accuracy on the clean test set. */
    TEST_ACCURACY("test accuracy", true, 4),
    /** Mean cross-entropy on the clean test set. */
    TEST_LOSS("test loss", false, 4),
    /** The lowest per-class accuracy on the test set. */
    WORST_CLASS_ACCURACY("worst-class accuracy", true, 4),
    /** 90th percentile of the training loss of the clean (unflipped) training samples. */
    CLEAN_LOSS_P90("clean train loss p90", false, 4),
    /** 99th percentile of the training loss of the clean training samples. */
    CLEAN_LOSS_P99("clean train loss p99", false, 4),
    /** Largest training loss of a clean training sample. */
    CLEAN_LOSS_MAX("clean train loss max", false, 3),
    /** Share of the flipped training samples the model predicts with their flipped label (memorised noise). */
    MEMORISED_NOISE("memorised noise", false, 4),
    /** Samples trained on over the run (repeats counted). */
    SAMPLES_PROCESSED("samples processed", false, 0);

    private final String label;
    private final boolean higherIsBetter;
    private final int digits;

    Metric(String label, boolean higherIsBetter, int digits) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.digits = digits;
    }

    /** The column name in tables. */
    public String label() {
        return label;
    }

    /** Whether a higher value is better. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Decimals printed in tables. */
    public int digits() {
        return digits;
    }
}
