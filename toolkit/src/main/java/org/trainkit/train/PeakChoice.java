package org.trainkit.train;

import java.util.Arrays;

/**
 * The rule by which {@link PeakSweep} picks a schedule's peak learning rate from a grid: the peak
 * with the lowest mean validation loss; a tie goes to the smaller peak (the safer rate); a run
 * that diverged (a loss that is not finite) is never chosen. A choice at either end of the grid is
 * flagged, because the best peak may then lie outside it. The grid search over the base rate is
 * how Schaipp et al. (arXiv 2501.18965) and Hägele et al. (arXiv 2405.18392) compare schedules
 * each at its own tuned rate.
 *
 * @param schedule the name of the schedule family the choice is for
 * @param peaks the candidate peaks, strictly increasing
 * @param losses the mean validation loss at each peak
 * @param chosen the index of the chosen peak
 */
public record PeakChoice(String schedule, double[] peaks, double[] losses, int chosen) {

    /** Copies the arrays and checks that the choice is the rule's. */
    public PeakChoice {
        peaks = peaks.clone();
        losses = losses.clone();
        if (chosen != lowest(schedule, peaks, losses)) {
            throw new IllegalArgumentException("peak choice for '" + schedule + "': index " + chosen
                    + " is not the lowest validation loss");
        }
    }

    /** Applies the rule to mean validation losses measured at {@code peaks} (strictly increasing, all {@code > 0}). */
    public static PeakChoice of(String schedule, double[] peaks, double[] losses) {
        return new PeakChoice(schedule, peaks, losses, lowest(schedule, peaks, losses));
    }

    private static int lowest(String schedule, double[] peaks, double[] losses) {
        if (peaks.length < 2 || peaks.length != losses.length) {
            throw new IllegalArgumentException("peak choice for '" + schedule + "': expected at least 2 peaks and one loss"
                    + " per peak, got " + peaks.length + " peaks and " + losses.length + " losses");
        }
        for (int i = 0; i < peaks.length; i++) {
            if (!(peaks[i] > 0) || Double.isInfinite(peaks[i]) || i > 0 && !(peaks[i] > peaks[i - 1])) {
                throw new IllegalArgumentException("peak choice for '" + schedule + "': peaks must be finite, > 0 and"
                        + " strictly increasing, got " + Arrays.toString(peaks));
            }
        }
        int best = -1;
        for (int i = 0; i < losses.length; i++) {
            if (Double.isFinite(losses[i]) && (best < 0 || losses[i] < losses[best])) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("peak choice for '" + schedule + "': every run diverged (validation losses "
                    + Arrays.toString(losses) + " at peaks " + Arrays.toString(peaks) + ")");
        }
        return best;
    }

    /** The chosen peak. */
    public double peak() {
        return peaks[chosen];
    }

    /** The mean validation loss at the chosen peak. */
    public double loss() {
        return losses[chosen];
    }

    /** Whether the choice is the smallest or the largest peak of the grid. */
    public boolean atEdge() {
        return chosen == 0 || chosen == peaks.length - 1;
    }

    /** "inside the grid", or which edge the choice is at. */
    public String note() {
        return chosen == 0 ? "smallest peak of the grid" : chosen == peaks.length - 1 ? "largest peak of the grid"
                : "inside the grid";
    }

    @Override
    public double[] peaks() {
        return peaks.clone();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeakChoice p && schedule.equals(p.schedule) && Arrays.equals(peaks, p.peaks)
                && Arrays.equals(losses, p.losses) && chosen == p.chosen;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * schedule.hashCode() + Arrays.hashCode(peaks)) + Arrays.hashCode(losses);
    }

    @Override
    public String toString() {
        return "PeakChoice[" + schedule + ": peak " + peak() + " of " + Arrays.toString(peaks) + ", " + note() + "]";
    }
}
