package org.trainkit.plot;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Builds a bar {@link CategoryChart} in trainkit's {@link HouseStyle}: one bar per category and
 * series, series side by side. Start one with {@link Plot#bars}.
 */
public final class BarPlot {

    private record Series(String name, List<String> categories, List<Double> values) {
    }

    private final String title;
    private final List<Series> series = new ArrayList<>();
    private String xLabel = "";
    private String yLabel = "";
    private int width = HouseStyle.WIDTH;
    private int height = HouseStyle.HEIGHT;
    private Double yMin;
    private Double yMax;

    BarPlot(String title) {
        this.title = title == null ? "" : title;
    }

    /** Labels the category axis. */
    public BarPlot x(String label) {
        this.xLabel = label;
        return this;
    }

    /** Labels the value axis. */
    public BarPlot y(String label) {
        this.yLabel = label;
        return this;
    }

    /** Sets the size in pixels at 1x. */
    public BarPlot size(int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("chart size must be at least 100 x 100 pixels, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /** Fixes the value axis range. */
    public BarPlot yRange(double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException("y range needs min < max, got [" + min + ", " + max + "]");
        }
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    /** Adds a series: {@code values[i]} is the bar of {@code categories.get(i)}. */
    public BarPlot series(String name, List<String> categories, double[] values) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a series needs a name");
        }
        if (categories.size() != values.length) {
            throw new IllegalArgumentException("series '" + name + "': " + categories.size() + " categories but "
                    + values.length + " values");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no bars");
        }
        List<Double> boxed = new ArrayList<>(values.length);
        for (double v : values) {
            boxed.add(v);
        }
        series.add(new Series(name, List.copyOf(categories), List.copyOf(boxed)));
        return this;
    }

    /** The chart, styled. */
    public CategoryChart build() {
        if (series.isEmpty()) {
            throw new IllegalStateException("chart '" + title + "' has no series; add one with series(...)");
        }
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setYAxisMin(yMin).setYAxisMax(yMax);
        for (Series s : series) {
            chart.addSeries(s.name(), s.categories(), s.values());
        }
        HouseStyle.apply(chart);
        return chart;
    }
}
