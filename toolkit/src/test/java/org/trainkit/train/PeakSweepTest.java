package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.core.Workspace;
import org.trainkit.data.LabelledImages;
import org.trainkit.data.TrainValidation;
import org.trainkit.schedules.Schedule;
import org.trainkit.schedules.Schedules;
import tech.tablesaw.api.Table;

/** A peak sweep trains on the training part, scores on the validation part and chooses by the stated rule. */
class PeakSweepTest {

    private static final TrainValidation SPLIT = Synthetic.images("synthetic", 200, 3).split(0.2, 1);

    @TempDir
    Path dir;

    private String before;

    @BeforeEach
    void resultsToTemp() {
        before = System.getProperty(Workspace.RESULTS);
        System.setProperty(Workspace.RESULTS, dir.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(Workspace.RESULTS);
        } else {
            System.setProperty(Workspace.RESULTS, before);
        }
    }

    private static Trainer settings(Trainer t) {
        return t.model(Models.mlp(8)).optimizer(Optimizers.sgd()).batchSize(16).steps(12);
    }

    private static PeakSweep sweep() {
        return PeakSweep.on(SPLIT, PeakSweepTest::settings).peaks(0.01, 0.1, 1).seeds(100, 101);
    }

    @Test
    void everyRunTrainsOnTheTrainingPartAndIsScoredOnTheValidationPart() {
        Map<String, DoubleFunction<Schedule>> families = new LinkedHashMap<>();
        families.put("constant", peak -> Schedules.constant(peak, 2, 12));
        families.put("D2Z", peak -> Schedules.d2z(peak, 2, 12));
        PeakSweepResult result = sweep().run(families);
        assertEquals(2 * 3 * 2, result.runs().size());
        for (PeakSweepResult.Run run : result.runs()) {
            assertEquals(SPLIT.train().toString(), run.result().settings().train());
            assertEquals(SPLIT.validation().toString(), run.result().settings().test());
            assertEquals(SPLIT.validation().size(), run.result().testEvaluation().size());
            assertEquals(run.peak(), run.schedule().lr(2), 1e-15);
        }
        for (String family : families.keySet()) {
            PeakChoice choice = result.choice(family);
            double[] peaks = choice.peaks();
            for (int p = 0; p < peaks.length; p++) {
                double at = peaks[p];
                double mean = (result.run(family, at, 100).validationLoss() + result.run(family, at, 101).validationLoss()) / 2;
                assertEquals(mean, choice.losses()[p], 1e-12);
            }
            assertEquals(PeakChoice.of(family, peaks, choice.losses()), choice);
            assertEquals(choice.peak(), result.chosenSchedule(family).lr(2), 1e-15);
        }
        Table table = result.table();
        assertEquals(6, table.rowCount());
        assertEquals(2, table.stringColumn("chosen").isEqualTo("✓").size());
        assertEquals(List.of("constant", "D2Z"), result.choicesTable().stringColumn("schedule").asList());
    }

    @Test
    void aSweepRunIsTheSameRunAsALaterTrainingWithItsSeed() {
        PeakSweepResult result = PeakSweep.on(SPLIT, PeakSweepTest::settings).peaks(0.01, 0.1).seeds(7)
                .run(Map.of("D2Z", peak -> Schedules.d2z(peak, 2, 12)));
        double peak = result.chosenPeak("D2Z");
        TrainingResult again = settings(Trainer.on(SPLIT.train(), SPLIT.validation())).schedule(result.chosenSchedule("D2Z"))
                .seed(7).progress(false).logCsv(dir.resolve("again.csv")).train();
        assertArrayEquals(again.log().doubleColumn("loss").asDoubleArray(),
                result.run("D2Z", peak, 7).result().log().doubleColumn("loss").asDoubleArray());
    }

