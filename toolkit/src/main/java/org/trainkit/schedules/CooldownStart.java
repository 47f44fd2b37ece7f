package org.trainkit.schedules;

/**
 * Where a WSD cooldown begins: at an absolute step ({@code decay_start=20000}) or as the last
 * fraction of the run ({@code decay=0.2}, i.e. D = total - 0.2 * total, which may fall between
 * steps). Hu et al. (MiniCPM, arXiv 2404.06395) and Hägele et al. (arXiv 2405.18392) use 10-20%.
 */
public sealed interface CooldownStart permits CooldownStart.AtStep, CooldownStart.LastFraction {

    /** The cooldown starts at step {@code step}. */
    static CooldownStart atStep(int step) {
        return new AtStep(step);
    }

    /** The cooldown takes the last {@code fraction} of the run, {@code 0 < fraction <= 1}. */
    static CooldownStart lastFraction(double fraction) {
        return new LastFraction(fraction);
    }

    /** The step D at which the cooldown starts in a run of {@code total} steps. */
    double start(int total);

    /**
     * The cooldown starts at step {@code step}; written {@code decay_start=step}.
     *
     * @param step the first step of the cooldown
     */
    record AtStep(int step) implements CooldownStart {
        @Override
        public double start(int total) {
            return step;
        }
    }

    /**
     * The cooldown takes the last {@code fraction} of the run; written {@code decay=fraction}.
     *
     * @param fraction the cooldown's share of the run, in (0, 1]
     */
    record LastFraction(double fraction) implements CooldownStart {
        @Override
        public double start(int total) {
            return total - fraction * total;
        }
    }
}
