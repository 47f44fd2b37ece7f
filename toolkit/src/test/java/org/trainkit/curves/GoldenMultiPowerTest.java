package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The multi-power law with the parameters published by Luo et al. (2025) reproduces the published
 * test-set errors to the printed digits (REFERENCES.md section 1, golden-test paragraph).
 */
class GoldenMultiPowerTest {

    static MultiPowerLaw published(String model) {
        return model.equals("25M")
                ? new MultiPowerLaw(3.04045406, 0.52468604, 0.50786857, 363.78751622, 2.06560812, 0.58279013, 0.64142257)
                : new MultiPowerLaw(2.6514477, 0.60115152, 0.45295811, 437.9464276, 2.13245612, 0.59785199, 0.65523644);
    }

    @ParameterizedTest
    @CsvSource({"25M, 0.9988, 0.00376, 0.00465, 0.00110, 0.00409", "100M, 0.9983, 0.00435, 0.00592, 0.00142, 0.00583"})
    void publishedParametersReproduceThePublishedTestErrors(String model, double r2, double mae, double rmse,
            double predE, double worstE) {
        List<LossCurve> test = PublishedSchedules.curves(model, PublishedSchedules.TEST);
        Evaluation evaluation = published(model).evaluate(test);
        System.out.printf("%s golden: %s%n", model, evaluation);
        assertEquals(predE, round(evaluation.predE(), 5));
        assertEquals(worstE, round(evaluation.worstE(), 5));
        assertEquals(r2, round(evaluation.r2(), 4));
        assertEquals(mae, round(evaluation.mae(), 5));
        assertEquals(rmse, round(evaluation.rmse(), 5));
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
