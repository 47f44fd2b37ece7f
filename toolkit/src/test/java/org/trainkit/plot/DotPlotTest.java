package org.trainkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.trainkit.core.Estimate;

class DotPlotTest {

    private static XYChart chart() {
        return Plot.dots("differences").x("test loss difference").reference(0)
                .row("constant", 0.031, 0.02, 0.043)
                .row("D2Z", new Estimate(-0.004, -0.009, 0.001, 0.95, 5))
                .row("WSD", -0.006, -0.01, -0.002)
                .build();
    }

    @Test
    void firstRowOnTopEachIntervalAtItsRowOneColourAndAGreyReference() {
        XYChart chart = chart();
        XYSeries constant = chart.getSeriesMap().get("constant");
        XYSeries wsd = chart.getSeriesMap().get("WSD");
        assertEquals(2.0, constant.getYData()[0]);
        assertEquals(0.0, wsd.getYData()[0]);
        assertEquals(0.02, constant.getXData()[0]);
        assertEquals(0.043, constant.getXData()[1]);
        assertEquals(HouseStyle.color(0), constant.getLineColor());
        assertEquals(HouseStyle.color(0), wsd.getLineColor());
        XYSeries reference = chart.getSeriesMap().get("reference");
        assertEquals(0.0, reference.getXData()[0]);
        assertTrue(reference.getLineColor().getRed() == reference.getLineColor().getBlue(), "grey");
        assertTrue(chart.getStyler().getXAxisMin() < 0.02 - 0.01 && chart.getStyler().getXAxisMax() > 0.043);
    }

    @Test
    void rowsAreNamedOnTheYAxisAndOtherTicksStayBlank() {
        XYChart chart = chart();
        var label = chart.getStyler().getyAxisTickLabelsFormattingFunction();
        assertEquals("constant", label.apply(2.0));
        assertEquals("WSD", label.apply(0.0));
        assertTrue(label.apply(0.5).replace("\u200B", "").isEmpty() && label.apply(-1.0).replace("\u200B", "").isEmpty());
        assertTrue(!label.apply(0.5).equals(label.apply(1.5)), "blank labels differ, or XChart widens the tick step");
        assertEquals(DotPlot.FRAME_HEIGHT + 3 * DotPlot.ROW_HEIGHT, BitmapEncoder.getBufferedImage(chart).getHeight());
    }

    @Test
    void badRowsNameTheRowAndTheReason() {
        DotPlot plot = Plot.dots("t").row("a", 1, 0, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plot.row("a", 1, 0, 2)).getMessage().contains("'a'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plot.row("b", 3, 0, 2)).getMessage().contains("row 'b'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> plot.row("c", Double.NaN, 0, 2)).getMessage().contains("row 'c'"));
        assertThrows(IllegalStateException.class, () -> Plot.dots("empty").build());
        assertThrows(IllegalArgumentException.class, () -> Plot.dots("t").reference(Double.NaN));
        assertEquals(List.of("a"), plot.build().getSeriesMap().keySet().stream().filter("a"::equals).toList());
    }
}
