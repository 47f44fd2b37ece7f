package org.trainkit.curves;

/**
 * Receives {@link FitProgress} reports during a fit or a bootstrap. Bootstrap refits run on worker
 * threads, so a listener may be called from several threads; keep it quick.
 */
@FunctionalInterface
public interface FitListener {

    /** A listener that ignores every report. */
    FitListener NONE = progress -> { };

    /** Called with each report: after the grid search, after each optimiser iteration, after each bootstrap refit. */
    void onProgress(FitProgress progress);
}
