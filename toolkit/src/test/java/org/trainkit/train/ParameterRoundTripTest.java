package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.checkpoint.NamedTensor;
import org.trainkit.checkpoint.ParameterSet;
import org.trainkit.data.FashionMnist;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedules;

class ParameterRoundTripTest {

    private static final LabelledImages TRAIN = Synthetic.images("s", 64, 1);
    private static final LabelledImages TEST = Synthetic.images("t", 30, 2);

    @TempDir
    Path dir;

    private Trainer run(Architecture model, int steps, long seed, String name) {
        return Trainer.on(TRAIN, TEST).model(model).schedule(Schedules.constant(1e-3, 0, steps)).batchSize(16)
                .steps(steps).seed(seed).progress(false).logCsv(dir.resolve(name + ".csv"));
    }

    private static List<List<Long>> shapes(ParameterSet parameters) {
        List<List<Long>> shapes = new ArrayList<>();
        for (NamedTensor tensor : parameters) {
            shapes.add(java.util.Arrays.stream(tensor.shape()).boxed().toList());
        }
        return shapes;
    }

    @Test
    void namesAndShapesAreTheSameForEveryRunOfAnArchitecture() {
        ParameterSet first = run(Models.mlp(256), 2, 1, "a").train().parameters();
        ParameterSet second = run(Models.mlp(256), 3, 2, "b").train().parameters();
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), first.names());
        assertEquals(first.names(), second.names());
        assertEquals(List.of(List.of(256L, 784L), List.of(256L), List.of(10L, 256L), List.of(10L)), shapes(first));
        assertEquals(shapes(first), shapes(second));
        assertTrue(first.alignsWith(second));
        assertNotEquals(first, second, "other seeds and lengths give other values");
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias", "7.weight", "7.bias"),
                run(Models.cnn(), 1, 1, "c").train().parameters().names());
    }

    /** The stable names follow DJL's own parameter order, which the gradient norm and the optimizer use. */
    @Test
    void theNamesFollowDjlsParameterOrder() {
        for (Architecture architecture : List.of(Models.mlp(8, 4), Models.cnn(2, 3))) {
            try (Model model = Model.newInstance("order", Device.cpu(), DjlRuntime.ENGINE)) {
                Block block = architecture.newBlock(10);
                model.setBlock(block);
                block.initialize(model.getNDManager(), DataType.FLOAT32, architecture.inputShape(1, 28, 28));
                List<Parameter> djl = new ArrayList<>();
                for (Pair<String, Parameter> p : block.getParameters()) {
                    djl.add(p.getValue());
                }
                List<Parameter> ours = List.copyOf(BlockParameters.named(block).values());
                assertEquals(djl.size(), ours.size());
                for (int i = 0; i < djl.size(); i++) {
                    assertSame(djl.get(i), ours.get(i), architecture + " parameter " + i);
                }
            }
        }
    }

    @Test
    void evaluatingTheReturnedParametersRepeatsTheRunsTestEvaluation() {
        assumeTrue(Files.isDirectory(FashionMnist.directory()), "Fashion-MNIST is not installed");
        FashionMnist data = FashionMnist.load();
        LabelledImages test = data.test().head(500);
        Architecture mlp = Models.mlp(256);
        TrainingResult trained = Trainer.on(data.train(), test).model(mlp).schedule(Schedules.constant(1e-3, 0, 50))
                .steps(50).seed(3).progress(false).logCsv(dir.resolve("trained.csv")).train();
        ModelEvaluation again = Evaluator.of(mlp).evaluate(trained.parameters(), test);
        assertEquals(trained.testLoss(), again.meanLoss());
        assertEquals(trained.testEvaluation(), again, "identical per-sample losses and predictions");
        assertTrue(trained.testAccuracy() > 0.5, "50 steps learn something: " + trained.testAccuracy());

        // a run that starts from them and takes one step at learning rate 0 changes nothing
        TrainingResult resumed = Trainer.on(data.train(), test).model(mlp).schedule(Schedules.of(new double[] {0.0}))
                .initialParameters(trained.parameters()).seed(99).progress(false).logCsv(dir.resolve("resumed.csv"))
                .train();
        assertEquals(trained.parameters(), resumed.parameters());
        assertEquals(trained.testEvaluation(), resumed.testEvaluation());
        assertTrue(resumed.settings().initialParameters().matches("sha256:[0-9a-f]{64}"));
        assertEquals("random", trained.settings().initialParameters());
    }

    @Test
    void startingFromGivenParametersIsDeterministicAndDiffersFromARandomStart() {
        ParameterSet start = run(Models.mlp(16), 1, 5, "start").train().parameters();
        TrainingResult a = run(Models.mlp(16), 8, 1, "a").initialParameters(start).train();
        TrainingResult b = run(Models.mlp(16), 8, 1, "b").initialParameters(start).train();
        TrainingResult fresh = run(Models.mlp(16), 8, 1, "fresh").train();
        assertArrayEquals(a.log().doubleColumn("loss").asDoubleArray(), b.log().doubleColumn("loss").asDoubleArray());
        assertEquals(a.parameters(), b.parameters());
        assertFalse(a.parameters().equals(fresh.parameters()));
        assertNotEquals(a.settings().hash(), fresh.settings().hash());
    }

    @Test
    void parametersThatDoNotFitTheModelAreErrorsNamingTheTensor() {
        ParameterSet narrow = run(Models.mlp(8), 1, 1, "narrow").train().parameters();
        Trainer wide = run(Models.mlp(16), 2, 1, "wide");
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> wide.initialParameters(narrow).train());
        assertTrue(shape.getMessage().contains("tensor '0.weight' has shape [8, 784] but mlp(16) needs [16, 784]"),
                shape.getMessage());
        assertFalse(Files.exists(dir.resolve("wide.csv")), "a failed run writes no log");

        List<NamedTensor> withoutLastBias = new ArrayList<>(narrow.tensors());
        withoutLastBias.remove(3);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> run(Models.mlp(8), 2, 1, "m").initialParameters(ParameterSet.of(withoutLastBias)).train());
        assertTrue(missing.getMessage().contains("no tensor '2.bias', which mlp(8) needs"), missing.getMessage());

        List<NamedTensor> withExtra = new ArrayList<>(narrow.tensors());
        withExtra.add(NamedTensor.of("4.weight", new long[] {1}, new float[] {0}));
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                () -> run(Models.mlp(8), 2, 1, "e").initialParameters(ParameterSet.of(withExtra)).train());
        assertTrue(extra.getMessage().contains("tensor '4.weight' that mlp(8) does not have"), extra.getMessage());

        IllegalArgumentException evaluated = assertThrows(IllegalArgumentException.class,
                () -> Evaluator.of(Models.mlp(16)).evaluate(narrow, TEST));
        assertTrue(evaluated.getMessage().contains("'0.weight'"), evaluated.getMessage());
    }
}
