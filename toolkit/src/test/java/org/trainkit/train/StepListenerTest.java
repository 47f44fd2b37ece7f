package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.checkpoint.ParameterSet;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedules;

class StepListenerTest {

    private static final LabelledImages TRAIN = Synthetic.images("s", 64, 1);
    private static final LabelledImages TEST = Synthetic.images("t", 20, 2);

    @TempDir
    Path dir;

    private static double[] rates(int steps) {
        double[] rates = new double[steps];
        for (int t = 0; t < steps; t++) {
            rates[t] = 1e-3 * (t + 1);
        }
        return rates;
    }

    @Test
    void listenersSeeEveryStepWithItsEpochRateBatchAndSettings() {
        double[] rates = rates(12);
        List<StepEvent> events = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        TrainingResult result = Trainer.on(TRAIN, TEST).model(Models.mlp(16)).schedule(Schedules.of(rates))
                .batchSize(16).epochs(3).progress(false).logCsv(dir.resolve("run.csv"))
                .listener(events::add).listener(e -> second.add(e.step())).train();
        assertEquals(12, events.size());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11), second);
        double[] loggedLoss = result.log().doubleColumn("loss").asDoubleArray();
        double[] loggedNorm = result.log().doubleColumn("grad_norm").asDoubleArray();
        for (int t = 0; t < 12; t++) {
            StepEvent e = events.get(t);
            assertEquals(t, e.step());
            assertEquals(t / 4, e.epoch(), "4 batches of 16 per epoch");
            assertEquals(rates[t], e.lr());
            assertEquals(loggedLoss[t], e.loss());
            assertEquals(loggedNorm[t], e.gradNorm());
            assertEquals(16, e.size());
            assertArrayEquals(e.indices(), e.ids(), "ids are training-set indices until data views land");
            for (int i = 0; i < 16; i++) {
                assertEquals(TRAIN.label(e.indices()[i]), e.labels()[i]);
            }
            assertNull(e.weights(), "no weighting");
            assertSame(result.settings(), e.settings());
        }
    }

    @Test
    void parametersAreCopiedOutDuringTheCallOnly() {
        List<ParameterSet> taken = new ArrayList<>();
        List<StepEvent> kept = new ArrayList<>();
        TrainingResult result = Trainer.on(TRAIN, TEST).model(Models.mlp(16)).schedule(Schedules.of(rates(5)))
                .batchSize(16).progress(false).logCsv(dir.resolve("p.csv")).listener(e -> {
                    ParameterSet parameters = e.parameters();
                    assertSame(parameters, e.parameters(), "one copy per step");
                    taken.add(parameters);
                    kept.add(e);
                }).listener(e -> assertSame(taken.get(taken.size() - 1), e.parameters(), "shared with later listeners"))
                .train();
        assertEquals(5, taken.size());
        for (int t = 1; t < 5; t++) {
            assertFalse(taken.get(t).equals(taken.get(t - 1)), "step " + t + " moved the parameters");
        }
        assertEquals(result.parameters(), taken.get(4), "the last step's parameters are the run's");
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> kept.get(2).parameters());
        assertTrue(late.getMessage().contains("step 2"), late.getMessage());
    }

    @Test
    void theEventCarriesTheWeightsOfAWeighting() {
        List<double[]> given = new ArrayList<>();
        List<double[]> seen = new ArrayList<>();
        Trainer.on(TRAIN, TEST).model(Models.mlp(16)).schedule(Schedules.of(rates(4))).batchSize(8).progress(false)
                .logCsv(dir.resolve("w.csv")).weighting(batch -> {
                    double[] w = new double[batch.size()];
                    for (int i = 0; i < w.length; i++) {
                        w[i] = (batch.step() + i) % 3;
                    }
                    given.add(w.clone());
                    return w;
                }).listener(e -> seen.add(e.weights())).train();
        assertEquals(4, seen.size());
        for (int t = 0; t < 4; t++) {
            assertArrayEquals(given.get(t), seen.get(t));
        }
    }

    @Test
    void anEventIsAValueThatCopiesItsArrays() {
        RunSettings settings = new RunSettings("r", "mlp(4)", "sgd", "constant", 2, 1, 0, 1, "shuffled", "none",
                "random", "s", "t");
        ParameterSet none = ParameterSet.of(List.of());
        int[] indices = {3, 5};
        float[] losses = {1f, 3f};
        StepEvent e = new StepEvent(settings, 0, 0, 0.1, 2.0, indices, indices, new int[] {1, 2}, losses, null,
                () -> none);
        indices[0] = 9;
        losses[0] = 9f;
        assertArrayEquals(new int[] {3, 5}, e.indices());
        assertEquals(2.0, e.loss());
        e.losses()[1] = 0f;
        assertEquals(2.0, e.loss());
        assertSame(none, e.parameters());
        assertThrows(IllegalArgumentException.class, () -> new StepEvent(settings, 0, 0, 0.1, 2.0, new int[] {1},
                new int[] {1}, new int[] {1}, new float[] {1f}, new double[] {1, 2}, () -> none));
    }

    @Test
    void aFailingListenerEndsTheRun() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> Trainer.on(TRAIN, TEST)
                .model(Models.mlp(4)).schedule(Schedules.of(rates(4))).batchSize(8).progress(false)
                .logCsv(dir.resolve("f.csv")).listener(e -> {
                    if (e.step() == 2) {
                        throw new IllegalStateException("stop at 2");
                    }
                }).train());
        assertEquals("stop at 2", error.getMessage());
    }
}