    @Test
    void aChoiceAtAnEdgeExtendsTheGridByGridStepsUntilItIsInsideOrTheLimitIsReached() {
        Map<String, DoubleFunction<Schedule>> families = new LinkedHashMap<>();
        families.put("constant", peak -> Schedules.constant(peak, 0, 12));
        families.put("D2Z", peak -> Schedules.d2z(peak, 0, 12));
        PeakSweepResult result = PeakSweep.on(SPLIT, PeakSweepTest::settings).peaks(0.05, 0.1, 0.2).extendAtEdges(2)
                .run(families);
        int extra = 0;
        for (String family : families.keySet()) {
            PeakChoice choice = result.choice(family);
            double[] peaks = choice.peaks();
            assertTrue(peaks.length >= 3 && peaks.length <= 5, family + ": " + peaks.length + " peaks");
            assertTrue(!choice.atEdge() || peaks.length == 5, family + ": an edge choice after " + peaks.length + " peaks");
            for (int p = 1; p < peaks.length; p++) {
                assertEquals(2, peaks[p] / peaks[p - 1], 1e-9, "a geometric grid, factor 2");
            }
            for (double peak : peaks) {
                assertEquals(choice.losses()[java.util.Arrays.binarySearch(peaks, peak)],
                        result.run(family, peak, 100).validationLoss());
                assertEquals(Double.toString(peak).length(), Double.toString(peak).replace("000000", "").length(),
                        "a round peak: " + peak);
            }
            extra += peaks.length - 3;
        }
        assertEquals(6 + extra, result.runs().size());
        assertEquals(2 * 5, PeakSweep.on(SPLIT, PeakSweepTest::settings).peaks(0.05, 0.1, 0.2).extendAtEdges(2).runs(2));
        assertThrows(IllegalArgumentException.class, () -> PeakSweep.on(SPLIT, PeakSweepTest::settings).extendAtEdges(-1));
    }

    @Test
    void whenLargerIsAlwaysBetterTheGridGrowsUpwardTwiceAndTheChoiceIsFlagged() {
        // scored on its own training images with rates far below any optimum: a larger rate always lowers the loss
        LabelledImages images = Synthetic.images("memorise", 64, 9);
        PeakSweepResult result = PeakSweep.on(new TrainValidation(images, images),
                        t -> t.model(Models.mlp(8)).optimizer(Optimizers.sgd()).batchSize(16).steps(12))
                .peaks(1e-4, 2e-4, 4e-4).extendAtEdges(2).run(Map.of("constant", peak -> Schedules.constant(peak, 0, 12)));
        PeakChoice choice = result.choice("constant");
        assertArrayEquals(new double[] {1e-4, 2e-4, 4e-4, 8e-4, 1.6e-3}, choice.peaks());
        assertEquals(1.6e-3, choice.peak());
        assertEquals("largest peak of the grid", choice.note());
        assertEquals(5, result.runs().size());
    }

    @Test
    void resultsOfSeparateSweepsCombine() {
        PeakSweep small = PeakSweep.on(SPLIT, PeakSweepTest::settings).peaks(0.01, 0.1);
        PeakSweepResult first = small.run(Map.of("a", peak -> Schedules.constant(peak, 0, 12)));
        PeakSweepResult second = small.run(Map.of("b", peak -> Schedules.d2z(peak, 0, 12)));
        PeakSweepResult both = first.and(second);
        assertEquals(List.of("a", "b"), List.copyOf(both.choices().keySet()));
        assertEquals(4, both.runs().size());
        assertThrows(IllegalArgumentException.class, () -> first.and(first));
    }

    @Test
    void badSettingsAreClearErrors() {
        PeakSweep noPeaks = PeakSweep.on(SPLIT, PeakSweepTest::settings);
        IllegalStateException none = assertThrows(IllegalStateException.class,
                () -> noPeaks.run(Map.of("a", peak -> Schedules.constant(peak, 0, 12))));
        assertTrue(none.getMessage().contains("at least two candidate peaks"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> noPeaks.peaks(0.2, 0.1));
        assertThrows(IllegalArgumentException.class, () -> noPeaks.seeds(new long[0]));
        assertThrows(IllegalArgumentException.class, () -> noPeaks.seeds(1, 1));
        assertThrows(IllegalArgumentException.class, () -> sweep().run(Map.of()));
        IllegalArgumentException noSchedule = assertThrows(IllegalArgumentException.class,
                () -> sweep().run(Map.of("broken", peak -> null)));
        assertTrue(noSchedule.getMessage().contains("'broken'"), noSchedule.getMessage());
        PeakSweepResult result = PeakSweep.on(SPLIT, PeakSweepTest::settings).peaks(0.01, 0.1)
                .run(Map.of("a", peak -> Schedules.constant(peak, 0, 12)));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> result.chosenPeak("b"));
        assertTrue(unknown.getMessage().contains("no family 'b'"), unknown.getMessage());
        assertEquals(6, sweep().runs(1));
    }
}
