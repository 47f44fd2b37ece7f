package org.trainkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainkit.data.Messages.rejects;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Sample ids, {@link LabelledImages#head}, {@link LabelledImages#classes(int...)} and class counts. */
class ViewsTest {

    private final LabelledImages set = Synthetic.withCounts("s", 5, 8, 3, 0, 4);

    @Test
    void aFreshSetNumbersItsSamplesFromZero() {
        for (int i = 0; i < set.size(); i++) {
            assertEquals(i, set.id(i));
            assertEquals(set.label(i), set.trueLabel(i));
        }
        int[] ids = set.ids();
        ids[0] = 99;
        assertEquals(0, set.id(0), "ids() is a copy");
        assertEquals(0, set.flippedCount());
        assertEquals(0.0, set.noiseRate());
        assertFalse(set.flippedMask()[0]);
    }

    @Test
    void classCountsCountLabels() {
        assertArrayEquals(new int[] {5, 8, 3, 0, 4}, set.classCounts());
    }

    @Test
    void headIsAViewOfTheFirstImages() {
        LabelledImages head = set.head(6);
        assertEquals("s[:6]", head.name());
        assertEquals(6, head.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(i, head.id(i));
            assertEquals(set.label(i), head.label(i));
            assertArrayEquals(set.image(i), head.image(i));
        }
        assertSame(set, set.head(set.size()));
        rejects(() -> set.head(0), "cannot take the first 0");
    }

    @Test
    void classesKeepsTheGivenClassesWithTheirLabels() {
        LabelledImages subset = set.classes(4, 1);
        assertEquals("s[classes 4, 1]", subset.name());
        assertEquals(12, subset.size());
        assertEquals(5, subset.classes(), "the label space is unchanged");
        assertArrayEquals(new int[] {0, 8, 0, 0, 4}, subset.classCounts());
        for (int i = 0; i < subset.size(); i++) {
            assertEquals(set.label(subset.id(i)), subset.label(i));
            assertEquals(subset.id(i), Synthetic.encodedId(subset, i), "pixels follow the id");
            assertTrue(i == 0 || subset.id(i) > subset.id(i - 1), "the source's order");
        }
    }

    @Test
    void copyImagesOfAViewWritesTheViewsImages() {
        LabelledImages subset = set.classes(2);
        float[] batch = new float[2 * 4];
        subset.copyImages(new int[] {2, 0}, batch, 0);
        assertArrayEquals(subset.image(2), Arrays.copyOfRange(batch, 0, 4));
        assertArrayEquals(set.image(subset.id(0)), Arrays.copyOfRange(batch, 4, 8));
    }

    @Test
    void classesRejectsBadClasses() {
        rejects(() -> set.classes(new int[0]), "classes: expected at least one class");
        rejects(() -> set.classes(5), "classes: class 5 is unknown, expected 0..4");
        rejects(() -> set.classes(-1), "classes: class -1 is unknown");
        rejects(() -> set.classes(1, 1), "classes: class 1 is given twice");
        rejects(() -> set.classes(3), "classes: s has no images of classes 3");
    }
}
