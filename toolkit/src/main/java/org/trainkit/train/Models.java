package org.trainkit.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The small networks trainkit trains on Fashion-MNIST-sized images: a multi-layer perceptron and
 * a two-layer convolutional network (LeNet-like; LeCun et al. 1998), both with ReLU activations.
 */
public final class Models {

    private Models() {
    }

    /**
     * A multi-layer perceptron on flattened pixels with the given hidden widths and ReLU between
     * layers; {@code mlp(256)} is the 784-256-10 network used for speed figures.
     */
    public static Architecture mlp(int... hidden) {
        if (hidden.length == 0) {
            throw new IllegalArgumentException("an MLP needs at least one hidden layer width");
        }
        for (int width : hidden) {
            if (width <= 0) {
                throw new IllegalArgumentException("hidden layer widths must be positive, got " + Arrays.toString(hidden));
            }
        }
        int[] widths = hidden.clone();
        String name = Arrays.stream(widths).mapToObj(Integer::toString).collect(Collectors.joining(",", "mlp(", ")"));
        return new Architecture(name, false, classes -> {
            SequentialBlock block = new SequentialBlock();
            for (int width : widths) {
                block.add(Linear.builder().setUnits(width).build()).add(Activation::relu);
            }
            return block.add(Linear.builder().setUnits(classes).build());
        });
    }

    /** {@link #cnn(int, int)} with 16 and 32 channels. */
    public static Architecture cnn() {
        return cnn(16, 32);
    }

    /**
     * A small convolutional network: two blocks of 3x3 convolution (padding 1), ReLU and 2x2 max
     * pooling, with {@code channels1} then {@code channels2} channels, then one linear layer to the
     * class logits.
     */
    public static Architecture cnn(int channels1, int channels2) {
        if (channels1 <= 0 || channels2 <= 0) {
            throw new IllegalArgumentException("channel counts must be positive, got " + channels1 + ", " + channels2);
        }
        return new Architecture("cnn(" + channels1 + "," + channels2 + ")", true, classes -> new SequentialBlock()
                .add(convolution(channels1)).add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(convolution(channels2)).add(Activation::relu).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(classes).build()));
    }

    private static Conv2d convolution(int channels) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                .setFilters(channels).build();
    }
}
