package org.trainkit.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The element types of the safetensors format, named as in the file header ({@code "F32"},
 * {@code "BF16"}, ...), with their sizes in bytes. F64, F32, F16 and BF16 convert both ways with
 * float32 ({@link #isFloat()}); the integer kinds and BOOL can be read as floats; the 8-bit float
 * kinds are read as raw bytes only.
 */
public enum DType {
    /** IEEE 754 double precision. */
    F64(8),
    /** IEEE 754 single precision. */
    F32(4),
    /** IEEE 754 half precision (1 sign, 5 exponent, 10 fraction bits). */
    F16(2),
    /** bfloat16: the upper half of a float32 (1 sign, 8 exponent, 7 fraction bits). */
    BF16(2),
    /** Signed 64-bit integer. */
    I64(8),
    /** Signed 32-bit integer. */
    I32(4),
    /** Signed 16-bit integer. */
    I16(2),
    /** Signed 8-bit integer. */
    I8(1),
    /** Unsigned 64-bit integer. */
    U64(8),
    /** Unsigned 32-bit integer. */
    U32(4),
    /** Unsigned 16-bit integer. */
    U16(2),
    /** Unsigned 8-bit integer. */
    U8(1),
    /** A boolean in one byte (0 false, anything else true). */
    BOOL(1),
    /** 8-bit float, 4 exponent and 3 mantissa bits (raw bytes only). */
    F8_E4M3(1),
    /** 8-bit float, 5 exponent and 2 mantissa bits (raw bytes only). */
    F8_E5M2(1),
    /** 8-bit exponent-only scale (raw bytes only). */
    F8_E8M0(1);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** The size of one element in bytes. */
    public int byteSize() {
        return byteSize;
    }

    /**
     * Whether this is F64, F32, F16 or BF16: floating point with an exact conversion to float32 and
     * a rounding one (round to nearest, ties to even) from it, so that a writer can produce it from
     * float data and {@link TensorReader#readParameters()} reads it.
     */
    public boolean isFloat() {
        return this == F64 || this == F32 || this == F16 || this == BF16;
    }

    /** Whether elements can be read as float32 values: every kind but the 8-bit floats. */
    public boolean readableAsFloat() {
        return this != F8_E4M3 && this != F8_E5M2 && this != F8_E8M0;
    }

    /**
     * Encodes {@code values[offset..offset + count)} as this float kind into {@code destination} at
     * its position, which advances: the bytes a {@link TensorSink#putBytes(ByteBuffer)} takes, so
     * that a producer can encode on its own thread (rounding to nearest, ties to even).
     *
     * @throws IllegalArgumentException when this is not a {@link #isFloat() float kind} or
     *     {@code destination} is not little-endian
     * @throws java.nio.BufferOverflowException when {@code destination} has too little room
     */
    public void encode(float[] values, int offset, int count, ByteBuffer destination) {
        if (!isFloat()) {
            throw new IllegalArgumentException(this + " cannot be written from float data");
        }
        if (destination.order() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalArgumentException("safetensors data is little-endian; the destination buffer is " + destination.order());
        }
        if ((long) count * byteSize > destination.remaining()) {
            throw new java.nio.BufferOverflowException();
        }
        java.util.Objects.checkFromIndexSize(offset, count, values.length);
        FloatCodec.encode(this, values, offset, count, destination);
    }

    /**
     * The kind named {@code name} in the header of {@code file}, for tensor {@code tensor}.
     *
     * @throws CheckpointFormatException when no kind has that name
     */
    static DType parse(String name, Path file, String tensor) {
        for (DType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new CheckpointFormatException(file, tensor, "unknown dtype \"" + name + "\", expected one of "
                + Arrays.toString(values()));
    }
}
