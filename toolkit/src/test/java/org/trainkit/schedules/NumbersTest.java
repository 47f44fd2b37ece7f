package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void writesTheCompactFormsOfTheTextForm() {
        assertEquals("3e-4", Numbers.format(3e-4));
        assertEquals("3e-5", Numbers.format(0.00003));
        assertEquals("1e-3", Numbers.format(0.001));
        assertEquals("0", Numbers.format(0.0));
        assertEquals("0.2", Numbers.format(0.2));
        assertEquals("0.3", Numbers.format(0.3));
        assertEquals("25", Numbers.format(25));
        assertEquals("10000", Numbers.format(1e4));
        assertEquals("2.5e6", Numbers.format(2.5e6));
        assertEquals("1.5e-5", Numbers.format(1.5e-5));
        assertEquals("-0.5", Numbers.format(-0.5));
        assertEquals("3.0000000000000004e-5", Numbers.format(3 * 1e-5));
        assertEquals("0.30000000000000004", Numbers.format(0.1 + 0.2));
    }

    @Test
    void everyDoubleReadsBackExactly() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(v)) {
                continue;
            }
            assertEquals(v, Double.parseDouble(Numbers.format(v)), () -> "bits of " + v);
            double rate = random.nextDouble() * Math.pow(10, -random.nextInt(8));
            assertEquals(rate, Double.parseDouble(Numbers.format(rate)));
        }
    }

    @Test
    void isNoLongerThanTheJdkDigits() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 5_000; i++) {
            double v = random.nextDouble() * 1e-3;
            String jdk = Double.toString(v).replaceFirst("E.*", "").replace(".", "").replaceFirst("^0+", "");
            String ours = Numbers.format(v).replaceFirst("e.*", "").replace(".", "").replace("-", "")
                    .replaceFirst("^0+", "");
            assertEquals(true, ours.length() <= jdk.length(), () -> ours + " vs " + jdk);
        }
    }
}
