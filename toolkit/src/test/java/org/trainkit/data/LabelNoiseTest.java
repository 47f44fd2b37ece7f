package org.trainkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainkit.data.Messages.rejects;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link LabelNoise} and {@link NoisyLabels}. */
class LabelNoiseTest {

    /** 5,000 images, 500 per class. */
    private static final LabelledImages SET = Synthetic.balanced(500);

    /** Binomial tolerance: {@code count} is within 4.5 standard deviations of {@code n p}. */
    private static void assertBinomial(int count, int n, double p, String what) {
        double sd = Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(count - n * p) <= 4.5 * sd + 1e-9,
                () -> what + ": " + count + " of " + n + ", expected about " + n * p + " (sd " + sd + ")");
    }

    static Stream<Arguments> ratesAndSeeds() {
        return Stream.of(0.05, 0.2, 0.5, 0.8).flatMap(rate -> LongStream.rangeClosed(1, 10)
                .mapToObj(seed -> Arguments.of(rate, seed)));
    }

    @ParameterizedTest
    @MethodSource("ratesAndSeeds")
    void symmetricNoiseFlipsTheRateToOtherClasses(double rate, long seed) {
        NoisyLabels noisy = LabelNoise.symmetric(rate, seed).apply(SET);
        // drawing from all classes would leave only rate * 9/10 wrong: 8 sd off at rate 0.8
        assertBinomial(noisy.flippedCount(), SET.size(), rate, "flipped labels");
        assertEquals((double) noisy.flippedCount() / SET.size(), noisy.noiseRate());
        boolean[] mask = noisy.flippedMask();
        for (int i = 0; i < SET.size(); i++) {
            assertEquals(SET.label(i), noisy.trueLabel(i));
            assertEquals(noisy.label(i) != noisy.trueLabel(i), mask[i]);
            assertEquals(mask[i], noisy.flipped(i));
            assertEquals(SET.id(i), noisy.id(i));
        }
    }

    @Test
    void symmetricTargetsAreUniformOverTheOtherClasses() {
        NoisyLabels noisy = LabelNoise.symmetric(0.9, 11).apply(SET);
        int[][] moves = moves(noisy);
        for (int from = 0; from < 10; from++) {
            assertEquals(0, moves[from][from], "a flip never keeps the true label");
            for (int to = 0; to < 10; to++) {
                if (to != from) {
                    assertBinomial(moves[from][to], 500, 0.1, from + " -> " + to);
                }
            }
        }
    }

    /** {@code moves[true][noisy]}: how many flipped samples went from one class to another. */
    private static int[][] moves(LabelledImages noisy) {
        int[][] moves = new int[noisy.classes()][noisy.classes()];
        for (int i = 0; i < noisy.size(); i++) {
            if (noisy.flipped(i)) {
                moves[noisy.trueLabel(i)][noisy.label(i)]++;
            }
        }
        return moves;
    }

    @Test
    void theSeedDecidesTheNoise() {
        assertArrayEquals(LabelNoise.symmetric(0.3, 4).apply(SET).labels(), LabelNoise.symmetric(0.3, 4).apply(SET).labels());
        assertFalse(Arrays.equals(LabelNoise.symmetric(0.3, 4).apply(SET).labels(),
                LabelNoise.symmetric(0.3, 5).apply(SET).labels()));
    }

    @Test
    void withOneSeedALowerRateFlipsASubsetOfAHigherOne() {
        boolean[] low = LabelNoise.symmetric(0.2, 8).apply(SET).flippedMask();
        boolean[] high = LabelNoise.symmetric(0.4, 8).apply(SET).flippedMask();
        for (int i = 0; i < low.length; i++) {
            assertTrue(!low[i] || high[i], "sample " + i);
        }
        assertEquals(0, LabelNoise.symmetric(0, 8).apply(SET).flippedCount(), "rate 0");
    }

    @Test
    void pairNoiseMovesEachClassToTheNext() {
        NoisyLabels noisy = LabelNoise.pairs(0.3, 2).apply(SET);
        int[][] moves = moves(noisy);
        for (int from = 0; from < 10; from++) {
            assertBinomial(moves[from][(from + 1) % 10], 500, 0.3, from + " -> " + (from + 1) % 10);
            assertEquals(Arrays.stream(moves[from]).sum(), moves[from][(from + 1) % 10], "only to the next class");
        }
    }

    @Test
    void mappedNoiseMovesOnlyTheGivenClasses() {
        NoisyLabels noisy = LabelNoise.classDependent(Map.of(6, 0, 2, 4), 0.4, 3).apply(SET);
        int[][] moves = moves(noisy);
        assertBinomial(moves[6][0], 500, 0.4, "6 -> 0");
        assertBinomial(moves[2][4], 500, 0.4, "2 -> 4");
        assertEquals(moves[6][0] + moves[2][4], noisy.flippedCount(), "no other flips");
        assertEquals("synthetic[class-dependent noise 40% 2->4 6->0, seed 3]", noisy.name());
    }

    @Test
    void aTransitionMatrixIsFollowed() {
        LabelledImages three = Synthetic.withCounts("three", 400, 400, 400);
        double[][] t = {{0, 0, 1}, {0, 0.75, 0.25}, {0, 0, 1}};
        NoisyLabels noisy = LabelNoise.classDependent(t, 9).apply(three);
        int[][] moves = moves(noisy);
        assertEquals(400, moves[0][2], "class 0 always becomes 2");
        assertBinomial(moves[1][2], 400, 0.25, "1 -> 2");
        assertEquals(0, moves[1][0] + moves[2][0] + moves[2][1]);
        LabelNoise given = LabelNoise.classDependent(t, 9);
        t[0][0] = 1;
        assertEquals(0.0, given.transition(3)[0][0], "copied in");
        LabelNoise copied = LabelNoise.classDependent(new double[][] {{1, 0}, {0, 1}}, 1);
        copied.transition(2)[0][0] = 0;
        assertEquals(1.0, copied.transition(2)[0][0], "copied out");
    }

    @Test
    void noiseDependsOnTheSampleIdSoItCommutesWithViews() {
        LabelNoise noise = LabelNoise.symmetric(0.3, 6);
        NoisyLabels whole = noise.apply(SET);
        LabelledImages part = SET.split(0.25, 1).train().classes(1, 2, 3);
        NoisyLabels partNoisy = noise.apply(part);
        for (int i = 0; i < part.size(); i++) {
            assertEquals(whole.label(part.id(i)), partNoisy.label(i), "sample " + part.id(i));
        }
    }

    @Test
    void aNoisySetKnowsItsSourceAndNoise() {
        LabelNoise noise = LabelNoise.symmetric(0.2, 3);
        NoisyLabels noisy = noise.apply(SET);
        assertSame(SET, noisy.source());
        assertSame(noise, noisy.noise());
        assertEquals("synthetic[symmetric noise 20%, seed 3]", noisy.name());
        assertTrue(noisy.toString().endsWith(noisy.flippedCount() + " labels flipped)"), noisy.toString());
        assertEquals("pair noise 12.5%, seed -1", LabelNoise.pairs(0.125, -1).toString());
    }

    @Test
    void badArgumentsAreNamed() {
        for (double bad : new double[] {-0.1, 1, 1.5, Double.NaN}) {
            rejects(() -> LabelNoise.symmetric(bad, 1), "rate: expected a probability in [0, 1), got " + bad);
            rejects(() -> LabelNoise.pairs(bad, 1), "rate: expected a probability in [0, 1)");
            rejects(() -> LabelNoise.classDependent(Map.of(1, 2), bad, 1), "rate: expected a probability");
        }
        rejects(() -> LabelNoise.classDependent(Map.of(), 0.1, 1), "flips: expected at least one");
        rejects(() -> LabelNoise.classDependent(Map.of(3, 3), 0.1, 1), "flips: 3 -> 3 is not a flip");
        rejects(() -> LabelNoise.classDependent(Map.of(3, 12), 0.1, 1).apply(SET), "flips: class 12 is unknown, expected 0..9");
        rejects(() -> LabelNoise.classDependent(new double[][] {{1, 0}}, 1), "transition: row 0 has 2 entries, expected 1");
        rejects(() -> LabelNoise.classDependent(new double[][] {{0.5, 0.4}, {0, 1}}, 1), "transition: row 0 sums to 0.9");
        rejects(() -> LabelNoise.classDependent(new double[][] {{1.5, -0.5}, {0, 1}}, 1), "entry [0][0] is 1.5");
        rejects(() -> LabelNoise.classDependent(new double[][] {{1, 0}, {0, 1}}, 1).apply(SET),
                "transition: 2 x 2 matrix for a set of 10 classes, expected 10 x 10");
        rejects(() -> LabelNoise.symmetric(0.1, 1).transition(1), "classes: label noise needs at least 2 classes");
    }
}
