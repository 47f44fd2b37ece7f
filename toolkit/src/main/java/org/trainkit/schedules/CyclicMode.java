package org.trainkit.schedules;

/**
 * The amplitude policy of a cyclical schedule (Smith, "Cyclical Learning Rates for Training Neural
 * Networks", arXiv 1506.01186).
 */
public enum CyclicMode implements SpecWord {
    /** The same amplitude every cycle. */
    TRIANGULAR("triangular"),
    /** The amplitude halves each cycle. */
    TRIANGULAR2("triangular2");

    private final String specName;

    CyclicMode(String specName) {
        this.specName = specName;
    }

    @Override
    public String specName() {
        return specName;
    }
}
