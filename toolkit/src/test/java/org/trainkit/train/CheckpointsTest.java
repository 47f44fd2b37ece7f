package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.checkpoint.Checkpoint;
import org.trainkit.checkpoint.ParameterSet;
import org.trainkit.checkpoint.Safetensors;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedules;

class CheckpointsTest {

    private static final LabelledImages TRAIN = Synthetic.images("s", 64, 1);
    private static final LabelledImages TEST = Synthetic.images("t", 20, 2);

    @TempDir
    Path dir;

    private TrainingResult run(long seed, Checkpoints saved, String log) {
        return Trainer.on(TRAIN, TEST).model(Models.mlp(16)).schedule(Schedules.constant(1e-2, 0, 25)).batchSize(16)
                .steps(25).seed(seed).progress(false).logCsv(dir.resolve(log)).listener(saved).train();
    }

    @Test
    void savesEveryKStepsAndTheLastWithStepLossAndSettingsInTheMetadata() throws Exception {
        Checkpoints saved = Checkpoints.every(10, dir.resolve("run"));
        TrainingResult result = run(3, saved, "a.csv");
        assertEquals(List.of(saved.fileAfter(10), saved.fileAfter(20), saved.fileAfter(25)), saved.files());
        assertEquals("step-000010.safetensors", saved.files().get(0).getFileName().toString());
        assertEquals(result.parameters(), Safetensors.readParameters(saved.fileAfter(25)), "the last checkpoint is the result");
        try (Checkpoint first = Checkpoint.open(saved.fileAfter(10))) {
            assertEquals("10", first.metadata().get("step"));
            assertEquals(Double.toString(result.log().doubleColumn("loss").get(9)), first.metadata().get("loss"));
            assertEquals("3", first.metadata().get("run.seed"));
            assertEquals("mlp(16)", first.metadata().get("run.model"));
        }
        ParameterSet middle = Safetensors.readParameters(saved.fileAfter(20));
        assertNotEquals(result.parameters(), middle, "parameters moved between steps 20 and 25");
    }

    @Test
    void checkpointsOfOneArchitectureLineUpTensorForTensor() {
        Checkpoints a = Checkpoints.every(25, dir.resolve("a"));
        Checkpoints b = Checkpoints.every(25, dir.resolve("b"));
        run(1, a, "a.csv");
        run(2, b, "b.csv");
        ParameterSet first = Safetensors.readParameters(a.files().get(0));
        ParameterSet second = Safetensors.readParameters(b.files().get(0));
        assertEquals(first.names(), second.names());
        assertEquals(true, first.alignsWith(second));
        assertNotEquals(first, second, "different seeds, different weights");
    }

    @Test
    void rejectsAnIntervalBelowOneStep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoints.every(0, dir));
        assertEquals("checkpoints: every must be >= 1 step, got 0", e.getMessage());
    }
}
