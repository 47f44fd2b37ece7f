package org.trainkit.schedules;

/**
 * The shape of a cooldown (decay) phase as a function of its progress {@code s} in [0, 1], from a
 * rate {@code from} down to {@code to} (REFERENCES.md section 2; the shapes compared by Hägele et
 * al., "Scaling Laws and Compute-Optimal Training Beyond Fixed Training Durations",
 * arXiv 2405.18392, who recommend 1-sqrt).
 */
public enum Cooldown implements SpecWord {
    /** {@code to + (from - to)(1 - s)}. */
    LINEAR("linear"),
    /** 1-sqrt: {@code to + (from - to)(1 - sqrt(s))}. */
    SQRT("sqrt"),
    /** {@code to + (from - to)(1 - s^2)}. */
    SQUARE("square"),
    /** {@code to + (from - to)(1 + cos(pi s)) / 2}. */
    COSINE("cosine"),
    /** Geometric: {@code from * (to / from)^s}; needs {@code to > 0}. */
    EXP("exp");

    private final String specName;

    Cooldown(String specName) {
        this.specName = specName;
    }

    @Override
    public String specName() {
        return specName;
    }

    /** The rate at progress {@code s} of a cooldown from {@code from} to {@code to}. */
    public double at(double s, double from, double to) {
        return switch (this) {
            case LINEAR -> to + (from - to) * (1 - s);
            case SQRT -> to + (from - to) * (1 - Math.sqrt(s));
            case SQUARE -> to + (from - to) * (1 - s * s);
            case COSINE -> to + (from - to) * (1 + Math.cos(Math.PI * s)) / 2;
            case EXP -> from * Math.pow(to / from, s);
        };
    }
}
