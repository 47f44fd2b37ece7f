package org.trainkit.merge;

import java.util.List;
import org.trainkit.checkpoint.DType;

/**
 * One tensor of the merged model: its name, shape and dtype, where its base and model values come
 * from (an input and a tensor name in it), and its layer position for gradient parameters.
 *
 * @param name the output name
 * @param shape its shape
 * @param dtype the output dtype
 * @param base the base's source, or null
 * @param models the models' sources
 * @param position the layer position in [0, 1]
 * @param merged false for a non-float tensor copied from its first source
 * @param parameters each model's parameters
 */
record OutputTensor(String name, long[] shape, DType dtype, Source base, List<Source> models, double position,
        boolean merged, List<java.util.Map<String, ParameterValue>> parameters) {

    /** Tensor {@code tensor} of input number {@code input}. */
    record Source(int input, String tensor) {
    }

    long bytes() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n * dtype.byteSize();
    }
}
