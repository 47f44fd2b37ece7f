package org.trainkit.reweight;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import org.trainkit.schedules.Numbers;
import org.trainkit.train.SampleLoss;

/**
 * The label-distribution-aware margin loss (Cao, Wei, Gaidon, Arechiga, Ma, "Learning imbalanced
 * datasets with label-distribution-aware margin loss", NeurIPS 2019):
 * {@code l_i = CE(s * (z - m_{y_i} e_{y_i}), y_i)}, the true class's logit lowered by a margin
 * {@code m_j ~ n_j^(-1/4)} scaled so the rarest class gets {@code maxMargin}, all logits times the
 * scale {@code s}. The paper applies it to cosine (normalised) logits with {@code s = 30}; on the
 * raw logits of a plain MLP a smaller scale fits. Classes with no samples get the largest margin.
 */
public final class LdamMargins implements SampleLoss {

    private final float[] margins;
    private final float scale;
    private final String description;

    /** The margins for these per-class counts. */
    public LdamMargins(int[] classCounts, double maxMargin, double scale) {
        Require.positive(LdamDrw.NAME, "max_margin", maxMargin);
        Require.positive(LdamDrw.NAME, "scale", scale);
        this.margins = new float[classCounts.length];
        double largest = 0;
        double[] raw = new double[classCounts.length];
        for (int j = 0; j < raw.length; j++) {
            if (classCounts[j] < 0) {
                throw new IllegalArgumentException(LdamDrw.NAME + ": class " + j + " has count " + classCounts[j]
                        + "; expected >= 0");
            }
            raw[j] = classCounts[j] == 0 ? Double.POSITIVE_INFINITY : Math.pow(classCounts[j], -0.25);
            if (classCounts[j] > 0) {
                largest = Math.max(largest, raw[j]);
            }
        }
        if (largest == 0) {
            throw new IllegalArgumentException(LdamDrw.NAME + ": every class has 0 samples");
        }
        for (int j = 0; j < raw.length; j++) {
            margins[j] = (float) (Double.isInfinite(raw[j]) ? maxMargin : maxMargin * raw[j] / largest);
        }
        this.scale = (float) scale;
        this.description = "ldam(max_margin=" + Numbers.format(maxMargin) + ", scale=" + Numbers.format(scale)
                + ", classes=" + Arrays.toString(classCounts) + ")";
    }

    /** The margin of each class (a copy). */
    public float[] margins() {
        return margins.clone();
    }

    @Override
    public NDArray losses(NDArray logits, NDArray oneHot) {
        NDArray margin = oneHot.mul(logits.getManager().create(margins).reshape(1, margins.length));
        return logits.sub(margin).mul(scale).logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
    }

    @Override
    public String toString() {
        return description;
    }
}
