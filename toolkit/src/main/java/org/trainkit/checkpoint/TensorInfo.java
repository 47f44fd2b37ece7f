package org.trainkit.checkpoint;

import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor's entry in a safetensors header: its name, element type, shape (row-major) and the
 * byte range {@code [begin, end)} it occupies, relative to the start of the data section (the byte
 * right after the header). Immutable: the shape is copied in and out.
 *
 * @param name the tensor's name
 * @param dtype its element type
 * @param shape its dimensions, outermost first
 * @param begin the offset of its first byte in the data section
 * @param end the offset just past its last byte
 */
public record TensorInfo(String name, DType dtype, long[] shape, long begin, long end) {

    /**
     * Checks the entry: a non-null name and type, dimensions and offsets not negative,
     * {@code begin <= end}. (Whether the byte length fits the shape is checked where the entry is
     * read or written, where the file can be named.)
     */
    public TensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor '" + name + "': negative dimension in shape "
                        + Arrays.toString(shape));
            }
        }
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("tensor '" + name + "': bad byte range [" + begin + ", " + end + ")");
        }
    }

    /**
     * The number of elements the shape holds (1 for a scalar, shape {@code []}).
     *
     * @throws ArithmeticException when it exceeds {@code Long.MAX_VALUE}
     */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long d : shape) {
            count = Math.multiplyExact(count, d);
        }
        return count;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** The number of elements. */
    public long elementCount() {
        return elementCount(shape);
    }

    /** The number of bytes, {@code end - begin}. */
    public long byteLength() {
        return end - begin;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && name.equals(t.name) && dtype == t.dtype && Arrays.equals(shape, t.shape)
                && begin == t.begin && end == t.end;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape), begin, end);
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape) + " @[" + begin + ", " + end + ")";
    }
}
