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

/** {@link LabelledImages#split(double, long)}. */
class SplitTest {

    private final LabelledImages set = Synthetic.withCounts("s", 50, 31, 20, 7, 1, 0, 13);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, -7})
    void partsAreStratifiedDisjointAndCoverTheSet(long seed) {
        TrainValidation split = set.split(0.2, seed);
        int[] all = set.classCounts();
        int[] held = split.validation().classCounts();
        int[] kept = split.train().classCounts();
        for (int c = 0; c < all.length; c++) {
            assertEquals(Math.round(0.2 * all[c]), held[c], "validation images of class " + c);
            assertEquals(all[c], held[c] + kept[c], "images of class " + c);
        }
        BitSet seen = new BitSet();
        for (LabelledImages part : new LabelledImages[] {split.train(), split.validation()}) {
            for (int i = 0; i < part.size(); i++) {
                assertFalse(seen.get(part.id(i)), "sample " + part.id(i) + " in both parts");
                seen.set(part.id(i));
                assertEquals(set.label(part.id(i)), part.label(i));
                assertEquals(part.id(i), Synthetic.encodedId(part, i));
                assertTrue(i == 0 || part.id(i) > part.id(i - 1), "the set's order");
            }
        }
        assertEquals(set.size(), seen.cardinality());
        assertEquals("s[train 80%, seed " + seed + "]", split.train().name());
        assertEquals("s[validation 20%, seed " + seed + "]", split.validation().name());
    }

    @Test
    void theSeedDecidesTheSplit() {
        assertArrayEquals(set.split(0.3, 5).validation().ids(), set.split(0.3, 5).validation().ids());
        assertFalse(Arrays.equals(set.split(0.3, 5).validation().ids(), set.split(0.3, 6).validation().ids()));
    }

    @Test
    void aSplitOfASplitKeepsTheIds() {
        LabelledImages train = set.split(0.2, 1).train();
        TrainValidation again = train.split(0.5, 2);
        for (int i = 0; i < again.validation().size(); i++) {
            int id = again.validation().id(i);
            assertTrue(Arrays.stream(train.ids()).anyMatch(x -> x == id));
            assertEquals(set.label(id), again.validation().label(i));
        }
        assertEquals("s[train 80%, seed 1][validation 50%, seed 2]", again.validation().name());
    }

    @Test
    void theFractionMustBeInTheOpenUnitInterval() {
        for (double bad : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            rejects(() -> set.split(bad, 1), "validationFraction: expected a fraction in (0, 1), got " + bad);
        }
        LabelledImages tiny = Synthetic.withCounts("tiny", 1, 1);
        rejects(() -> tiny.split(0.1, 1), "validationFraction: 0.1", "leaves the validation part empty");
        rejects(() -> tiny.split(0.9, 1), "leaves the train part empty");
    }
}
