package org.trainkit.reweight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.trainkit.train.DjlRuntime;

/**
 * Golden values worked out by hand from the formulas of REFERENCES.md section 3 on batches small
 * enough to follow (the arithmetic is in each test's comment).
 */
class GoldenWeightsTest {

    private static final double TOL = 1e-9;
    private static final double E = Math.E;

    @Test
    void linUpperDownWeightsTheLowestLoss() {
        // losses 1, 2, 3: x = (2l - 4) / 2 = -1, 0, 1; f = min(x + 1, 1) = 0, 1, 1; w = 3 softmax(f)
        double[] w = new LossReweighting(LossShape.LINUPPER, 1, 0).start(new int[2]).weights(Batches.of(0, 1, 2, 3));
        assertArrayEquals(new double[] {3 / (1 + 2 * E), 3 * E / (1 + 2 * E), 3 * E / (1 + 2 * E)}, w, TOL);
        assertArrayEquals(new double[] {0.46608721049089086, 1.2669563947545546, 1.2669563947545546}, w, TOL);
    }

    @Test
    void temperatureSharpensTheSoftmax() {
        // r = 0.5: f / r = 0, 2, 2
        double e2 = Math.exp(2);
        double[] w = new LossReweighting(LossShape.LINUPPER, 0.5, 0).weights(new float[] {1, 2, 3});
        assertArrayEquals(new double[] {3 / (1 + 2 * e2), 3 * e2 / (1 + 2 * e2), 3 * e2 / (1 + 2 * e2)}, w, TOL);
    }

    @Test
    void quadraticFavoursTheMiddle() {
        // f = 1 - x^2 = 0, 1, 0
        double[] w = new LossReweighting(LossShape.QUADRATIC, 1, 0).weights(new float[] {1, 2, 3});
        assertArrayEquals(new double[] {3 / (2 + E), 3 * E / (2 + E), 3 / (2 + E)}, w, TOL);
    }

    @Test
    void extremesFavourBothEnds() {
        // f = |x| = 1, 0, 1; the order of the losses does not matter
        double[] w = new LossReweighting(LossShape.EXTREMES, 1, 0).weights(new float[] {3, 2, 1});
        assertArrayEquals(new double[] {3 * E / (2 * E + 1), 3 / (2 * E + 1), 3 * E / (2 * E + 1)}, w, TOL);
    }

    @Test
    void lossWeightsSumToTheBatchSizeAndWarmupIsUniform() {
        Weigher weigher = new LossReweighting(LossShape.LINUPPER, 1, 5).start(new int[2]);
        assertArrayEquals(new double[] {1, 1, 1, 1}, weigher.weights(Batches.of(4, 0.1f, 5, 2, 3)), 0);
        double[] after = weigher.weights(Batches.of(5, 0.1f, 5, 2, 3));
        assertEquals(4, after[0] + after[1] + after[2] + after[3], 1e-12);
        assertArrayEquals(new double[] {1, 1, 1}, new LossReweighting(LossShape.EXTREMES, 1, 0).weights(new float[] {2, 2, 2}),
                1e-15);
    }

    @Test
    void focalWeightIsOneMinusTheTrueClassProbabilityToGamma() {
        Focal focal = new Focal(2);
        // p_t = exp(-ln 2) = 0.5: (1 - 0.5)^2 = 0.25; loss 1: (1 - e^-1)^2
        assertEquals(0.25, focal.weight(Math.log(2)), 1e-12);
        assertEquals(Math.pow(1 - 1 / E, 2), focal.weight(1), 1e-12);
        assertEquals(0, focal.weight(0), 0);
        assertEquals(1, new Focal(0).weight(3), 0);
    }

    @Test
    void feasibleLearningTakesTheDualStepThenWeighsByTheMultipliers() {
        FeasibleLearning.Multipliers run = new FeasibleLearning(0.5, 0.1, 0).start(new int[2]);
        // lambda_7 = max(0, 0 + 0.1 (1.5 - 0.5)) = 0.1; lambda_3 = max(0, 0.1 (0.2 - 0.5)) = 0
        assertArrayEquals(new double[] {0.1, 0}, run.weights(Batches.of(0, new int[] {7, 3}, new int[] {0, 1},
                new float[] {1.5f, 0.2f})), 1e-7);
        // lambda_7 = 0.1 + 0.1 (1.0 - 0.5) = 0.15; lambda_3 = 0 + 0.1 (0.9 - 0.5) = 0.04; kept by id, not position
        assertArrayEquals(new double[] {0.04, 0.15}, run.weights(Batches.of(1, new int[] {3, 7}, new int[] {1, 0},
                new float[] {0.9f, 1.0f})), 1e-7);
        assertEquals(0.15, run.multiplier(7), 1e-7);
        assertEquals(0, run.multiplier(12345), 0);
    }

