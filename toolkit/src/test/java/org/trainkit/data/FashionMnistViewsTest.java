package org.trainkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The views on the real Fashion-MNIST training split (skipped when it is not installed). */
class FashionMnistViewsTest {

    private static LabelledImages train;

    @BeforeAll
    static void load() {
        assumeTrue(Files.isDirectory(FashionMnist.directory()), "Fashion-MNIST is not installed in "
                + FashionMnist.directory());
        train = FashionMnist.load().train();
    }

    @Test
    void aTenPercentSplitHoldsSixHundredImagesOfEachClass() {
        TrainValidation split = train.split(0.1, 1);
        assertEquals("fashion-mnist/train[train 90%, seed 1]", split.train().name());
        assertEquals("fashion-mnist/train[validation 10%, seed 1]", split.validation().name());
        for (int c = 0; c < 10; c++) {
            assertEquals(5_400, split.train().classCounts()[c]);
            assertEquals(600, split.validation().classCounts()[c]);
        }
        LabelledImages validation = split.validation();
        for (int i = 0; i < validation.size(); i += 97) {
            assertArrayEquals(train.image(validation.id(i)), validation.image(i));
            assertEquals(train.label(validation.id(i)), validation.label(i));
        }
    }

    @Test
    void aLongTailOfRatioOneHundredRunsFrom5400To54() {
        LabelledImages tail = LongTail.of(100, 1).apply(train.split(0.1, 1).train());
        int[] counts = tail.classCounts();
        assertEquals(5_400, counts[0]);
        assertEquals(54, counts[9]);
        assertEquals(100.0, (double) counts[0] / counts[9]);
        for (int c = 1; c < 10; c++) {
            assertTrue(counts[c] < counts[c - 1], "class " + c + " smaller than class " + (c - 1));
        }
    }

    @Test
    void fortyPercentSymmetricNoiseFlipsFortyPercent() {
        NoisyLabels noisy = LabelNoise.symmetric(0.4, 1).apply(train);
        double sd = Math.sqrt(0.4 * 0.6 / train.size());
        assertEquals(0.4, noisy.noiseRate(), 4.5 * sd);
        assertArrayEquals(train.labels(), noisy.trueLabels());
        assertEquals("Ankle boot", noisy.classNames().get(noisy.trueLabel(0)));
    }
}
