package org.trainkit.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.trainkit.train.DjlRuntime;

/** The reweighted loss in DJL's own training loop, {@code EasyTrain.fit}. */
class DjlLossTest {

    private static final int SAMPLES = 300;
    private static final int BATCH = 30;
    private static final int EPOCHS = 4;

    /** Three Gaussian blobs in 4 dimensions, 100 points each; labels then ids as the two label arrays. */
    private static ArrayDataset blobs(NDManager manager, long seed) {
        Random random = new Random(seed);
        float[] x = new float[SAMPLES * 4];
        float[] y = new float[SAMPLES];
        float[] ids = new float[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            int c = i % 3;
            y[i] = c;
            ids[i] = 1000 + i;
            for (int d = 0; d < 4; d++) {
                x[i * 4 + d] = (float) ((d == c ? 3 : 0) + random.nextGaussian());
            }
        }
        return new ArrayDataset.Builder().setData(manager.create(x, new Shape(SAMPLES, 4)))
                .optLabels(manager.create(y), manager.create(ids)).setSampling(BATCH, true).build();
    }

    private static double fitAndMeasure(ReweightedLoss loss) throws Exception {
        DjlRuntime.pytorch().setRandomSeed(3);
        try (Model model = Model.newInstance("blobs", DjlRuntime.ENGINE)) {
            SequentialBlock block = new SequentialBlock().add(Linear.builder().setUnits(16).build())
                    .add(Activation::relu).add(Linear.builder().setUnits(3).build());
            model.setBlock(block);
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.02f)).build())
                    .addEvaluator(new Accuracy()).addTrainingListeners(TrainingListener.Defaults.basic());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(BATCH, 4));
                ArrayDataset train = blobs(model.getNDManager(), 1);
                ArrayDataset validation = blobs(model.getNDManager(), 2);
                EasyTrain.fit(trainer, EPOCHS, train, validation);
                return trainer.getTrainingResult().getValidateEvaluation("Accuracy");
            }
        }
    }

    @Test
    void aLossBasedStrategyTrainsInEasyTrain() throws Exception {
        ReweightedLoss loss = ReweightedLoss.of(new LossReweighting(LossShape.LINUPPER, 1, 2), new int[] {100, 100, 100});
        double accuracy = fitAndMeasure(loss);
        assertTrue(accuracy > 0.9, "validation accuracy " + accuracy);
        assertEquals(EPOCHS * SAMPLES / BATCH, loss.steps(), "one step per training batch, none for validation");
    }

    @Test
    void feasibleLearningKeepsItsMultipliersByTheIdLabels() throws Exception {
        ReweightedLoss loss = ReweightedLoss.of(new FeasibleLearning(0.05, 1, 0), new int[] {100, 100, 100});
        double accuracy = fitAndMeasure(loss);
        assertTrue(accuracy > 0.9, "validation accuracy " + accuracy);
        assertEquals(EPOCHS * SAMPLES / BATCH, loss.steps());
    }

    @Test
    void ldamDrwBringsItsOwnBaseLoss() throws Exception {
        ReweightedLoss loss = ReweightedLoss.of(new LdamDrw(0.5, 1, 0.99, 20), new int[] {100, 100, 100});
        assertTrue(fitAndMeasure(loss) > 0.9);
    }

    @Test
    void theWeightsAreTheStrategysAndConstantForTheGradient() {
        try (NDManager manager = DjlRuntime.pytorch().newBaseManager()) {
            NDArray logits = manager.create(new float[] {2, 0, 0, 0, 0, 1}, new Shape(3, 2));
            logits.setRequiresGradient(true);
            NDList labels = new NDList(manager.create(new float[] {0, 1, 0}), manager.create(new float[] {5, 6, 7}));
            ReweightedLoss loss = ReweightedLoss.of(new LossReweighting(LossShape.LINUPPER, 1, 0), new int[] {2, 1});
            float[] ce = UnreducedLoss.crossEntropy().evaluate(labels, new NDList(logits)).toFloatArray();
            double[] w = new LossReweighting(LossShape.LINUPPER, 1, 0).weights(ce);
            double expected = (w[0] * ce[0] + w[1] * ce[1] + w[2] * ce[2]) / 3;
            assertEquals(expected, loss.evaluate(labels, new NDList(logits)).getFloat(), 1e-5);
            assertEquals(1, loss.steps());
            assertEquals(expected, loss.evaluate(labels, new NDList(logits)).getFloat(), 1e-5);
            assertEquals(1, loss.steps(), "a second evaluation of the same predictions is not a new step");
        }
    }

    @Test
    void aReducedBaseLossIsRefusedWithAHint() {
        try (NDManager manager = DjlRuntime.pytorch().newBaseManager()) {
            NDArray logits = manager.create(new float[] {2, 0, 0, 1}, new Shape(2, 2));
            NDList labels = new NDList(manager.create(new float[] {0, 1}));
            ReweightedLoss loss = new ReweightedLoss(new Uniform(), Loss.softmaxCrossEntropyLoss(), new int[] {1, 1});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loss.evaluate(labels, new NDList(logits)));
            assertTrue(e.getMessage().contains("wrap an unreduced loss such as UnreducedLoss.crossEntropy()"), e.getMessage());
        }
    }

    @Test
    void feasibleLearningWithoutIdsSaysWhatIsMissing() {
        try (NDManager manager = DjlRuntime.pytorch().newBaseManager()) {
            NDArray logits = manager.create(new float[] {2, 0, 0, 1}, new Shape(2, 2));
            logits.setRequiresGradient(true);
            ReweightedLoss loss = ReweightedLoss.of(new FeasibleLearning(0.5, 0.1, 0), new int[] {1, 1});
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loss.evaluate(new NDList(manager.create(new float[] {0, 1})), new NDList(logits)));
            assertTrue(e.getMessage().startsWith("feasible(eps=0.5, dual_lr=0.1, slack=0) keeps per-sample state by sample id"),
                    e.getMessage());
        }
    }

    @Test
    void aLabelBeyondTheStrategysClassesStopsTheDjlLoop() {
        ReweightedLoss narrow = ReweightedLoss.of(new ClassBalanced(0.9), new int[] {100, 100});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fitAndMeasure(narrow));
        assertTrue(e.getMessage().startsWith("class_balanced: label 2 outside the 2 classes"), e.getMessage());
    }
}