    @Test
    void relaxedFeasibleLearningDecaysTheMultipliers() {
        FeasibleLearning.Multipliers run = new FeasibleLearning(0.5, 0.1, 1).start(new int[2]);
        run.weights(Batches.of(0, new int[] {7}, new int[] {0}, new float[] {1.5f}));
        // lambda = 0.1 + 0.1 (1.5 - 0.5 - 1 * 0.1) = 0.19 (strict: 0.2)
        assertArrayEquals(new double[] {0.19}, run.weights(Batches.of(1, new int[] {7}, new int[] {0},
                new float[] {1.5f})), 1e-7);
    }

    @Test
    void classBalancedWeightsFollowTheEffectiveNumber() {
        // beta 0.9, counts 1, 2: (1 - 0.9) / (1 - 0.9) = 1 and 0.1 / 0.19; normalised to sum 2: 3.8 / 2.9, 2 / 2.9
        assertArrayEquals(new double[] {3.8 / 2.9, 2 / 2.9}, new ClassBalanced(0.9).classWeights(new int[] {1, 2}), 1e-12);
        // beta 0.9999, counts 5000, 500 (1 - beta^n computed independently)
        assertArrayEquals(new double[] {0.22056362344935043, 1.7794363765506493},
                new ClassBalanced(0.9999).classWeights(new int[] {5000, 500}), 1e-9);
        // empty classes weigh 0; beta 0 is uniform
        assertArrayEquals(new double[] {1, 0, 1}, new ClassBalanced(0.5).classWeights(new int[] {4, 0, 4}), 1e-12);
        assertArrayEquals(new double[] {1, 1}, new ClassBalanced(0).classWeights(new int[] {1, 1000}), 0);
        double[] perSample = new ClassBalanced(0.9).start(new int[] {1, 2}).weights(Batches.of(0, 5, 5, 5));
        assertArrayEquals(new double[] {3.8 / 2.9, 2 / 2.9, 3.8 / 2.9}, perSample, 1e-12);
    }

