package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void metricsFollowTheirDefinitions() {
        CurveMetrics m = CurveMetrics.of("c", new double[] {2, 4, 5}, new double[] {2.2, 4, 4.5});
        assertEquals(3, m.points());
        assertEquals((0.2 + 0 + 0.5) / 3, m.mae(), 1e-15);
        assertEquals(Math.sqrt((0.04 + 0.25) / 3), m.rmse(), 1e-15);
        assertEquals((0.1 + 0 + 0.1) / 3, m.predE(), 1e-15);
        assertEquals(0.1, m.worstE(), 1e-15);
        double mean = 11.0 / 3;
        double total = Math.pow(2 - mean, 2) + Math.pow(4 - mean, 2) + Math.pow(5 - mean, 2);
        assertEquals(1 - 0.29 / total, m.r2(), 1e-12);
    }

    @Test
    void averagesAreMeansOverCurves() {
        PowerLaw law = new PowerLaw(1, 1, 1);
        double[] lr = new double[11];
        LossCurve exact = LossCurve.of("exact", new int[] {1, 2}, law.predict(lr, new int[] {1, 2}), lr);
        LossCurve off = LossCurve.of("off", new int[] {1, 4, 10}, new double[] {2.2, 1.25, 1.1 * 1.1}, lr);
        Evaluation e = law.evaluate(List.of(exact, off));
        CurveMetrics second = e.curve("off");
        assertEquals(0, e.curve("exact").predE(), 1e-15);
        assertEquals(second.predE() / 2, e.predE(), 1e-15);
        assertEquals(second.worstE() / 2, e.worstE(), 1e-15);
        assertEquals((1 + second.r2()) / 2, e.r2(), 1e-15);
        assertEquals(3, e.toTable().rowCount());
    }
}
