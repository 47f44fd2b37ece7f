package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.data.FashionMnist;
import org.trainkit.data.LabelledImages;
import org.trainkit.core.Workspace;
import org.trainkit.schedules.Schedules;
import tech.tablesaw.api.Table;

class TrainerTest {

    private static FashionMnist real;
    private static LabelledImages smallTest;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadRealDataWhenInstalled() {
        if (Files.isDirectory(FashionMnist.directory())) {
            real = FashionMnist.load();
            smallTest = real.test().head(500);
        }
    }

    private static LabelledImages synthetic(String name, int count, long seed) {
        return Synthetic.images(name, count, seed);
    }

    private Trainer realRun(int steps, long seed, String name) {
        assumeTrue(real != null, "Fashion-MNIST is not installed");
        return Trainer.on(real.train(), smallTest).model(Models.mlp(256)).schedule(Schedules.constant(1e-3, 0, steps))
                .steps(steps).seed(seed).progress(false).logCsv(dir.resolve(name + ".csv"));
    }

    private static double[] column(Table log, String name) {
        return log.doubleColumn(name).asDoubleArray();
    }

    @Test
    void theSameSeedGivesBitIdenticalRuns() {
        TrainingResult first = realRun(40, 7, "a").train();
        TrainingResult second = realRun(40, 7, "b").train();
        assertArrayEquals(column(first.log(), "loss"), column(second.log(), "loss"));
        assertArrayEquals(column(first.log(), "grad_norm"), column(second.log(), "grad_norm"));
        assertEquals(first.testLoss(), second.testLoss());
        assertEquals(first.testAccuracy(), second.testAccuracy());
        TrainingResult other = realRun(40, 8, "c").train();
        assertFalse(Arrays.equals(column(first.log(), "loss"), column(other.log(), "loss")),
                "another seed gives another run");
    }

