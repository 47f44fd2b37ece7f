package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedules;

/** The per-sample loss hook: what the steps optimise, what the hooks see, and bad hooks. */
class SampleLossTest {

    private static final LabelledImages TRAIN = Synthetic.images("s", 64, 1);
    private static final LabelledImages TEST = Synthetic.images("t", 20, 2);

    @TempDir
    Path dir;

    private Trainer trainer(String name) {
        return Trainer.on(TRAIN, TEST).model(Models.mlp(8)).schedule(Schedules.parse("constant(peak=1e-2, total=4)"))
                .batchSize(16).steps(4).seed(3).progress(false).name(name).logCsv(dir.resolve(name + ".csv"));
    }

    @Test
    void crossEntropyWrittenAsAHookGivesTheDefaultRunBitForBit() {
        SampleLoss crossEntropy = (logits, oneHot) -> logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
        TrainingResult plain = trainer("plain").train();
        TrainingResult hooked = trainer("hooked").loss(crossEntropy).train();
        assertEquals(plain.log().doubleColumn("loss").asList(), hooked.log().doubleColumn("loss").asList());
        assertEquals("none", plain.settings().weighting());
        assertTrue(hooked.settings().weighting().startsWith("none; loss lambda in "), hooked.settings().weighting());
    }

    @Test
    void theHooksLossesAreWhatTheStepsOptimiseAndTheListenersSee() {
        List<float[]> seen = new ArrayList<>();
        SampleLoss doubled = (logits, oneHot) -> logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mul(2);
        TrainingResult plain = trainer("plain").train();
        trainer("doubled").loss(doubled).listener(e -> seen.add(e.losses())).train();
        assertEquals(4, seen.size());
        assertEquals(2 * plain.log().doubleColumn("loss").get(0), mean(seen.get(0)), 1e-5);
    }

    @Test
    void aHookOfTheWrongShapeIsAnErrorNamingTheStep() {
        SampleLoss reduced = (logits, oneHot) -> logits.logSoftmax(1).mul(oneHot).sum().neg();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> trainer("bad").loss(reduced).train());
        assertTrue(e.getMessage().startsWith("the sample loss returned shape () at step 0; expected one loss per sample,"
                + " shape (16)"), e.getMessage());
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
