package org.trainkit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** F16 and BF16 conversions, over every 16-bit pattern and every tie between neighbours. */
class HalfFloatsTest {

    /** The value of F16 bits from the IEEE 754 definition, in double arithmetic (exact). */
    private static double f16Definition(int bits) {
        double sign = (bits & 0x8000) != 0 ? -1 : 1;
        int exponent = (bits >>> 10) & 0x1F;
        int fraction = bits & 0x3FF;
        if (exponent == 0) {
            return sign * fraction * Math.pow(2, -24);
        }
        if (exponent == 0x1F) {
            return fraction == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        return sign * (1 + fraction / 1024.0) * Math.pow(2, exponent - 15);
    }

    private static int f16(float f) {
        return HalfFloats.floatToF16(f) & 0xFFFF;
    }

    private static int bf16(float f) {
        return HalfFloats.floatToBf16(f) & 0xFFFF;
    }

    private static float fromF16(int bits) {
        return HalfFloats.f16ToFloat((short) bits);
    }

    private static float fromBf16(int bits) {
        return HalfFloats.bf16ToFloat((short) bits);
    }

    @Test
    void everyF16PatternWidensExactlyAndNarrowsBack() {
        for (int bits = 0; bits <= 0xFFFF; bits++) {
            float value = fromF16(bits);
            double expected = f16Definition(bits);
            if (Double.isNaN(expected)) {
                assertTrue(Float.isNaN(value), Integer.toHexString(bits));
                assertEquals(bits | 0x200, f16(value), "NaN payload and sign kept, made quiet: " + Integer.toHexString(bits));
            } else {
                assertEquals(Float.floatToIntBits((float) expected), Float.floatToIntBits(value), Integer.toHexString(bits));
                assertEquals(bits, f16(value), Integer.toHexString(bits));
            }
        }
    }

    @Test
    void f16RoundsToNearestWithTiesToEven() {
        for (int bits = 0; bits < 0x7BFF; bits++) {
            float low = fromF16(bits);
            float high = fromF16(bits + 1);
            float tie = (float) ((low + (double) high) / 2);
            int even = (bits & 1) == 0 ? bits : bits + 1;
            assertEquals(even, f16(tie), "tie above " + Integer.toHexString(bits));
            assertEquals(bits, f16(Math.nextDown(tie)), "below the tie above " + Integer.toHexString(bits));
            assertEquals(bits + 1, f16(Math.nextUp(tie)), "above the tie above " + Integer.toHexString(bits));
            assertEquals(even | 0x8000, f16(-tie), "negative tie above " + Integer.toHexString(bits));
        }
    }

    @Test
    void f16EdgeCases() {
        assertEquals(0x0000, f16(0f));
        assertEquals(0x8000, f16(-0f));
        assertEquals(0x0001, f16(0x1p-24f), "smallest subnormal");
        assertEquals(0x03FF, f16(0x3FFp-24f), "largest subnormal");
        assertEquals(0x0400, f16(0x1p-14f), "smallest normal");
        assertEquals(0x0000, f16(0x1p-25f), "half the smallest subnormal ties to zero");
        assertEquals(0x0001, f16(Math.nextUp(0x1p-25f)));
        assertEquals(0x0000, f16(Float.MIN_VALUE), "float subnormals underflow to zero");
        assertEquals(0x8000, f16(-Float.MIN_VALUE), "keeping the sign");
        assertEquals(0x0400, f16(0x3FF.8p-24f), "the largest subnormal's tie rounds up to the smallest normal");
        assertEquals(0x7BFF, f16(65504f), "largest finite");
        assertEquals(0x7BFF, f16(Math.nextDown(65520f)));
        assertEquals(0x7C00, f16(65520f), "the tie above the largest finite rounds to infinity");
        assertEquals(0x7C00, f16(Float.MAX_VALUE));
        assertEquals(0xFC00, f16(-1e10f));
        assertEquals(0x7C00, f16(Float.POSITIVE_INFINITY));
        assertEquals(0xFC00, f16(Float.NEGATIVE_INFINITY));
        assertEquals(0x7E00, f16(Float.NaN));
        assertEquals(0x7E00, f16(Float.intBitsToFloat(0x7F800001)), "a NaN whose payload is dropped stays NaN");
        assertEquals(0x3C00, f16(1f));
        assertEquals(0x3C00, f16(1f + 0x1p-11f), "1 + half an ulp ties to even 1");
        assertEquals(0x3C02, f16(1f + 3 * 0x1p-11f), "1 + 3/2 ulp ties to even 1 + 2 ulp");
        assertEquals(0x3555, f16(1f / 3));
    }

    @Test
    void everyBf16PatternWidensExactlyAndNarrowsBack() {
        for (int bits = 0; bits <= 0xFFFF; bits++) {
            float value = fromBf16(bits);
            assertEquals(bits << 16, Float.floatToRawIntBits(value), Integer.toHexString(bits));
            int expected = Float.isNaN(value) ? bits | 0x40 : bits;
            assertEquals(expected, bf16(value), Integer.toHexString(bits));
        }
    }

    @Test
    void bf16RoundsToNearestWithTiesToEven() {
        for (int bits = 0; bits < 0x7F7F; bits++) {
            float low = fromBf16(bits);
            float high = fromBf16(bits + 1);
            float tie = (float) ((low + (double) high) / 2);
            assertEquals((bits << 16) | 0x8000, Float.floatToRawIntBits(tie), "the tie is exact");
            int even = (bits & 1) == 0 ? bits : bits + 1;
            assertEquals(even, bf16(tie), "tie above " + Integer.toHexString(bits));
            assertEquals(bits, bf16(Math.nextDown(tie)));
            assertEquals(bits + 1, bf16(Math.nextUp(tie)));
            assertEquals(even | 0x8000, bf16(-tie));
        }
    }

    @Test
    void bf16EdgeCases() {
        assertEquals(0x8000, bf16(-0f));
        assertEquals(0x0000, bf16(Float.MIN_VALUE), "2^-149 is below half the smallest BF16 subnormal");
        assertEquals(0x0001, bf16(0x1p-133f), "smallest BF16 subnormal");
        assertEquals(0x7F7F, bf16(Float.intBitsToFloat(0x7F7F7FFF)));
        assertEquals(0x7F80, bf16(Float.intBitsToFloat(0x7F7F8000)), "the tie above the largest finite rounds to infinity");
        assertEquals(0x7F80, bf16(Float.MAX_VALUE));
        assertEquals(0xFF80, bf16(Float.NEGATIVE_INFINITY));
        assertEquals(0x7FC0, bf16(Float.NaN));
        assertEquals(0x7FC0, bf16(Float.intBitsToFloat(0x7F800001)), "a NaN whose payload is dropped stays NaN");
        assertEquals(0xFFC0, bf16(Float.intBitsToFloat(0xFF800001)), "with its sign");
        assertEquals(0x3F80, bf16(1f + 0x1p-8f), "1 + half an ulp ties to even 1");
        assertEquals(0x3F82, bf16(1f + 3 * 0x1p-8f), "1 + 3/2 ulp ties to even 1 + 2 ulp");
        assertEquals(0x3EAB, bf16(1f / 3));
    }
}
