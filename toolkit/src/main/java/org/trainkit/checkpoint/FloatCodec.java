package org.trainkit.checkpoint;

import java.nio.ByteBuffer;

/**
 * Converts between little-endian element bytes of a {@link DType} and float32 values: decoding
 * for every type {@link DType#readableAsFloat() readable as float}, encoding for the
 * {@link DType#isFloat() float kinds}.
 */
final class FloatCodec {

    /** Elements per block of the 16-bit conversions (4 KiB of bits). */
    private static final int BLOCK = 2048;

    private FloatCodec() {
    }

    /**
     * Decodes {@code count} elements of {@code type} from {@code source} (little-endian, at its
     * position, which advances) into {@code destination[offset..]}.
     */
    static void decode(DType type, ByteBuffer source, float[] destination, int offset, int count) {
        int end = offset + count;
        switch (type) {
            case F64 -> { for (int i = offset; i < end; i++) destination[i] = (float) source.getDouble(); }
            case F32 -> {
                source.asFloatBuffer().get(destination, offset, count);
                source.position(source.position() + 4 * count);
            }
            case F16, BF16 -> decodeHalves(type, source, destination, offset, count);
            case I64 -> { for (int i = offset; i < end; i++) destination[i] = source.getLong(); }
            case I32 -> { for (int i = offset; i < end; i++) destination[i] = source.getInt(); }
            case I16 -> { for (int i = offset; i < end; i++) destination[i] = source.getShort(); }
            case I8 -> { for (int i = offset; i < end; i++) destination[i] = source.get(); }
            case U64 -> { for (int i = offset; i < end; i++) destination[i] = unsigned(source.getLong()); }
            case U32 -> { for (int i = offset; i < end; i++) destination[i] = source.getInt() & 0xFFFFFFFFL; }
            case U16 -> { for (int i = offset; i < end; i++) destination[i] = source.getShort() & 0xFFFF; }
            case U8 -> { for (int i = offset; i < end; i++) destination[i] = source.get() & 0xFF; }
            case BOOL -> { for (int i = offset; i < end; i++) destination[i] = source.get() == 0 ? 0f : 1f; }
            default -> throw new IllegalArgumentException(type + " is read as raw bytes only");
        }
    }

    /**
     * Encodes {@code source[offset..offset + count)} as {@code type} (a float kind) into
     * {@code destination} (little-endian, at its position, which advances).
     */
    static void encode(DType type, float[] source, int offset, int count, ByteBuffer destination) {
        int end = offset + count;
        switch (type) {
            case F64 -> { for (int i = offset; i < end; i++) destination.putDouble(source[i]); }
            case F32 -> {
                destination.asFloatBuffer().put(source, offset, count);
                destination.position(destination.position() + 4 * count);
            }
            case F16, BF16 -> encodeHalves(type, source, offset, count, destination);
            default -> throw new IllegalArgumentException(type + " cannot be written from float data");
        }
    }

    /**
     * The 16-bit kinds in blocks: the bits are moved in bulk (a memory copy, where a
     * {@code getShort} per element costs a bounds check and a byte-order test each) and converted
     * in a plain loop over the block, which stays in the first-level cache.
     */
    private static void decodeHalves(DType type, ByteBuffer source, float[] destination, int offset, int count) {
        short[] block = new short[Math.min(count, BLOCK)];
        java.nio.ShortBuffer halves = source.asShortBuffer();
        for (int done = 0; done < count; done += block.length) {
            int n = Math.min(block.length, count - done);
            halves.get(block, 0, n);
            int at = offset + done;
            if (type == DType.BF16) {
                for (int i = 0; i < n; i++) {
                    destination[at + i] = Float.intBitsToFloat((block[i] & 0xFFFF) << 16);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    destination[at + i] = HalfFloats.f16ToFloat(block[i]);
                }
            }
        }
        source.position(source.position() + 2 * count);
    }

    private static void encodeHalves(DType type, float[] source, int offset, int count, ByteBuffer destination) {
        short[] block = new short[Math.min(count, BLOCK)];
        java.nio.ShortBuffer halves = destination.asShortBuffer();
        for (int done = 0; done < count; done += block.length) {
            int n = Math.min(block.length, count - done);
            int at = offset + done;
            if (type == DType.BF16) {
                for (int i = 0; i < n; i++) {
                    block[i] = HalfFloats.floatToBf16(source[at + i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    block[i] = HalfFloats.floatToF16(source[at + i]);
                }
            }
            halves.put(block, 0, n);
        }
        destination.position(destination.position() + 2 * count);
    }

    /** The float nearest to {@code value} read as an unsigned 64-bit integer. */
    private static float unsigned(long value) {
        return value >= 0 ? value : ((value >>> 1) | (value & 1)) * 2f;
    }
}
