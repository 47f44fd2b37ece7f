package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.schedules.ConvexBound;
import org.trainkit.schedules.DirectConvexBound;
import org.trainkit.schedules.Schedule;
import org.trainkit.schedules.Schedules;

/** Per-step means over runs, and the convex bound with the gradient norms the harness logs. */
class RunMeansTest {

    @TempDir
    Path dir;

    private TrainingResult run(Schedule schedule, long seed) {
        return Trainer.on(Synthetic.images("s", 160, 1), Synthetic.images("t", 20, 2)).model(Models.mlp(8))
                .optimizer(Optimizers.sgd()).schedule(schedule).batchSize(16).seed(seed).progress(false)
                .logCsv(dir.resolve("run" + seed + ".csv")).train();
    }

    @Test
    void theMeansAreStepByStepAndTheWindowsEndAtTheLastStep() {
        Schedule s = Schedules.d2z(0.05, 2, 30);
        List<TrainingResult> runs = List.of(run(s, 1), run(s, 2));
        double[] a = runs.get(0).log().doubleColumn("grad_norm").asDoubleArray();
        double[] b = runs.get(1).log().doubleColumn("grad_norm").asDoubleArray();
        double[] mean = RunMeans.perStep(runs, "grad_norm");
        for (int t = 0; t < 30; t++) {
            assertEquals((a[t] + b[t]) / 2, mean[t], 1e-12);
        }
        double[][] w = RunMeans.windows(runs, "grad_norm", 4, 5);
        assertEquals(6, w[0].length);
        assertEquals(29 - 1.5, w[0][5], 1e-12);
        assertEquals((mean[26] + mean[27] + mean[28] + mean[29]) / 4, w[1][5], 1e-12);
        assertEquals(6 + 1.5, w[0][0], 1e-12);
        assertArrayEquals(mean, RunMeans.perStep(List.of(runs.get(0), runs.get(1)), "grad_norm"));
        assertThrows(IllegalArgumentException.class, () -> RunMeans.perStep(runs, "nope"));
        assertThrows(IllegalArgumentException.class, () -> RunMeans.perStep(List.of(), "loss"));
        assertThrows(IllegalArgumentException.class, () -> RunMeans.windows(runs, "loss", 40, 0));
        assertThrows(IllegalArgumentException.class, () -> RunMeans.perStep(List.of(runs.get(0),
                run(Schedules.d2z(0.05, 2, 20), 3)), "loss"));
    }

    @Test
    void theBoundWithTheLoggedGradientNormsIsTheFormulaOfReferences() {
        Schedule s = Schedules.cosine(0.05, 0.005, 3, 30);
        double[] norms = run(s, 4).log().doubleColumn("grad_norm").asDoubleArray();
        assertTrue(norms.length == 30 && norms[0] > 0);
        ConvexBound tuned = ConvexBound.tunedFor(s, norms);
        assertEquals(DirectConvexBound.of(s.toArray(), norms, tuned.d()), tuned.of(s, norms),
                1e-12 * tuned.of(s, norms));
    }
}
