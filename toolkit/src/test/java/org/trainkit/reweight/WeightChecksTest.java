package org.trainkit.reweight;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WeightChecksTest {

    /** A strategy that returns fixed weights, to provoke every check. */
    private record Fixed(double[] weights, boolean allZeroAllowed) implements Reweighting {
        @Override
        public String name() {
            return "fixed";
        }

        @Override
        public String spec() {
            return "fixed()";
        }

        @Override
        public boolean mayWeighAllZero() {
            return allZeroAllowed;
        }

        @Override
        public Weigher start(int[] classCounts) {
            return batch -> weights.clone();
        }
    }

    private static String failure(double[] weights, boolean allZeroAllowed) {
        Weigher w = new Fixed(weights, allZeroAllowed).weigher(new int[2]);
        return assertThrows(WeightException.class, () -> w.weights(Batches.of(17, 1, 2, 3, 4))).getMessage();
    }

    @Test
    void aNonFiniteWeightNamesStrategyStepAndSample() {
        assertEquals("fixed() gave weight NaN to sample 3 (id 103, loss 4.0) at step 17; expected a finite weight >= 0",
                failure(new double[] {1, 1, 1, Double.NaN}, false));
        assertEquals("fixed() gave weight Infinity to sample 0 (id 100, loss 1.0) at step 17; expected a finite weight >= 0",
                failure(new double[] {Double.POSITIVE_INFINITY, 1, 1, 1}, false));
    }

    @Test
    void aNegativeWeightIsRefused() {
        assertEquals("fixed() gave weight -0.5 to sample 1 (id 101, loss 2.0) at step 17; expected a finite weight >= 0",
                failure(new double[] {1, -0.5, 1, 1}, false));
    }

    @Test
    void theWrongNumberOfWeightsIsRefused() {
        assertEquals("fixed() gave 3 weights at step 17; expected 4, one per sample", failure(new double[] {1, 1, 1}, false));
    }

    @Test
    void allZeroIsRefusedUnlessTheStrategyAllowsIt() {
        assertEquals("fixed() gave weight 0 to every sample at step 17 (sample 0 has id 100); this strategy needs at least"
                + " one positive weight per batch", failure(new double[4], false));
        assertArrayEquals(new double[4], new Fixed(new double[4], true).weigher(new int[2]).weights(Batches.of(17, 1, 2, 3, 4)));
    }

    @Test
    void feasibleLearningMayWeighAllZeroButLossBasedMayNot() {
        double[] zero = new FeasibleLearning(10, 0.1, 0).weigher(new int[2]).weights(Batches.of(0, 1, 2));
        assertArrayEquals(new double[2], zero);
        assertEquals(false, new LossReweighting(LossShape.LINUPPER, 1, 0).mayWeighAllZero());
        assertEquals(false, new ClassBalanced(0.9).mayWeighAllZero());
    }

    @Test
    void aRealStrategyFailingInTheHarnessNamesItself() {
        // class-balanced weights of a class with no training samples are 0: a batch of only that class is all zero
        Weigher w = new ClassBalanced(0.9).weigher(new int[] {3, 0});
        WeightException e = assertThrows(WeightException.class,
                () -> w.weights(Batches.of(4, new int[] {8, 9}, new int[] {1, 1}, new float[] {1, 1})));
        assertEquals("class_balanced(beta=0.9) gave weight 0 to every sample at step 4 (sample 0 has id 8); this strategy"
                + " needs at least one positive weight per batch", e.getMessage());
    }
}
