package org.trainkit.schedules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keys of one parsed spec, checked against its {@link SpecKind}: unknown and missing keys are
 * rejected on construction, defaults are filled in, and each accessor checks that the value has the
 * expected form (number, whole number, word, list...), naming the kind and the key when it does
 * not. Value ranges are checked by the values' constructors.
 */
public final class SpecArgs {

    private final SpecKind<?> kind;
    private final Map<String, Spec.Value> given;

    SpecArgs(SpecKind<?> kind, Spec spec) {
        this.kind = kind;
        this.given = spec.args();
        for (String key : given.keySet()) {
            if (kind.keys().stream().noneMatch(k -> k.name().equals(key))) {
                throw new SpecException(kind.name() + ": unknown key '" + key + "'; " + (kind.keys().isEmpty()
                        ? kind.name() + " takes no keys" : "keys: " + keyNames()));
            }
        }
        for (SpecKey key : kind.keys()) {
            if (key.need() == SpecKey.Need.REQUIRED && !given.containsKey(key.name())) {
                throw new SpecException(kind.name() + ": missing key '" + key.name() + "' (" + key.description()
                        + ")");
            }
        }
    }

    /** Which one of the alternative keys was given; exactly one must be. */
    String oneOf(String... keys) {
        List<String> present = new ArrayList<>();
        for (String key : keys) {
            if (given.containsKey(key)) {
                present.add(key);
            }
        }
        if (present.size() != 1) {
            throw new SpecException(kind.name() + ": give exactly one of the keys " + quoted(keys) + ", got "
                    + (present.isEmpty() ? "none" : quoted(present.toArray(String[]::new))));
        }
        return present.get(0);
    }

    /** The number given for {@code key}, or its default. */
    public double number(String key) {
        return asNumber(key, value(key)).value();
    }

    /** A whole number of steps. */
    public int steps(String key) {
        return wholeNumber(key, asNumber(key, value(key)), "a whole number of steps");
    }

    /** A whole number (a count, a period in epochs). */
    public int whole(String key) {
        return wholeNumber(key, asNumber(key, value(key)), "a whole number");
    }

    /** A word such as {@code sqrt}. */
    public String word(String key) {
        Spec.Value value = value(key);
        if (value instanceof Spec.Word word) {
            return word.text();
        }
        throw wrongKind(key, "a word", value);
    }

    /** One of the constants of {@code values}, named by its {@link SpecWord}. */
    public <E extends Enum<E> & SpecWord> E choice(String key, E[] values) {
        String word = word(key);
        for (E value : values) {
            if (value.specName().equals(word)) {
                return value;
            }
        }
        throw new SpecException(kind.name() + ": key '" + key + "' must be one of "
                + Arrays.stream(values).map(SpecWord::specName).collect(Collectors.joining(", "))
                + ", got " + word);
    }

    Schedule schedule(String key) {
        return nested(key, value(key));
    }

    List<Schedule> schedules(String key) {
        return list(key).stream().map(v -> nested(key, v)).toList();
    }

    double[] numbers(String key) {
        return list(key).stream().mapToDouble(v -> asNumber(key, v).value()).toArray();
    }

    List<Knot> knots(String key) {
        List<Knot> knots = new ArrayList<>();
        for (Spec.Value v : list(key)) {
            if (!(v instanceof Spec.Pair pair)) {
                throw wrongKind(key, "a list of step:rate pairs", v);
            }
            knots.add(new Knot(wholeNumber(key, pair.left(), "a whole number of steps"), pair.right().value()));
        }
        return knots;
    }

    private List<Spec.Value> list(String key) {
        Spec.Value value = value(key);
        if (value instanceof Spec.ListOf list) {
            return list.items();
        }
        throw wrongKind(key, "a [list]", value);
    }

    private Schedule nested(String key, Spec.Value value) {
        if (value instanceof Spec.Nested nested) {
            return ScheduleRegistry.build(nested.spec());
        }
        throw wrongKind(key, "a schedule such as constant(peak=1e-3, total=100)", value);
    }

    private Spec.Value value(String key) {
        Spec.Value value = given.get(key);
        if (value != null) {
            return value;
        }
        Optional<SpecKey> declared = kind.keys().stream().filter(k -> k.name().equals(key)).findFirst();
        if (declared.isEmpty() || declared.get().defaultValue() == null) {
            throw new IllegalStateException(kind.name() + ": no value and no default for key '" + key + "'");
        }
        return SpecParser.parseValue(declared.get().defaultValue());
    }

    private Spec.Num asNumber(String key, Spec.Value value) {
        if (value instanceof Spec.Num number) {
            return number;
        }
        throw wrongKind(key, "a number", value);
    }

    private int wholeNumber(String key, Spec.Num number, String expected) {
        double v = number.value();
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new SpecException(kind.name() + ": key '" + key + "' must be " + expected + ", got " + number.text());
        }
        return (int) v;
    }

    private SpecException wrongKind(String key, String expected, Spec.Value got) {
        return new SpecException(kind.name() + ": key '" + key + "' must be " + expected + ", got a " + got.kind());
    }

    private String keyNames() {
        return kind.keys().stream().map(SpecKey::name).collect(Collectors.joining(", "));
    }

    private static String quoted(String... keys) {
        return Arrays.stream(keys).map(k -> "'" + k + "'").collect(Collectors.joining(" and "));
    }
}
