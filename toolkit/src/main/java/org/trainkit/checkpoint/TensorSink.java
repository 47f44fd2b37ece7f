package org.trainkit.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a {@link TensorFeed} puts the data of one tensor, in row-major order and in as many
 * pieces as it likes: float values (encoded to the tensor's float kind, rounding to nearest, ties
 * to even), or bytes already in the tensor's dtype (little-endian; the way to write integer, BOOL
 * and 8-bit float tensors). The pieces must add up to exactly the tensor's size.
 */
public interface TensorSink {

    /**
     * Appends {@code values[offset..offset + count)}.
     *
     * @throws IllegalStateException when the tensor is not of a {@link DType#isFloat() float kind}
     *     or would get more values than its shape holds
     */
    void put(float[] values, int offset, int count) throws IOException;

    /**
     * Appends the remaining bytes of {@code bytes} (whose position advances to its limit).
     *
     * @throws IllegalStateException when the tensor would get more bytes than it holds
     */
    void putBytes(ByteBuffer bytes) throws IOException;

    /** Appends all of {@code values}. */
    default void put(float[] values) throws IOException {
        put(values, 0, values.length);
    }
}
