package org.trainkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Views of views: split, long tail, noise and class subsets in sequence keep ids and true labels. */
class CompositionTest {

    private static final LabelledImages SET = Synthetic.balanced(300);

    /** Every sample of {@code view} is the source's sample of the same id, with its true label. */
    private static void assertSamplesOfTheSource(LabelledImages view) {
        for (int i = 0; i < view.size(); i++) {
            int id = view.id(i);
            assertEquals(SET.label(id), view.trueLabel(i), "true label of sample " + id);
            assertEquals(id, Synthetic.encodedId(view, i), "pixels of sample " + id);
            assertEquals(view.label(i) != view.trueLabel(i), view.flipped(i));
        }
    }

    @Test
    void splitThenLongTailThenNoiseKeepsIdsAndTrueLabels() {
        LabelledImages train = SET.split(0.1, 1).train();
        LabelledImages tail = LongTail.of(10, 2).apply(train);
        NoisyLabels noisy = LabelNoise.symmetric(0.2, 3).apply(tail);
        assertEquals("synthetic[train 90%, seed 1][long-tail ratio 10, seed 2][symmetric noise 20%, seed 3]",
                noisy.name());
        assertArrayEquals(LongTail.of(10, 2).classCounts(train), tail.classCounts());
        assertEquals(270, tail.classCounts()[0]);
        assertEquals(27, tail.classCounts()[9]);
        assertArrayEquals(tail.ids(), noisy.ids());
        assertArrayEquals(tail.labels(), noisy.trueLabels());
        assertTrue(noisy.flippedCount() > 0);
        assertSamplesOfTheSource(noisy);
    }

    @Test
    void viewsOfANoisySetKeepItsNoisyAndTrueLabels() {
        NoisyLabels noisy = LabelNoise.pairs(0.4, 5).apply(SET);
        TrainValidation split = noisy.split(0.2, 7);
        LabelledImages subset = split.validation().classes(3, 4);
        LabelledImages tail = LongTail.of(3, 1).apply(split.train());
        for (LabelledImages view : new LabelledImages[] {split.train(), split.validation(), subset, tail,
                noisy.head(10)}) {
            assertSamplesOfTheSource(view);
            for (int i = 0; i < view.size(); i++) {
                assertEquals(noisy.label(view.id(i)), view.label(i), "noisy label of sample " + view.id(i));
            }
        }
        int flipped = split.train().flippedCount() + split.validation().flippedCount();
        assertEquals(noisy.flippedCount(), flipped, "the flips are shared between the parts");
        assertTrue(subset.toString().contains("labels flipped"), subset.toString());
    }
}
