package org.trainkit.checkpoint;

/**
 * Exact conversions between float32 and the 16-bit kinds F16 (IEEE 754 half precision) and BF16
 * (bfloat16), written here because {@code Float.float16ToFloat} arrived only in Java 20. Widening
 * is exact; narrowing rounds to nearest, ties to even, overflows to infinity, keeps signed zeros
 * and the sign of NaN, and keeps a NaN a (quiet) NaN.
 */
final class HalfFloats {

    private HalfFloats() {
    }

    /** The float32 value of F16 bits {@code h} (exact). */
    static float f16ToFloat(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int fraction = bits & 0x3FF;
        if (exponent == 0) {
            float magnitude = Math.scalb((float) fraction, -24);
            return sign == 0 ? magnitude : -magnitude;
        }
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (fraction << 13));
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (fraction << 13));
    }

    /** The F16 bits nearest to {@code f} (ties to even). */
    static short floatToF16(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int magnitude = bits & 0x7FFFFFFF;
        if (magnitude >= 0x7F800000) {
            int nan = magnitude == 0x7F800000 ? 0 : 0x200 | ((magnitude >>> 13) & 0x3FF);
            return (short) (sign | 0x7C00 | nan);
        }
        if (magnitude >= 0x38800000) {
            // Normal in F16 (or overflowing): rebias the exponent, round the 13 dropped bits.
            int rounded = magnitude + 0x0FFF + ((magnitude >>> 13) & 1);
            int half = (rounded - (112 << 23)) >>> 13;
            return (short) (sign | Math.min(half, 0x7C00));
        }
        int exponent = magnitude >>> 23;
        if (exponent < 102) {
            return (short) sign;
        }
        // Subnormal in F16: the value in units of 2^-24 is the full significand shifted right.
        int significand = (magnitude & 0x7FFFFF) | 0x800000;
        int shift = 126 - exponent;
        int half = significand >>> shift;
        int rest = significand & ((1 << shift) - 1);
        int tie = 1 << (shift - 1);
        if (rest > tie || (rest == tie && (half & 1) == 1)) {
            half++;
        }
        return (short) (sign | half);
    }

    /** The float32 value of BF16 bits {@code b} (exact). */
    static float bf16ToFloat(short b) {
        return Float.intBitsToFloat((b & 0xFFFF) << 16);
    }

    /** The BF16 bits nearest to {@code f} (ties to even). */
    static short floatToBf16(float f) {
        int bits = Float.floatToRawIntBits(f);
        if ((bits & 0x7FFFFFFF) > 0x7F800000) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int rounded = bits + 0x7FFF + ((bits >>> 16) & 1);
        return (short) (rounded >>> 16);
    }
}
