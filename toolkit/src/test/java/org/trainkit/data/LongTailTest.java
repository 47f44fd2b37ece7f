package org.trainkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainkit.data.Messages.rejects;

import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link LongTail}. */
class LongTailTest {

    private static final LabelledImages SET = Synthetic.balanced(200);

    @ParameterizedTest
    @ValueSource(doubles = {1, 2, 10, 50, 100, 200})
    void countsFollowTheExponentialProfile(double ratio) {
        LongTail profile = LongTail.of(ratio, 1);
        int[] counts = profile.classCounts(SET);
        for (int c = 0; c < 10; c++) {
            // n_c = floor(n_max * ratio^(-c / (K - 1))), written independently of the implementation
            int expected = (int) Math.floor(200 * Math.exp(-Math.log(ratio) * c / 9) + 1e-6);
            assertEquals(expected, counts[c], "class " + c);
        }
        assertEquals(200, counts[0]);
        assertEquals(200 / ratio, counts[9], 0.0, "the tail is n_max / ratio (an integer here)");
        assertArrayEquals(counts, profile.apply(SET).classCounts());
    }

    @Test
    void theViewIsASubsetOfTheSourceInItsOrder() {
        LabelledImages tail = LongTail.of(10, 3).apply(SET);
        assertEquals("synthetic[long-tail ratio 10, seed 3]", tail.name());
        for (int i = 0; i < tail.size(); i++) {
            assertEquals(SET.label(tail.id(i)), tail.label(i));
            assertEquals(tail.id(i), Synthetic.encodedId(tail, i));
            assertTrue(i == 0 || tail.id(i) > tail.id(i - 1));
        }
    }

    @Test
    void theSeedDecidesWhichImagesAreKept() {
        assertArrayEquals(LongTail.of(10, 3).apply(SET).ids(), LongTail.of(10, 3).apply(SET).ids());
        assertFalse(Arrays.equals(LongTail.of(10, 3).apply(SET).ids(), LongTail.of(10, 4).apply(SET).ids()));
    }

    @Test
    void withOneSeedAMoreImbalancedSetIsASubsetOfALessImbalancedOne() {
        BitSet mild = new BitSet();
        Arrays.stream(LongTail.of(5, 7).apply(SET).ids()).forEach(mild::set);
        for (int id : LongTail.of(50, 7).apply(SET).ids()) {
            assertTrue(mild.get(id), "sample " + id);
        }
    }

    @Test
    void theOrderRanksTheClasses() {
        LongTail reversed = LongTail.of(100, 1).withOrder(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
        int[] counts = reversed.classCounts(SET);
        assertEquals(200, counts[9]);
        assertEquals(2, counts[0]);
        assertArrayEquals(new int[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, reversed.order());
        assertEquals(0, LongTail.of(100, 1).order().length, "the default order");
        assertEquals("long-tail ratio 100, seed 1, order 9, 8, 7, 6, 5, 4, 3, 2, 1, 0", reversed.toString());
    }

    @Test
    void anUnbalancedSourceGetsTheLargestHeadEveryClassCanFill() {
        LabelledImages source = Synthetic.withCounts("u", 100, 100, 5);
        // head = min(100, 100 * sqrt 2, 5 * 2) = 10; then 10 / sqrt 2 = 7.07 and 10 / 2 = 5
        assertArrayEquals(new int[] {10, 7, 5}, LongTail.of(2, 1).classCounts(source));
    }

    @Test
    void onlyTheClassesTheSourceHoldsAreRanked() {
        LabelledImages three = SET.classes(2, 5, 7);
        assertArrayEquals(new int[] {0, 0, 200, 0, 0, 20, 0, 2, 0, 0}, LongTail.of(100, 1).classCounts(three));
        assertArrayEquals(new int[] {0, 0, 2, 0, 0, 20, 0, 200, 0, 0},
                LongTail.of(100, 1).withOrder(7, 5, 2).classCounts(three));
    }

    @Test
    void badArgumentsAreNamed() {
        for (double bad : new double[] {0.5, 0, -2, Double.NaN, Double.POSITIVE_INFINITY}) {
            rejects(() -> LongTail.of(bad, 1), "imbalanceRatio: expected a finite ratio >= 1", "got " + bad);
        }
        rejects(() -> LongTail.of(1000, 1).apply(SET), "imbalanceRatio: 1000 leaves tail class 9", "expected a ratio <= 200");
        rejects(() -> LongTail.of(10, 1).withOrder(), "order: expected at least one class");
        rejects(() -> LongTail.of(10, 1).withOrder(1, 1), "order: class 1 is given twice");
        rejects(() -> LongTail.of(10, 1).withOrder(-1, 0), "order: class -1 is unknown");
        rejects(() -> LongTail.of(10, 1).withOrder(12, 0).apply(SET), "order: class 12 is unknown, expected 0..9");
        rejects(() -> LongTail.of(10, 1).withOrder(0, 1).apply(SET), "order: lists classes 0, 1, expected those of synthetic: 0, 1, 2");
        rejects(() -> LongTail.of(10, 1).apply(SET.classes(4)), "source: a long tail needs at least 2 classes");
    }
}
