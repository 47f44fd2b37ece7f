package org.trainkit.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A network shape to train: a name, how it wants its input (flat pixel vectors or 1-channel
 * images) and a factory for a fresh, uninitialised DJL block with a given number of output
 * classes. Made by {@link Models}.
 *
 * @param name a short description, e.g. {@code mlp(256)}
 * @param imageInput true for input shaped (batch, 1, rows, cols), false for (batch, rows * cols)
 * @param blocks makes a fresh block with the given number of outputs (logits)
 */
public record Architecture(String name, boolean imageInput, IntFunction<Block> blocks) {

    /** Checks the fields. */
    public Architecture {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(blocks, "blocks");
    }

    /** A fresh block with {@code classes} outputs. */
    public Block newBlock(int classes) {
        return blocks.apply(classes);
    }

    /** The input shape of a batch of {@code batch} images of {@code rows x cols} pixels. */
    public Shape inputShape(int batch, int rows, int cols) {
        return imageInput ? new Shape(batch, 1, rows, cols) : new Shape(batch, (long) rows * cols);
    }

    @Override
    public String toString() {
        return name;
    }
}
