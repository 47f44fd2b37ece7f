package org.trainkit.reweight;

import org.trainkit.schedules.SpecText;

/**
 * Class-balanced weights from the effective number of samples (Cui, Jia, Lin, Song, Belongie,
 * "Class-balanced loss based on effective number of samples", CVPR 2019): a class with
 * {@code n_j} samples weighs {@code (1 - beta) / (1 - beta^n_j)}, normalised so that the weights
 * of the classes present sum to their number; each sample weighs its class's weight. Classes with
 * no training samples weigh 0. Text form: {@code class_balanced(beta=0.9999)}.
 *
 * @param beta in {@code [0, 1)}; 0 gives uniform weights, values near 1 weigh by inverse frequency
 */
public record ClassBalanced(double beta) implements Reweighting {

    /** The name in the text form. */
    public static final String NAME = "class_balanced";

    /** Checks the setting. */
    public ClassBalanced {
        Require.halfOpen(NAME, "beta", beta, 0, 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("beta", beta).toString();
    }

    @Override
    public Weigher start(int[] classCounts) {
        double[] perClass = classWeights(classCounts);
        return batch -> {
            int[] labels = batch.labels();
            double[] w = new double[labels.length];
            for (int i = 0; i < labels.length; i++) {
                w[i] = ClassLabels.lookup(NAME, perClass, labels[i]);
            }
            return w;
        };
    }

    /** The weight of each class (index = class) for these per-class counts. */
    public double[] classWeights(int[] classCounts) {
        double[] w = new double[classCounts.length];
        double sum = 0;
        int present = 0;
        for (int j = 0; j < classCounts.length; j++) {
            if (classCounts[j] < 0) {
                throw new IllegalArgumentException(NAME + ": class " + j + " has count " + classCounts[j]
                        + "; expected >= 0");
            }
            if (classCounts[j] > 0) {
                // 1 - beta^n as -expm1(n log beta): no cancellation for beta near 1
                w[j] = beta == 0 ? 1 : (1 - beta) / -Math.expm1(classCounts[j] * Math.log(beta));
                sum += w[j];
                present++;
            }
        }
        if (present == 0) {
            throw new IllegalArgumentException(NAME + ": every class has 0 samples");
        }
        for (int j = 0; j < w.length; j++) {
            w[j] *= present / sum;
        }
        return w;
    }

    @Override
    public String toString() {
        return spec();
    }
}
