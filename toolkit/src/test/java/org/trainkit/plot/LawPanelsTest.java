package org.trainkit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.trainkit.curves.LawForm;
import org.trainkit.curves.LossCurve;

class LawPanelsTest {

    private static LossCurve curve(String name, int points) {
        double[] lr = new double[points * 10 + 1];
        java.util.Arrays.fill(lr, 1e-3);
        int[] steps = IntStream.rangeClosed(1, points).map(i -> 10 * i).toArray();
        double[] loss = IntStream.rangeClosed(1, points).mapToDouble(i -> 3 + 1.0 / i).toArray();
        return LossCurve.of(name, steps, loss, lr);
    }

    @Test
    void onePanelPerCurveWithTheMeasuredPointsAndEachLawTitledByRole() {
        var power = LawForm.power().law(2.5, 1.0, 0.5);
        ChartGrid grid = LawPanels.of("fits").train(List.of("a")).law("power", power)
                .curves(List.of(curve("a", 200), curve("b", 20))).columns(2).fits();
        assertEquals(2, grid.panels().size());
        XYChart first = (XYChart) grid.panels().get(0);
        assertEquals("a (train)", first.getTitle());
        assertEquals("b (test)", grid.panels().get(1).getTitle());
        assertEquals(LawPanels.MARKERS, first.getSeriesMap().get("measured").getXData().length);
        assertEquals(200, first.getSeriesMap().get("power").getXData().length);
        assertTrue(first.getStyler().isLegendVisible());
        assertTrue(!((XYChart) grid.panels().get(1)).getStyler().isLegendVisible(), "one legend, in the first panel");
        XYChart residuals = (XYChart) LawPanels.of("residuals").law("power", power).curves(List.of(curve("a", 5)))
                .residuals().panels().get(0);
        assertTrue(residuals.getStyler().getYAxisMin() <= 0 && residuals.getStyler().getYAxisMax() >= 0);
    }

    @Test
    void thinningKeepsTheEndsAndEverythingWhenFew() {
        assertArrayEquals(new int[] {0, 1, 2}, LawPanels.thinned(3));
        int[] many = LawPanels.thinned(1000);
        assertEquals(LawPanels.MARKERS, many.length);
        assertEquals(0, many[0]);
        assertEquals(999, many[many.length - 1]);
    }

    @Test
    void emptyFiguresAndDuplicateLawsAreErrorsThatSayWhat() {
        var power = LawForm.power().law(2.5, 1.0, 0.5);
        assertTrue(assertThrows(IllegalStateException.class, () -> LawPanels.of("x").law("p", power).fits())
                .getMessage().contains("no curves"));
        assertTrue(assertThrows(IllegalStateException.class, () -> LawPanels.of("x").curves(List.of(curve("a", 3))).fits())
                .getMessage().contains("no law"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LawPanels.of("x").law("p", power).law("p", power))
                .getMessage().contains("'p'"));
    }
}
