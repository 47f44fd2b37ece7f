package org.trainkit.schedules;

/**
 * The phases most schedules share, written once so that every schedule follows the same
 * conventions (REFERENCES.md section 2): a linear warmup from 0, {@code lr(t) = peak * t / warmup}
 * for {@code t < warmup}; a hold at the peak; a decay of some {@link Cooldown} shape from a start
 * {@code D} with progress {@code s = (t - D) / (total - D)}, which reaches its end rate at step
 * {@code total}, one past the last step.
 */
final class Phases {

    private Phases() {
    }

    /** The warmup rate at {@code step < warmup}. */
    static double warmup(int step, double peak, int warmup) {
        return peak * step / warmup;
    }

    /**
     * Warmup, hold at {@code peak} until {@code decayStart}, then {@code shape} from {@code peak} to
     * {@code to}. Cosine and linear decay are the case {@code decayStart = warmup}.
     */
    static double warmupHoldDecay(int step, double peak, int warmup, double decayStart, int total,
                                  Cooldown shape, double to) {
        if (step < warmup) {
            return warmup(step, peak, warmup);
        }
        if (step < decayStart) {
            return peak;
        }
        return shape.at((step - decayStart) / (total - decayStart), peak, to);
    }
}
