package org.trainkit.checkpoint;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Read access to the tensors of a safetensors checkpoint, one file ({@link SafetensorsFile}) or
 * several shards ({@link Checkpoint}): their header entries, their values as float32 (whole, or
 * any range of elements into a caller's array, for streaming tensors too large to hold) and their
 * raw bytes. Reads are safe from several threads; after {@link #close()} they fail.
 */
public interface TensorReader extends AutoCloseable {

    /** The file this reader was opened on (a safetensors file, an index file or a directory). */
    Path source();

    /** The free-form string metadata, in file order. */
    Map<String, String> metadata();

    /** The tensor names, in file order (the order they were written in). */
    List<String> tensorNames();

    /** Whether there is a tensor named {@code name}. */
    boolean contains(String name);

    /**
     * The header entry of tensor {@code name}.
     *
     * @throws IllegalArgumentException when there is no such tensor
     */
    TensorInfo info(String name);

    /**
     * Reads {@code count} elements of tensor {@code name}, from element {@code fromElement}
     * (row-major), converted to float32, into {@code destination[offset..offset + count)}: the way
     * to stream a tensor chunk by chunk. F32, F16 and BF16 convert exactly; F64 and the 32- and
     * 64-bit integers round to the nearest float; BOOL reads as 0 or 1.
     *
     * @throws IllegalArgumentException when the tensor is an 8-bit float kind (raw bytes only)
     * @throws IndexOutOfBoundsException when the range lies outside the tensor or the array
     */
    void readFloats(String name, long fromElement, float[] destination, int offset, int count);

    /**
     * A read-only little-endian view of {@code length} bytes of tensor {@code name} from byte
     * {@code fromByte} of the tensor, straight from the memory-mapped file (no copy).
     *
     * @throws IndexOutOfBoundsException when the range lies outside the tensor
     */
    ByteBuffer rawBytes(String name, long fromByte, int length);

    /** Closes the file or files. */
    @Override
    void close();

    /**
     * All values of tensor {@code name} as float32 (see {@link #readFloats(String, long, float[], int, int)}).
     *
     * @throws IllegalArgumentException when the tensor has more elements than one array holds
     */
    default float[] readFloats(String name) {
        long count = info(name).elementCount();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(source() + ": tensor '" + name + "' has " + count
                    + " elements, more than one float[] holds; read it in ranges with"
                    + " readFloats(name, fromElement, destination, offset, count)");
        }
        float[] values = new float[(int) count];
        readFloats(name, 0, values, 0, values.length);
        return values;
    }

    /**
     * All bytes of tensor {@code name} (see {@link #rawBytes(String, long, int)}).
     *
     * @throws IllegalArgumentException when the tensor is larger than one buffer (2 GiB)
     */
    default ByteBuffer rawBytes(String name) {
        long length = info(name).byteLength();
        if (length > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(source() + ": tensor '" + name + "' has " + length
                    + " bytes, more than one ByteBuffer holds; read it in ranges with rawBytes(name, fromByte, length)");
        }
        return rawBytes(name, 0, (int) length);
    }

    /** Tensor {@code name} as a float32 {@link NamedTensor}. */
    default NamedTensor readTensor(String name) {
        return NamedTensor.of(name, info(name).shape(), readFloats(name));
    }

    /**
     * Every tensor as float32, in file order.
     *
     * @throws IllegalStateException when a tensor is not of a {@link DType#isFloat() float kind}
     *     (F64, F32, F16, BF16): integer buffers are not parameters; read them with
     *     {@link #readFloats(String)} or {@link #rawBytes(String)}
     */
    default ParameterSet readParameters() {
        List<NamedTensor> tensors = new ArrayList<>();
        for (String name : tensorNames()) {
            DType dtype = info(name).dtype();
            if (!dtype.isFloat()) {
                throw new IllegalStateException(source() + ": tensor '" + name + "' is " + dtype
                        + "; readParameters reads F64, F32, F16 and BF16 tensors only"
                        + " (read others with readFloats or rawBytes)");
            }
            tensors.add(readTensor(name));
        }
        return ParameterSet.of(tensors);
    }
}
