package org.trainkit.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * An optimizer choice, turned into a DJL {@link Optimizer} once the learning-rate tracker is
 * known. Made by {@link Optimizers}; the records are plain values that print their settings.
 */
public sealed interface OptimizerSpec permits OptimizerSpec.Sgd, OptimizerSpec.Adam, OptimizerSpec.AdamW {

    /** The DJL optimizer taking its learning rate from {@code learningRate}. */
    Optimizer build(Tracker learningRate);

    /**
     * Stochastic gradient descent with heavy-ball momentum (Polyak 1964); momentum 0 is plain SGD.
     *
     * @param momentum the momentum factor in [0, 1)
     */
    record Sgd(double momentum) implements OptimizerSpec {
        /** Checks the momentum. */
        public Sgd {
            if (!(momentum >= 0 && momentum < 1)) {
                throw new IllegalArgumentException("SGD momentum must be in [0, 1), got " + momentum);
            }
        }

        @Override
        public Optimizer build(Tracker learningRate) {
            return Optimizer.sgd().setLearningRateTracker(learningRate).optMomentum((float) momentum).build();
        }
    }

    /**
     * Adam (Kingma and Ba, arXiv 1412.6980) without weight decay.
     *
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param epsilon denominator guard
     */
    record Adam(double beta1, double beta2, double epsilon) implements OptimizerSpec {
        /** Checks the settings. */
        public Adam {
            checkBetas(beta1, beta2, epsilon);
        }

        @Override
        public Optimizer build(Tracker learningRate) {
            return Optimizer.adam().optLearningRateTracker(learningRate).optBeta1((float) beta1)
                    .optBeta2((float) beta2).optEpsilon((float) epsilon).build();
        }
    }

    /**
     * AdamW, Adam with decoupled weight decay (Loshchilov and Hutter, arXiv 1711.05101).
     *
     * @param weightDecay the decoupled weight decay factor, &gt;= 0
     * @param beta1 first-moment decay
     * @param beta2 second-moment decay
     * @param epsilon denominator guard
     */
    record AdamW(double weightDecay, double beta1, double beta2, double epsilon) implements OptimizerSpec {
        /** Checks the settings. */
        public AdamW {
            if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
                throw new IllegalArgumentException("AdamW weight decay must be finite and >= 0, got " + weightDecay);
            }
            checkBetas(beta1, beta2, epsilon);
        }

        @Override
        public Optimizer build(Tracker learningRate) {
            return Optimizer.adamW().optLearningRateTracker(learningRate).optWeightDecays((float) weightDecay)
                    .optBeta1((float) beta1).optBeta2((float) beta2).optEpsilon((float) epsilon).build();
        }
    }

    private static void checkBetas(double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adam epsilon must be > 0, got " + epsilon);
        }
    }
}
