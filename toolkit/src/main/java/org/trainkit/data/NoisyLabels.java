package org.trainkit.data;

/**
 * A set whose labels were corrupted by a {@link LabelNoise}: the same images and sample ids as its
 * {@link #source()}, with {@link #label} the noisy label and {@link #trueLabel} the one before.
 * The queries {@link #flipped}, {@link #flippedMask()}, {@link #flippedCount()} and
 * {@link #noiseRate()} say which labels changed; views of this set keep both labels.
 */
public final class NoisyLabels extends LabelledImages {

    private final LabelledImages source;
    private final LabelNoise noise;

    NoisyLabels(LabelledImages source, LabelNoise noise, int[] labels) {
        super(source, source.name() + "[" + noise + "]", labels);
        this.source = source;
        this.noise = noise;
    }

    /** The set the noise was applied to. */
    public LabelledImages source() {
        return source;
    }

    /** The noise applied. */
    public LabelNoise noise() {
        return noise;
    }
}