    @Test
    void trainingLowersTheLossAndLogsEveryStep() throws IOException {
        double[] rates = new double[150];
        for (int t = 0; t < rates.length; t++) {
            rates[t] = 1e-3 * Math.min(1.0, (t + 1) / 20.0);
        }
        TrainingResult result = realRun(150, 1, "run").schedule(Schedules.of(rates)).train();
        Table log = result.log();
        assertEquals(150, log.rowCount());
        assertArrayEquals(rates, column(log, "lr"));
        assertEquals(0, log.intColumn("step").getInt(0));
        assertEquals(149, log.intColumn("step").getInt(149));
        double[] loss = column(log, "loss");
        double first = Arrays.stream(loss, 0, 20).average().orElseThrow();
        double last = Arrays.stream(loss, 130, 150).average().orElseThrow();
        assertTrue(first > 1.2 && last < 0.6 * first, "loss fell from " + first + " to " + last);
        assertTrue(Arrays.stream(column(log, "grad_norm")).allMatch(g -> g > 0 && Double.isFinite(g)));
        assertTrue(result.testAccuracy() > 0.6, "test accuracy " + result.testAccuracy());
        assertTrue(result.testLoss() < 1.2, "test loss " + result.testLoss());
        assertEquals(203_530, result.parameterCount(), "784*256 + 256 + 256*10 + 10");
        assertEquals(150L * 128, result.samplesProcessed());
        List<String> csv = Files.readAllLines(result.logCsv());
        assertEquals("step,lr,loss,grad_norm", csv.get(0));
        assertEquals(151, csv.size());
        String[] row = csv.get(150).split(",");
        assertEquals(149, Integer.parseInt(row[0]));
        assertEquals(loss[149], Double.parseDouble(row[2]));
        assertTrue(result.summary().contains("steps/s") && result.stepsPerSecond() > 0);
        try (var files = Files.list(dir)) {
            assertEquals(List.of("run.csv", "run.json"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the log and its settings, no temporary files");
        }
    }

    @Test
    void unitWeightsReproduceUnweightedTrainingExactly() {
        TrainingResult plain = realRun(25, 3, "plain").train();
        TrainingResult ones = realRun(25, 3, "ones").weighting(batch -> {
            double[] w = new double[batch.size()];
            Arrays.fill(w, 1.0);
            return w;
        }).train();
        assertArrayEquals(column(plain.log(), "loss"), column(ones.log(), "loss"));
    }

    @Test
    void zeroWeightsStopLearningAndTheHookSeesEachBatch() {
        LabelledImages train = synthetic("synthetic", 64, 1);
        List<SampleLosses> seen = new ArrayList<>();
        TrainingResult result = Trainer.on(train, synthetic("synthetic-test", 20, 2)).model(Models.mlp(16))
                .optimizer(Optimizers.sgd()).schedule(Schedules.constant(0.1, 0, 12)).batchSize(16).progress(false)
                .logCsv(dir.resolve("zero.csv")).weighting(batch -> {
                    seen.add(batch);
                    return new double[batch.size()];
                }).train();
        assertTrue(Arrays.stream(column(result.log(), "grad_norm")).allMatch(g -> g == 0.0));
        assertEquals(12, seen.size(), "schedule length (12 steps) when neither epochs nor steps are set");
        float[][] lossByEpochAndSample = new float[3][64];
        for (SampleLosses batch : seen) {
            for (int i = 0; i < batch.size(); i++) {
                lossByEpochAndSample[batch.step() / 4][batch.indices()[i]] = batch.losses()[i];
            }
        }
        for (int sample = 0; sample < 64; sample++) {
            assertEquals(lossByEpochAndSample[0][sample], lossByEpochAndSample[2][sample], 1e-5,
                    "parameters never change, so sample " + sample + " keeps its loss");
        }
        for (int step = 0; step < seen.size(); step++) {
            SampleLosses batch = seen.get(step);
            assertEquals(step, batch.step());
            assertEquals(16, batch.size());
            for (int i = 0; i < 16; i++) {
                assertEquals(train.label(batch.indices()[i]), batch.labels()[i]);
            }
        }
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] visited = new int[64];
            for (int step = epoch * 4; step < epoch * 4 + 4; step++) {
                for (int index : seen.get(step).indices()) {
                    visited[index]++;
                }
            }
            int e = epoch;
            assertTrue(Arrays.stream(visited).allMatch(v -> v == 1), "epoch " + e + " visits every sample once");
        }
        assertFalse(Arrays.equals(seen.get(0).indices(), seen.get(4).indices()), "each epoch is reshuffled");
    }

    @Test
    void badWeightsAreClearErrors() {
        Trainer trainer = Trainer.on(synthetic("s", 32, 1), synthetic("t", 10, 2)).model(Models.mlp(8))
                .schedule(Schedules.constant(0.01, 0, 4)).batchSize(8).progress(false).logCsv(dir.resolve("w.csv"));
        IllegalStateException length = assertThrows(IllegalStateException.class,
                () -> trainer.weighting(batch -> new double[3]).train());
        assertTrue(length.getMessage().contains("3 weights at step 0; expected 8"), length.getMessage());
        IllegalStateException negative = assertThrows(IllegalStateException.class, () -> trainer.weighting(batch -> {
            double[] w = new double[batch.size()];
            w[5] = -1;
            return w;
        }).train());
        assertTrue(negative.getMessage().contains("weight -1.0 to sample 5 at step 0"), negative.getMessage());
        assertFalse(Files.exists(dir.resolve("w.csv")), "a failed run writes no log");
    }

