package org.trainkit.merge;

import java.util.Objects;

/**
 * One source of a slice: the layers {@code [from, to)} of a model. Every source of a slice spans the
 * same number of layers; output layer {@code k} of the slice merges layer {@code from + k} of each.
 *
 * @param model the checkpoint and its parameters
 * @param from the first layer, inclusive
 * @param to the last layer, exclusive
 */
public record SliceSource(ModelInput model, int from, int to) {

    /** Checks the range. */
    public SliceSource {
        Objects.requireNonNull(model, "model");
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("layer_range must be [from, to) with 0 <= from < to, got [" + from + ", " + to + "]");
        }
    }

    /** The number of layers. */
    public int length() {
        return to - from;
    }
}
