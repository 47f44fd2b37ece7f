package org.trainkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;

class XYPlotTest {

    private static double[] range(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i + 1;
        }
        return values;
    }

    private static List<XYSeries> visible(XYChart chart) {
        return chart.getSeriesMap().values().stream().filter(s -> !s.getName().equals(HouseStyle.TICK_GUARD)).toList();
    }

    @Test
    void denseLinesHaveNoMarkersAndShortOnesDo() {
        XYChart chart = Plot.lines("t").series("dense", range(HouseStyle.MARKER_LIMIT + 1), range(HouseStyle.MARKER_LIMIT + 1))
                .series("short", range(HouseStyle.MARKER_LIMIT), range(HouseStyle.MARKER_LIMIT)).build();
        assertSame(SeriesMarkers.NONE, chart.getSeriesMap().get("dense").getMarker());
        assertSame(SeriesMarkers.CIRCLE, chart.getSeriesMap().get("short").getMarker());
    }

    @Test
    void seriesTakePaletteColoursInOrderAndTheHouseSize() {
        XYChart chart = Plot.lines("t").series("a", range(5), range(5)).series("b", range(5), range(5))
                .series("c", range(5), range(5)).build();
        List<XYSeries> series = visible(chart);
        for (int i = 0; i < series.size(); i++) {
            assertEquals(HouseStyle.color(i), series.get(i).getLineColor());
        }
        assertEquals(HouseStyle.WIDTH, chart.getWidth());
        assertEquals(HouseStyle.HEIGHT, chart.getHeight());
        assertEquals(HouseStyle.FONT_FAMILY, chart.getStyler().getAxisTickLabelsFont().getFamily());
        assertEquals(LegendPosition.OutsideE, chart.getStyler().getLegendPosition());
        assertTrue(chart.getStyler().isLegendVisible());
    }

    @Test
    void everySeriesIsSolidUnlessDashedEvenPastThePalette() {
        XYPlot plot = Plot.lines("t");
        for (int i = 0; i < 12; i++) {
            plot.series("s" + i, range(50), range(50));
        }
        for (XYSeries series : visible(plot.build())) {
            assertEquals(null, series.getLineStyle().getDashArray(), series.getName());
            assertEquals(1.6f, series.getLineStyle().getLineWidth(), 1e-6, series.getName());
        }
    }

    @Test
    void paletteIsTheEightOkabeItoColoursCycling() {
        assertEquals(8, HouseStyle.paletteSize());
        assertEquals(0x0072B2, HouseStyle.color(0).getRGB() & 0xFFFFFF);
        assertEquals(HouseStyle.color(1), HouseStyle.color(9));
    }

    @Test
    void aSingleSeriesHasNoLegendAndTheTickGuardIsNeverShown() {
        XYChart chart = Plot.lines("t").x("step").y("loss").series("only", range(100), range(100)).build();
        assertFalse(chart.getStyler().isLegendVisible());
        XYSeries guard = chart.getSeriesMap().get(HouseStyle.TICK_GUARD);
        assertFalse(guard.isShowInLegend());
        assertSame(SeriesMarkers.NONE, guard.getMarker());
        assertEquals(0, guard.getLineColor().getAlpha());
        assertEquals(100.0, guard.getXMax());
        assertEquals(100.0, guard.getYMax());
        assertEquals("step", chart.getXAxisTitle());
        assertEquals("loss", chart.getYAxisTitle());
    }

    @Test
    void scatterAlwaysHasMarkers() {
        XYChart chart = Plot.scatter("s").series("points", range(500), range(500)).build();
        assertSame(SeriesMarkers.CIRCLE, chart.getSeriesMap().get("points").getMarker());
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, chart.getStyler().getDefaultSeriesRenderStyle());
    }

    @Test
    void logAxesAreSetAndLabelMinorTicksOnlyWithinOneDecade() {
        XYChart narrow = Plot.lines("t").logX().logY().series("a", range(9), range(9)).build();
        assertTrue(narrow.getStyler().isXAxisLogarithmic());
        assertTrue(narrow.getStyler().isYAxisLogarithmic());
        assertFalse(narrow.getStyler().isYAxisLogarithmicDecadeOnly());
        assertEquals(null, narrow.getStyler().getXAxisMin(), "a narrow axis keeps the data range");
        XYChart wide = Plot.lines("t").logX().series("a", new double[] {1, 1e5}, new double[] {1, 2}).build();
        assertTrue(wide.getStyler().isXAxisLogarithmicDecadeOnly());
    }

    @Test
    void aLogAxisOverMoreThanADecadeSpansWholeDecadesUnlessItsRangeIsFixed() {
        double[] steps = {2160, 24000, 72000};
        XYChart chart = Plot.lines("t").logX().series("loss", steps, new double[] {3.7, 3.0, 2.9}).build();
        assertTrue(chart.getStyler().isXAxisLogarithmicDecadeOnly());
        assertEquals(1e3, chart.getStyler().getXAxisMin(), 1e-9);
        assertEquals(1e5, chart.getStyler().getXAxisMax(), 1e-6);
        XYChart fixed = Plot.lines("t").logX().xRange(2000, 80000).series("loss", steps, new double[] {3.7, 3.0, 2.9}).build();
        assertEquals(2000.0, fixed.getStyler().getXAxisMin());
        assertEquals(80000.0, fixed.getStyler().getXAxisMax());
    }

    @Test
    void nonPositiveValuesOnALogAxisAreRefusedWithTheirPlace() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Plot.lines("t").logY().series("lr", new double[] {0, 1, 2}, new double[] {1e-3, 0, 1e-4}).build());
        assertTrue(error.getMessage().contains("'lr'") && error.getMessage().contains("y[1] = 0.0"), error.getMessage());
    }

    @Test
    void nanIsAGapEvenOnALogAxis() {
        XYChart chart = Plot.lines("diverged").logY()
                .series("loss", new double[] {0, 1, 2, 3}, new double[] {2.3, 1.1, Double.NaN, Double.NaN}).build();
        XYSeries guard = chart.getSeriesMap().get(HouseStyle.TICK_GUARD);
        assertEquals(2.3, guard.getYMax(), "the tick guard ignores NaN");
        assertEquals(HouseStyle.WIDTH, Figures.show(chart).getWidth());
        assertThrows(IllegalArgumentException.class, () -> Plot.lines("t").logY()
                .series("inf", new double[] {0, 1}, new double[] {1, Double.POSITIVE_INFINITY}).build());
    }

    @Test
    void aPredictionSitsOverItsDataInTheSameColourDashedAndUnlisted() {
        XYChart chart = Plot.lines("fit")
                .series("cosine", range(100), range(100)).points()
                .series("cosine, law", range(100), range(100)).dashed().colourOf("cosine").hideFromLegend()
                .series("constant", range(100), range(100))
                .build();
        XYSeries data = chart.getSeriesMap().get("cosine");
        XYSeries law = chart.getSeriesMap().get("cosine, law");
        XYSeries next = chart.getSeriesMap().get("constant");
        assertEquals(XYSeries.XYSeriesRenderStyle.Scatter, data.getXYSeriesRenderStyle());
        assertSame(SeriesMarkers.CIRCLE, data.getMarker(), "points are drawn even on a long series");
        assertEquals(HouseStyle.color(0), law.getLineColor());
        assertEquals(HouseStyle.color(0), law.getMarkerColor());
        assertEquals(HouseStyle.color(1), next.getLineColor(), "a shared colour does not use up a palette colour");
        assertTrue(law.getLineStyle().getDashArray() != null && law.getLineStyle().getDashArray().length == 2);
        assertEquals(data.getLineWidth(), law.getLineStyle().getLineWidth(), "dashes keep the house line width");
        assertTrue(law.isSmooth(), "drawn as one path, so the dash pattern runs on across a dense series");
        assertFalse(law.isShowInLegend());
        assertTrue(chart.getStyler().isLegendVisible(), "two series are still listed");
        assertEquals(HouseStyle.WIDTH, Figures.show(chart).getWidth(), "the styled chart renders");
    }

    @Test
    void theLegendCountsOnlyListedSeries() {
        XYChart chart = Plot.lines("t").series("data", range(5), range(5))
                .series("law", range(5), range(5)).hideFromLegend().build();
        assertFalse(chart.getStyler().isLegendVisible());
    }

    @Test
    void modifiersNeedASeriesAndAKnownColourSource() {
        assertThrows(IllegalStateException.class, () -> Plot.lines("t").dashed());
        assertThrows(IllegalStateException.class, () -> Plot.lines("t").hideFromLegend());
        assertThrows(IllegalArgumentException.class,
                () -> Plot.lines("t").series("a", range(3), range(3)).colourOf("b"));
        assertThrows(IllegalArgumentException.class,
                () -> Plot.lines("t").series("a", range(3), range(3)).colourOf("a"), "only an earlier series");
        assertThrows(IllegalStateException.class,
                () -> Plot.lines("t").series("a", range(3), range(3)).points().dashed());
        assertThrows(IllegalStateException.class,
                () -> Plot.lines("t").series("a", range(3), range(3)).dashed().points());
    }

    @Test
    void badSeriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Plot.lines("t").series("a", range(3), range(4)));
        assertThrows(IllegalArgumentException.class, () -> Plot.lines("t").series("a", new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Plot.lines("t").series(" ", range(3), range(3)));
        assertThrows(IllegalStateException.class, () -> Plot.lines("empty").build());
        assertThrows(IllegalArgumentException.class,
                () -> Plot.lines("t").series("a", range(3), range(3)).series("a", range(3), range(3)).build());
        assertThrows(IllegalArgumentException.class, () -> Plot.lines("t").xRange(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Plot.lines("t").size(50, 500));
    }

    @Test
    void seriesComeFromTablesawColumnsAndIndices() {
        XYChart chart = Plot.lines("t")
                .series("log", IntColumn.create("step", new int[] {0, 1, 2}), DoubleColumn.create("loss", 2.0, 1.5, 1.2))
                .series("y only", new double[] {5, 6})
                .build();
        assertEquals(2.0, chart.getSeriesMap().get("log").getXMax());
        assertEquals(1.2, chart.getSeriesMap().get("log").getYMin());
        assertEquals(1.0, chart.getSeriesMap().get("y only").getXMax());
    }

    @Test
    void rangesAndSizeAreApplied() {
        XYChart chart = Plot.lines("t").xRange(0, 10).yRange(-1, 1).size(400, 300).series("a", range(3), range(3)).build();
        assertEquals(0.0, chart.getStyler().getXAxisMin());
        assertEquals(1.0, chart.getStyler().getYAxisMax());
        assertEquals(400, chart.getWidth());
    }

    @Test
    void tickLabelsUseOneStylePerAxis() {
        Function<Double, String> lr = TickLabels.forRange(0, 1e-3);
        assertEquals("0", lr.apply(0.0));
        assertEquals("8e-4", lr.apply(8e-4));
        assertEquals("1e-3", lr.apply(0.001));
        assertEquals("2.5e-5", lr.apply(2.5e-5));
        Function<Double, String> steps = TickLabels.forRange(0, 72000);
        assertEquals("24000", steps.apply(24000.0));
        assertEquals("0.25", TickLabels.forRange(0, 1).apply(0.25));
        assertEquals("-0.5", TickLabels.forRange(-1, 1).apply(-0.5));
        assertEquals("1.5e6", TickLabels.forRange(0, 2e6).apply(1.5e6));
        assertEquals("0.3", TickLabels.forRange(0, 1).apply(0.30000000000000004));
    }

    @Test
    void barsAreStyledAndCheckTheirInput() {
        CategoryChart chart = Plot.bars("acc").x("schedule").y("accuracy").yRange(0.8, 0.9)
                .series("seed 1", List.of("cosine", "constant"), new double[] {0.86, 0.84}).build();
        assertEquals(HouseStyle.FONT_FAMILY, chart.getStyler().getChartTitleFont().getFamily());
        assertFalse(chart.getStyler().isLegendVisible());
        assertEquals(0.8, chart.getStyler().getYAxisMin());
        assertThrows(IllegalArgumentException.class,
                () -> Plot.bars("b").series("s", List.of("a", "b"), new double[] {1}));
        assertThrows(IllegalStateException.class, () -> Plot.bars("b").build());
    }
}
