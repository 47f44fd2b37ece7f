package org.trainkit.reweight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.data.LabelNoise;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedules;
import org.trainkit.train.Evaluator;
import org.trainkit.train.Models;
import org.trainkit.train.Optimizers;
import org.trainkit.train.Trainer;
import org.trainkit.train.TrainingResult;

/** Strategies in the harness: they train, their state is kept, their settings name the run. */
class HarnessTest {

    @TempDir
    Path dir;

    private final LabelledImages train = LabelNoise.symmetric(0.3, 4).apply(Batches.learnable(640, 2));
    private final LabelledImages test = Batches.learnable(200, 3);

    private Trainer trainer(String name) {
        return Trainer.on(train, test).model(Models.mlp(16)).optimizer(Optimizers.adam())
                .schedule(Schedules.parse("constant(peak=3e-3, total=60)")).batchSize(64).epochs(3).seed(5)
                .progress(false).name(name).logCsv(dir.resolve(name + ".csv"));
    }

    @Test
    void everyWeightingTrainsAndNamesTheRunsWeighting() {
        for (String spec : new String[] {"uniform()", "linupper(r=1, warmup=5)", "quadratic(r=1, warmup=0)",
            "extremes(r=1, warmup=0)", "focal(gamma=2)", "feasible(eps=0.3, dual_lr=0.5, slack=0)",
            "class_balanced(beta=0.999)", "ldam_drw(max_margin=0.5, scale=1, beta=0.999, defer=15)"}) {
            Reweighting strategy = Strategies.reweighting(spec);
            TrainingResult result = strategy.applyTo(trainer(strategy.name()), train).train();
            assertEquals(30, result.steps(), spec);
            assertTrue(result.settings().weighting().startsWith(spec), result.settings().weighting());
            assertTrue(result.testAccuracy() > 0.5, spec + ": " + result.testAccuracy());
        }
    }

    @Test
    void theLdamLossChangesTrainingAndIsNamedInTheSettings() {
        Reweighting ldam = Strategies.reweighting("ldam_drw(max_margin=0.5, scale=1, beta=0.999, defer=100)");
        TrainingResult withMargins = ldam.applyTo(trainer("ldam"), train).train();
        TrainingResult uniform = new Uniform().applyTo(trainer("uniform"), train).train();
        assertTrue(withMargins.settings().weighting().contains("; loss ldam(max_margin=0.5, scale=1"),
                withMargins.settings().weighting());
        assertNotEquals(uniform.log().doubleColumn("loss").get(5), withMargins.log().doubleColumn("loss").get(5));
    }

    @Test
    void feasibleMultipliersAreKeptByIdAndTracedForCleanAndFlippedSamples() {
        FeasibleLearning feasible = new FeasibleLearning(0.3, 0.5, 0);
        HarnessWeighting weighting = feasible.weighting(train);
        WeightTrace trace = new WeightTrace(train);
        trainer("feasible").weighting(weighting).listener(trace).train();
        FeasibleLearning.Multipliers multipliers = (FeasibleLearning.Multipliers) weighting.state();
        double clean = 0;
        double flipped = 0;
        int nClean = 0;
        for (int i = 0; i < train.size(); i++) {
            double m = multipliers.multiplier(train.id(i));
            if (train.flipped(i)) {
                flipped += m;
            } else {
                clean += m;
                nClean++;
            }
        }
        clean /= nClean;
        flipped /= train.size() - nClean;
        assertTrue(flipped > clean, "flipped samples stay hard: " + flipped + " vs " + clean);
        assertEquals(30, trace.steps());
        double[][] w = trace.windowed(10);
        assertEquals(3, w[0].length);
        assertTrue(w[2][2] > w[1][2], "the trace shows the flipped samples' larger multipliers");
    }

    @Test
    void sameSeedSameRun() {
        Reweighting linupper = Strategies.reweighting("linupper(r=0.5, warmup=3)");
        TrainingResult a = linupper.applyTo(trainer("a"), train).train();
        TrainingResult b = linupper.applyTo(trainer("b"), train).train();
        assertEquals(a.log().doubleColumn("loss").asList(), b.log().doubleColumn("loss").asList());
    }

    @Test
    void selectionsReportTheSamplesTheyProcessed() {
        TrainingResult rs2 = new RandomSubsets(0.25).applyTo(trainer("rs2")).train();
        assertEquals(3 * 2 * 64, rs2.samplesProcessed());
        TrainingResult hard = new HardBatches(0.5).applyTo(trainer("hard")).train();
        assertEquals(3 * 5 * 64, hard.samplesProcessed());
        TrainingResult pdd = new ProgressiveDropout(2.0, 2).applyTo(trainer("pdd")).train();
        assertTrue(pdd.samplesProcessed() < 3 * 640 && pdd.samplesProcessed() >= 2 * 640, "" + pdd.samplesProcessed());
    }

    @Test
    void aStrategyFailingInARunNamesStrategyStepAndSample() {
        Reweighting broken = new Reweighting() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String spec() {
                return "broken()";
            }

            @Override
            public Weigher start(int[] classCounts) {
                return batch -> {
                    double[] w = new double[batch.size()];
                    java.util.Arrays.fill(w, 1);
                    if (batch.step() == 4) {
                        w[2] = Double.NaN;
                    }
                    return w;
                };
            }
        };
        WeightException e = assertThrows(WeightException.class, () -> broken.applyTo(trainer("broken"), train).train());
        assertTrue(e.getMessage().startsWith("broken() gave weight NaN to sample 2 (id "), e.getMessage());
        assertTrue(e.getMessage().contains(") at step 4;"), e.getMessage());
    }

    @Test
    void runMetricsMeasureTheCleanTailAndTheMemorisedNoise() {
        TrainingResult result = new Uniform().applyTo(trainer("metrics"), train).train();
        RunMetrics m = RunMetrics.of(result, train, Evaluator.of(Models.mlp(16)).evaluate(result.parameters(), train));
        assertEquals(result.testAccuracy(), m.get(Metric.TEST_ACCURACY), 0);
        assertTrue(m.get(Metric.CLEAN_LOSS_P90) <= m.get(Metric.CLEAN_LOSS_P99));
        assertTrue(m.get(Metric.CLEAN_LOSS_P99) <= m.get(Metric.CLEAN_LOSS_MAX));
        double memorised = m.get(Metric.MEMORISED_NOISE);
        assertTrue(memorised >= 0 && memorised <= 1, "" + memorised);
        assertEquals(1920, m.get(Metric.SAMPLES_PROCESSED), 0);
    }
}
