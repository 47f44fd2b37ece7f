package org.trainkit.schedules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed text form of a schedule before it is checked against the registry:
 * {@code name(key=value, ...)} with its keys in the order written. Public so that other text forms of
 * the same notation (the sample-reweighting strategies) reuse the parser. Values are numbers, words,
 * {@code step:rate} pairs, lists and nested schedules (for composition).
 */
public record Spec(String name, Map<String, Value> args) {

    /** Copies the arguments, keeping their order. */
    public Spec {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
    }

    /** One value on the right of {@code key=}. */
    public sealed interface Value permits Num, Word, Pair, ListOf, Nested {
        /** What kind of value this is, for error messages. */
        String kind();
    }

    /** A number, kept with the text it was written as. */
    public record Num(double value, String text) implements Value {
        public String kind() {
            return "number";
        }
    }

    /** A bare word such as {@code exp} or {@code triangular2}. */
    public record Word(String text) implements Value {
        public String kind() {
            return "word";
        }
    }

    /** A {@code step:rate} pair (a piecewise knot). */
    public record Pair(Num left, Num right) implements Value {
        public String kind() {
            return "step:rate pair";
        }
    }

    /** A bracketed list {@code [v, v, ...]}. */
    public record ListOf(List<Value> items) implements Value {
        /** Copies the items. */
        public ListOf {
            items = List.copyOf(items);
        }

        public String kind() {
            return "list";
        }
    }

    /** A schedule inside another one. */
    public record Nested(Spec spec) implements Value {
        public String kind() {
            return "schedule";
        }
    }
}
