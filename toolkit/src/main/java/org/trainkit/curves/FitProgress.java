package org.trainkit.curves;

/**
 * A progress report from a long fit, for a progress bar or a status line.
 *
 * @param stage what is running: {@code "start"} (grid search for a starting point),
 *     {@code "optimise"} (optimiser iterations) or {@code "bootstrap"} (resample refits)
 * @param done units done in this stage (iterations, resamples)
 * @param total the stage's budget of units (for {@code "optimise"} the iteration limit, which a fit
 *     normally stops well short of)
 * @param objective the current summed Huber objective, or NaN where there is none
 */
public record FitProgress(String stage, int done, int total, double objective) {
}
