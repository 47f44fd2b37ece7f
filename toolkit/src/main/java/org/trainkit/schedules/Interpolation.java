package org.trainkit.schedules;

/** How a {@link Piecewise} schedule fills the steps between its knots. */
public enum Interpolation implements SpecWord {
    /** Each knot's rate holds until the next knot. */
    CONSTANT("constant"),
    /** Straight lines between knots; the last knot's rate holds to the end. */
    LINEAR("linear");

    private final String specName;

    Interpolation(String specName) {
        this.specName = specName;
    }

    @Override
    public String specName() {
        return specName;
    }
}
