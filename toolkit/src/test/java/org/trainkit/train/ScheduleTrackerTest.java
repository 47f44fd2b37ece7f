package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainkit.schedules.Schedules;

class ScheduleTrackerTest {

    @Test
    void updateNumberNUsesTheRateOfStepNMinusOne() {
        ScheduleTracker tracker = new ScheduleTracker(Schedules.of(new double[] {0.0, 0.5, 0.25}));
        assertEquals(0.0f, tracker.getNewValue(1));
        assertEquals(0.5f, tracker.getNewValue(2));
        assertEquals(0.25f, tracker.getNewValue(3));
        assertEquals(0.25f, tracker.getNewValue("any parameter", 3));
    }

    @Test
    void askingOutsideTheScheduleIsAnError() {
        ScheduleTracker tracker = new ScheduleTracker(Schedules.constant(1e-3, 0, 4));
        IllegalStateException past = assertThrows(IllegalStateException.class, () -> tracker.getNewValue(5));
        assertTrue(past.getMessage().contains("step 4") && past.getMessage().contains("0..3"), past.getMessage());
        assertThrows(IllegalStateException.class, () -> tracker.getNewValue(0));
    }

    @Test
    void negativeOrNonFiniteRatesAreAnError() {
        for (double bad : new double[] {-1e-3, Double.NaN, Double.POSITIVE_INFINITY}) {
            ScheduleTracker tracker = new ScheduleTracker(ArraySchedule.constant(bad, 2));
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> tracker.getNewValue(1));
            assertTrue(error.getMessage().contains("at step 0"), error.getMessage());
        }
    }

    /**
     * With plain SGD, each step moves every weight by exactly -lr(t) * gradient: so the change of
     * the weights over a real DJL optimizer step shows which rate the schedule delivered.
     */
    @Test
    void theScheduleDrivesARealDjlOptimizer() {
        double[] rates = {0.0, 0.1, 0.05, 0.2, 0.0125};
        DjlRuntime.pytorch().setRandomSeed(3);
        try (Model model = Model.newInstance("tracker-test", Device.cpu(), DjlRuntime.ENGINE)) {
            model.setBlock(Linear.builder().setUnits(3).build());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizers.sgd(0).build(new ScheduleTracker(Schedules.of(rates))))
                    .optDevices(new Device[] {Device.cpu()});
            try (ai.djl.training.Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(8, 5));
                for (int step = 0; step < rates.length; step++) {
                    try (NDManager scope = trainer.getManager().newSubManager()) {
                        NDArray x = scope.randomNormal(new Shape(8, 5));
                        List<float[]> before = new ArrayList<>();
                        List<float[]> gradients = new ArrayList<>();
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray y = trainer.forward(new NDList(x)).singletonOrThrow();
                            collector.backward(y.square().mean());
                        }
                        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                            before.add(p.getValue().getArray().toFloatArray());
                            NDArray gradient = p.getValue().getArray().getGradient();
                            gradient.attach(scope);
                            gradients.add(gradient.toFloatArray());
                        }
                        trainer.step();
                        int index = 0;
                        for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                            float[] after = p.getValue().getArray().toFloatArray();
                            for (int i = 0; i < after.length; i++) {
                                double expected = before.get(index)[i] - rates[step] * gradients.get(index)[i];
                                assertEquals(expected, after[i], 1e-6, "step " + step + ", " + p.getKey() + "[" + i + "]");
                            }
                            index++;
                        }
                    }
                }
            }
        }
    }
}
