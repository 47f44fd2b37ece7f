package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two real Fashion-MNIST training logs (MLP, SGD momentum 0.9, constant and cosine at peak 0.05,
 * 1,872 steps, seed 42; made by notebook 01). On them the annealing law's grid-search start leads
 * the optimiser into the valley alpha -> 0, L0 -> -infinity, yet the fit must find the proper
 * optimum, which every reasonable start reaches; and the multi-power law, which two smooth
 * schedules do not determine, ends at gamma's bound, which must come with a warning naming it.
 */
class SmoothRunsFitTest {

    private static List<LossCurve> runs() throws URISyntaxException {
        Path dir = Path.of(SmoothRunsFitTest.class.getResource("/curves/fmnist-constant-sgd.csv").toURI()).getParent();
        return List.of("constant", "cosine").stream()
                .map(n -> LossCurves.readCsv(dir.resolve("fmnist-" + n + "-sgd.csv")).windowMeans(48).from(187).withName(n))
                .toList();
    }

    @Test
    void theFitConvergesToTheOptimumEveryReasonableStartReaches() throws URISyntaxException {
        List<LossCurve> runs = runs();
        FitResult fit = Fit.of(LawForm.annealing()).on(runs).run();
        FitResult fromHandStart = Fit.of(LawForm.annealing()).on(runs).startingFrom(0.2, 1, 0.5, 0.02, 0.99).run();
        // within the optimiser's stall tolerance (HuberLeastSquares.STALL_TOLERANCE)
        assertEquals(fromHandStart.objective(), fit.objective(), 1e-6 * fit.objective());
        assertEquals(fromHandStart.params().get("alpha"), fit.params().get("alpha"), 1e-3);
        assertTrue(fit.params().get("L0") > 0 && fit.params().get("alpha") > 0.1,
                "a proper optimum, not the valley: " + fit.params());
    }

    @Test
    void aMultiPowerFitTheseRunsDoNotDetermineComesWithAWarningNamingGammaAtItsBound() throws URISyntaxException {
        FitResult fit = Fit.of(LawForm.multiPower()).on(runs()).run();
        assertTrue(fit.warnings().stream().anyMatch(w -> w.parameters().contains("gamma") && w.message().contains("upper bound")),
                "warnings: " + fit.warnings());
    }
}
