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

    /**
     * Writes the remaining bytes of {@code bytes} (whose position advances to its limit) at byte
     * {@code offset} of the tensor's data, from any thread: for a feed that computes the pieces of
     * a tensor in parallel and writes them as they come. The pieces must not overlap, must add up
     * to the tensor's size, must not be mixed with {@link #put} or {@link #putBytes(ByteBuffer)} for
     * the same tensor, and must all be written before the feed returns from this tensor.
     *
     * @throws IllegalStateException when the range lies outside the tensor
     */
    void putBytesAt(long offset, ByteBuffer bytes) throws IOException;

    /** Appends all of {@code values}. */
    default void put(float[] values) throws IOException {
        put(values, 0, values.length);
    }
}
