package org.trainkit.notebook;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.trainkit.compare.ExplorerGrid;
import org.trainkit.compare.PredictedCurve;
import org.trainkit.plot.Panels;
import org.trainkit.plot.Plot;

/**
 * The schedule explorer of an {@link ExplorerGrid} as a notebook shows it: the grid's interactive
 * page with, in place of the sliders until its script runs, a static picture of its initial state
 * drawn in the house style (the rate and the predicted loss of that WSD schedule beside the cosine
 * reference). A notebook that is not trusted never runs the script and so shows the picture.
 */
public final class ExplorerView {

    private ExplorerView() {
    }

    /** The explorer's HTML with its static picture. */
    public static String html(ExplorerGrid grid) {
        return grid.html(NotebookDisplay.png(picture(grid)));
    }

    /** The static picture: rate and predicted loss (last part of the run) at the initial state. */
    static BufferedImage picture(ExplorerGrid grid) {
        int[] at = grid.initial();
        PredictedCurve wsd = grid.wsd(at[0], at[1], at[2]);
        PredictedCurve cosine = grid.cosine(at[0], at[1]);
        XYChart rate = Plot.lines("learning rate").x("step").y("").size(460, 290)
                .series(wsd.name(), wsd.x(), wsd.lr())
                .series("cosine, same peak, warmup and final rate", cosine.x(), cosine.lr()).dashed()
                .build();
        int from = firstAtOrAfter(wsd.steps(), grid.zoomFrom());
        XYChart loss = Plot.lines("predicted loss (last 30% of steps)").x("step").y("").size(460, 290)
                .series(wsd.name(), tail(wsd.x(), from), tail(wsd.losses(), from))
                .series("cosine, same peak, warmup and final rate", tail(cosine.x(), from), tail(cosine.losses(), from))
                .dashed()
                .build();
        return Panels.row(List.of(rate, loss));
    }

    private static int firstAtOrAfter(int[] steps, int step) {
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] >= step) {
                return i;
            }
        }
        return 0;
    }

    private static double[] tail(double[] values, int from) {
        return Arrays.copyOfRange(values, from, values.length);
    }
}