    @Test
    void ldamMarginsScaleWithTheInverseFourthRootOfTheCount() {
        // counts 10000, 625, 16: n^(-1/4) = 0.1, 0.2, 0.5, the largest scaled to 0.5
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.5f}, new LdamMargins(new int[] {10000, 625, 16}, 0.5, 1).margins(),
                1e-6f);
        assertArrayEquals(new float[] {0.05f, 0.1f, 0.25f}, new LdamMargins(new int[] {10000, 625, 16}, 0.25, 1).margins(),
                1e-6f);
    }

    @Test
    void ldamLossIsCrossEntropyOfTheScaledMarginLogits() {
        try (NDManager manager = DjlRuntime.pytorch().newBaseManager()) {
            NDArray logits = manager.create(new float[] {2, 1, 0, 2, 1, 0}, new ai.djl.ndarray.types.Shape(2, 3));
            NDArray oneHot = manager.create(new float[] {1, 0, 0, 0, 0, 1}, new ai.djl.ndarray.types.Shape(2, 3));
            float[] l = new LdamMargins(new int[] {10000, 625, 16}, 0.5, 1).losses(logits, oneHot).toFloatArray();
            // sample 0: z = (2 - 0.1, 1, 0), label 0; sample 1: z = (2, 1, 0 - 0.5), label 2
            assertEquals(-Math.log(Math.exp(1.9) / (Math.exp(1.9) + E + 1)), l[0], 1e-5);
            assertEquals(-Math.log(Math.exp(-0.5) / (Math.exp(2) + E + Math.exp(-0.5))), l[1], 1e-5);
            float[] scaled = new LdamMargins(new int[] {10000, 625, 16}, 0.5, 2).losses(logits, oneHot).toFloatArray();
            assertEquals(-Math.log(Math.exp(3.8) / (Math.exp(3.8) + Math.exp(2) + 1)), scaled[0], 1e-5);
        }
    }

    @Test
    void drwIsUniformUntilTheDeferralStepThenClassBalanced() {
        Weigher w = new LdamDrw(0.5, 30, 0.9, 10).start(new int[] {1, 2});
        assertArrayEquals(new double[] {1, 1}, w.weights(Batches.of(9, 1, 1)), 0);
        assertArrayEquals(new double[] {3.8 / 2.9, 2 / 2.9}, w.weights(Batches.of(10, 1, 1)), 1e-12);
    }

    @Test
    void minSnrWeighsEachTarget() {
        // gamma 5; SNR 10 is clamped to 5, SNR 2 is not
        assertEquals(5, new MinSnr(5, DiffusionTarget.X0).weight(10), 0);
        assertEquals(0.5, new MinSnr(5, DiffusionTarget.EPSILON).weight(10), 1e-15);
        assertEquals(5.0 / 11, new MinSnr(5, DiffusionTarget.V).weight(10), 1e-15);
        assertEquals(2, new MinSnr(5, DiffusionTarget.X0).weight(2), 0);
        assertEquals(1, new MinSnr(5, DiffusionTarget.EPSILON).weight(2), 0);
        assertEquals(2.0 / 3, new MinSnr(5, DiffusionTarget.V).weight(2), 1e-15);
        // alpha 0.8, sigma 0.6: SNR = 16/9
        assertEquals(16.0 / 9 / (16.0 / 9 + 1), new MinSnr(5, DiffusionTarget.V).weight(0.8, 0.6), 1e-12);
    }

    @Test
    void doReMiRaisesTheGroupWithExcessLoss() {
        // excess = max(2 - 1, 0), max(1 - 1.5, 0) = 1, 0: alpha' = 0.5 e, 0.5 -> e / (1 + e), 1 / (1 + e)
        assertArrayEquals(new double[] {E / (1 + E), 1 / (1 + E)},
                new DoReMi(1, 0).update(new double[] {0.5, 0.5}, new double[] {2, 1}, new double[] {1, 1.5}), 1e-12);
        // smoothing 0.1: 0.9 * that + 0.05
        assertArrayEquals(new double[] {0.9 * E / (1 + E) + 0.05, 0.9 / (1 + E) + 0.05},
                new DoReMi(1, 0.1).update(new double[] {0.5, 0.5}, new double[] {2, 1}, new double[] {1, 1.5}), 1e-12);
    }

    @Test
    void doReMiOutputsTheAverageWeights() {
        DoReMi.Run run = new DoReMi(1, 0).start(2);
        double[] first = run.update(new double[] {2, 1}, new double[] {1, 1.5});
        double[] second = run.update(new double[] {1, 1}, new double[] {1, 1});
        assertArrayEquals(first, second, 1e-15);
        assertArrayEquals(first, run.average(), 1e-15);
        assertArrayEquals(new double[] {0.5, 0.5}, new DoReMi(1, 0).start(2).average(), 0);
    }

    @Test
    void bilevelMovesWeightToTheGroupAlignedWithValidation() {
        // dots <g_val, g_g> = 1, 0: w = 0.5 e, 0.5 normalised
        assertArrayEquals(new double[] {E / (1 + E), 1 / (1 + E)},
                new BilevelGroupWeights(1).update(new double[] {0.5, 0.5}, new double[][] {{1, 0}, {0, 1}},
                        new double[] {1, 0}), 1e-12);
        // lr 2 and a gradient against validation: dots -1, 0 -> e^-2 / (1 + e^-2)
        double m = Math.exp(-2);
        assertArrayEquals(new double[] {m / (1 + m), 1 / (1 + m)},
                new BilevelGroupWeights(2).update(new double[] {0.5, 0.5}, new double[][] {{-1, 0}, {0, 1}},
                        new double[] {1, 0}), 1e-12);
    }

    @Test
    void uniformIsOne() {
        assertArrayEquals(new double[] {1, 1, 1}, new Uniform().start(new int[2]).weights(Batches.of(0, 9, 0, 1)), 0);
    }
}
