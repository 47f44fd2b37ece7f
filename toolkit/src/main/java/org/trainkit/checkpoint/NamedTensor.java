package org.trainkit.checkpoint;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named float32 tensor held in memory: a model parameter such as {@code "0.weight"}, with its
 * shape (row-major, the last dimension fastest, as in safetensors and PyTorch) and its values.
 * Immutable: the arrays are copied in and out.
 */
public final class NamedTensor {

    private final String name;
    private final long[] shape;
    private final float[] data;

    private NamedTensor(String name, long[] shape, float[] data) {
        this.name = name;
        this.shape = shape;
        this.data = data;
    }

    /**
     * A tensor named {@code name} of {@code shape} holding {@code data} (copied).
     *
     * @throws IllegalArgumentException when the name is empty, a dimension is negative or the
     *     number of values does not match the shape
     */
    public static NamedTensor of(String name, long[] shape, float[] data) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a tensor name must not be empty");
        }
        long count = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("tensor '" + name + "': dimension " + d + " in shape "
                        + Arrays.toString(shape) + " is negative");
            }
            count = Math.multiplyExact(count, d);
        }
        if (count != data.length) {
            throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape) + " holds "
                    + count + " values, got " + data.length);
        }
        return new NamedTensor(name, shape.clone(), data.clone());
    }

    /** The tensor's name. */
    public String name() {
        return name;
    }

    /** Its shape (a copy). */
    public long[] shape() {
        return shape.clone();
    }

    /** Its values in row-major order (a copy). */
    public float[] data() {
        return data.clone();
    }

    /** The number of values. */
    public int size() {
        return data.length;
    }

    /** The value at flat (row-major) position {@code index}. */
    public float get(int index) {
        return data[index];
    }

    /** Whether {@code other} has the same shape. */
    public boolean sameShape(NamedTensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** This tensor with other values of the same count (copied), e.g. after merging. */
    public NamedTensor withData(float[] values) {
        return of(name, shape, values);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedTensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
