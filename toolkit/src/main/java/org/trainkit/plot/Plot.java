package org.trainkit.plot;

/**
 * Entry point for report charts in trainkit's {@link HouseStyle}. Each method starts a builder:
 *
 * <pre>{@code
 * XYChart chart = Plot.lines("Training loss").x("step").y("loss").logY()
 *         .series("cosine", steps, loss)
 *         .series("constant", steps, loss2)
 *         .build();
 * }</pre>
 */
public final class Plot {

    private Plot() {
    }

    /** A line chart (markers only on series of at most {@value HouseStyle#MARKER_LIMIT} points). */
    public static XYPlot lines(String title) {
        return new XYPlot(title, false);
    }

    /** A scatter chart (markers, no lines). */
    public static XYPlot scatter(String title) {
        return new XYPlot(title, true);
    }

    /** A dot plot with intervals: one row per estimate, for means and paired differences over seeds. */
    public static DotPlot dots(String title) {
        return new DotPlot(title);
    }

    /** Small multiples: one line chart per named series on shared axes, as one figure. */
    public static SmallMultiples multiples(String title) {
        return new SmallMultiples(title);
    }

    /** A bar chart over named categories. */
    public static BarPlot bars(String title) {
        return new BarPlot(title);
    }
}