    @Test
    void settingsAreChecked() {
        LabelledImages train = synthetic("s", 32, 1);
        LabelledImages test = synthetic("t", 10, 2);
        assertTrue(assertThrows(IllegalStateException.class,
                () -> Trainer.on(train, test).schedule(Schedules.constant(0.1, 0, 4)).train()).getMessage().contains("no model"));
        assertTrue(assertThrows(IllegalStateException.class,
                () -> Trainer.on(train, test).model(Models.mlp(4)).train()).getMessage().contains("no learning-rate schedule"));
        IllegalStateException shortSchedule = assertThrows(IllegalStateException.class, () -> Trainer.on(train, test)
                .model(Models.mlp(4)).schedule(Schedules.constant(0.1, 0, 5)).batchSize(8).epochs(2).train());
        assertTrue(shortSchedule.getMessage().contains("covers 5 steps but the run has 8 (2 epoch(s) of 4 batches of 8)"),
                shortSchedule.getMessage());
        assertThrows(IllegalStateException.class, () -> Trainer.on(train, test).model(Models.mlp(4))
                .schedule(Schedules.constant(0.1, 0, 50)).epochs(1).steps(3).train());
        assertThrows(IllegalArgumentException.class, () -> Trainer.on(train, test).batchSize(33));
        assertThrows(IllegalArgumentException.class, () -> Trainer.on(train, test).batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> Trainer.on(train, test).name("a/b"));
        assertThrows(IllegalArgumentException.class, () -> Trainer.on(train, test).epochs(0));
        assertThrows(IllegalArgumentException.class, () -> Models.mlp());
        assertThrows(IllegalArgumentException.class, () -> Models.cnn(0, 4));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.sgd(1.0));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.adamW(-0.1));
        LabelledImages otherSize = LabelledImages.of("o", 14, 14, new byte[196], new int[] {0}, FashionMnist.CLASS_NAMES);
        assertThrows(IllegalArgumentException.class, () -> Trainer.on(train, otherSize));
    }

    @Test
    void theCnnAndTheOtherOptimizersTrain() {
        LabelledImages train = synthetic("s", 64, 1);
        LabelledImages test = synthetic("t", 20, 2);
        for (OptimizerSpec optimizer : List.of(Optimizers.sgd(), Optimizers.adamW(0.01), Optimizers.adam())) {
            TrainingResult result = Trainer.on(train, test).model(Models.cnn()).optimizer(optimizer)
                    .schedule(Schedules.constant(1e-3, 0, 4)).batchSize(16).epochs(1).progress(false)
                    .logCsv(dir.resolve("cnn.csv")).train();
            assertEquals(4, result.steps());
            assertTrue(Arrays.stream(column(result.log(), "loss")).allMatch(Double::isFinite), optimizer.toString());
            assertEquals(160 + 4_640 + 15_690, result.parameterCount(), "conv 1x16x3x3+16, conv 16x32x3x3+32, linear 1568x10+10");
            assertTrue(result.testAccuracy() >= 0 && result.testAccuracy() <= 1);
        }
    }

    @Test
    void theLogGoesToTheWorkspaceResultsByDefault() throws IOException {
        String before = System.getProperty(Workspace.RESULTS);
        System.setProperty(Workspace.RESULTS, dir.toString());
        try {
            TrainingResult result = Trainer.on(synthetic("s", 32, 1), synthetic("t", 10, 2)).model(Models.mlp(4))
                    .schedule(Schedules.constant(0.01, 0, 2)).batchSize(16).seed(5).progress(false).train();
            assertEquals("mlp-4-adam-bs16-seed5", result.name());
            assertTrue(result.settings().hash().matches("[0-9a-f]{8}"), result.settings().hash());
            assertEquals(dir.resolve("runs").resolve("mlp-4-adam-bs16-seed5-" + result.settings().hash() + ".csv"),
                    result.logCsv());
            assertTrue(Files.isRegularFile(result.logCsv()));
            assertEquals(result.settings().canonicalText(), Files.readString(Trainer.settingsFile(result.logCsv())));
        } finally {
            if (before == null) {
                System.clearProperty(Workspace.RESULTS);
            } else {
                System.setProperty(Workspace.RESULTS, before);
            }
        }
    }
}
