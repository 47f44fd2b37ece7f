package org.trainkit.schedules;

import java.util.List;
import java.util.StringJoiner;

/**
 * Writes the canonical text form of a schedule: {@code name(key=value, ...)} with the keys in
 * registry order, numbers in their shortest round-trip form ({@link Numbers}) and whole steps as
 * integers.
 */
public final class SpecText {

    private final String name;
    private final StringJoiner args = new StringJoiner(", ");

    /** A text form for the kind {@code name}, keys added in printing order. */
    public SpecText(String name) {
        this.name = name;
    }

    /** Adds {@code key=value} with the value in its shortest round-trip form. */
    public SpecText number(String key, double value) {
        return raw(key, Numbers.format(value));
    }

    /** Adds {@code key=value} for a whole number. */
    public SpecText steps(String key, int value) {
        return raw(key, Integer.toString(value));
    }

    /** Adds {@code key=word}. */
    public SpecText word(String key, String value) {
        return raw(key, value);
    }

    SpecText schedule(String key, Schedule value) {
        return raw(key, value.spec());
    }

    SpecText schedules(String key, List<? extends Schedule> values) {
        return raw(key, list(values.stream().map(Schedule::spec).toList()));
    }

    SpecText numbers(String key, double[] values) {
        return raw(key, list(java.util.Arrays.stream(values).mapToObj(Numbers::format).toList()));
    }

    SpecText knots(String key, List<Knot> knots) {
        return raw(key, list(knots.stream().map(k -> k.step() + ":" + Numbers.format(k.lr())).toList()));
    }

    /** {@code decay_start=D} or {@code decay=fraction}, whichever the schedule was given. */
    SpecText cooldownStart(CooldownStart start) {
        if (start instanceof CooldownStart.AtStep at) {
            return steps("decay_start", at.step());
        }
        return number("decay", ((CooldownStart.LastFraction) start).fraction());
    }

    private SpecText raw(String key, String text) {
        args.add(key + "=" + text);
        return this;
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }

    @Override
    public String toString() {
        return name + "(" + args + ")";
    }
}
