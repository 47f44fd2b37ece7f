package org.trainkit.curves;

import java.util.Locale;
import org.trainkit.core.Progress;

/**
 * Receives {@link FitProgress} reports during a fit or a bootstrap; {@link #to(Progress)} passes them
 * on to the {@link Progress} that all long work reports to. Bootstrap refits run on worker
 * threads, so a listener may be called from several threads; keep it quick.
 */
@FunctionalInterface
public interface FitListener {

    /** A listener that ignores every report. */
    FitListener NONE = progress -> { };

    /**
     * A listener that shows each report as the status text of {@code progress}, leaving its count
     * alone: one bar can count fits while its status follows the fit under way
     * ("optimise 12/2000, objective 1.38e-04").
     */
    static FitListener to(Progress progress) {
        return report -> progress.set(progress.done(), String.format(Locale.ROOT, "%s %d/%d%s", report.stage(),
                report.done(), report.total(),
                Double.isNaN(report.objective()) ? "" : String.format(Locale.ROOT, ", objective %.3e", report.objective())));
    }

    /** Called with each report: after the grid search, after each optimiser iteration, after each bootstrap refit. */
    void onProgress(FitProgress progress);
}
