package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.checkpoint.ParameterSet;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedules;

class EvaluatorTest {

    @TempDir
    Path dir;

    private ParameterSet trained(LabelledImages train, LabelledImages test) {
        return Trainer.on(train, test).model(Models.mlp(32)).schedule(Schedules.constant(1e-2, 0, 20)).batchSize(16)
                .seed(4).progress(false).logCsv(dir.resolve("run.csv")).train().parameters();
    }

    @Test
    void classAccuraciesAndSampleLossesAddUpToTheOverallNumbers() {
        LabelledImages train = Synthetic.images("s", 160, 1);
        LabelledImages split = Synthetic.images("u", 1234, 3).head(1203);
        ModelEvaluation e = Evaluator.of(Models.mlp(32)).evaluate(trained(train, split), split);
        assertEquals(1203, e.size());
        assertEquals(split.name(), e.split());
        assertEquals(split.classNames(), e.classNames());
        assertArrayEquals(split.labels(), e.labels());

        double[] byClass = e.classAccuracy();
        int[] counts = new int[10];
        for (int label : e.labels()) {
            counts[label]++;
        }
        double weighted = 0;
        for (int c = 0; c < 10; c++) {
            weighted += byClass[c] * counts[c];
        }
        assertEquals(e.accuracy(), weighted / e.size(), 1e-12);
        assertEquals(Arrays.stream(byClass).min().orElseThrow(), e.worstClassAccuracy());

        int correct = 0;
        for (int i = 0; i < e.size(); i++) {
            correct += e.predictions()[i] == e.labels()[i] ? 1 : 0;
        }
        assertEquals((double) correct / e.size(), e.accuracy());

        float[] losses = e.sampleLosses();
        double sum = 0;
        for (float loss : losses) {
            sum += loss;
            assertTrue(loss >= 0 && Float.isFinite(loss));
        }
        assertEquals(sum / losses.length, e.meanLoss());
    }

    @Test
    void evaluationIsDeterministicAndBatchedAcrossTheSplit() {
        LabelledImages train = Synthetic.images("s", 64, 1);
        LabelledImages split = Synthetic.images("u", 2500, 5);
        ParameterSet parameters = trained(train, split);
        Evaluator evaluator = Evaluator.of(Models.mlp(32));
        ModelEvaluation whole = evaluator.evaluate(parameters, split);
        assertEquals(whole, evaluator.evaluate(parameters, split));
        ModelEvaluation head = evaluator.evaluate(parameters, split.head(700));
        assertArrayEquals(Arrays.copyOf(whole.predictions(), 700), head.predictions(),
                "a sample's prediction does not depend on the batch it is in");
        float[] wholeLosses = whole.sampleLosses();
        float[] headLosses = head.sampleLosses();
        for (int i = 0; i < 700; i++) {
            assertEquals(wholeLosses[i], headLosses[i], 1e-5, "sample " + i);
        }
    }

    @Test
    void aClassWithoutSamplesHasNoAccuracyAndDoesNotCountAsWorst() {
        ModelEvaluation e = new ModelEvaluation("tiny", List.of("a", "b", "c"), new int[] {0, 0, 1},
                new int[] {0, 1, 1}, new float[] {0.5f, 2f, 0.25f});
        assertArrayEquals(new double[] {0.5, 1.0, Double.NaN}, e.classAccuracy());
        assertEquals(0.5, e.worstClassAccuracy());
        assertEquals(2.0 / 3, e.accuracy());
        assertEquals(2.75 / 3, e.meanLoss(), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> new ModelEvaluation("bad", List.of("a"), new int[] {0}, new int[] {1}, new float[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> new ModelEvaluation("bad", List.of("a"), new int[] {0}, new int[] {0, 0}, new float[] {0}));
    }
}
