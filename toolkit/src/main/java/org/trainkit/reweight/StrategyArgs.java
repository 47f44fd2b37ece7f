package org.trainkit.reweight;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.trainkit.schedules.Spec;
import org.trainkit.schedules.SpecException;
import org.trainkit.schedules.SpecKey;
import org.trainkit.schedules.SpecParser;

/**
 * The keys of one parsed strategy spec, checked against its {@link StrategyKind}: unknown and
 * missing keys are rejected on construction, defaults are filled in, and each accessor checks the
 * value's form (number, whole number, word). The schedules' argument reader is tied to schedule
 * kinds and nested schedules, so this is the strategies' own (about the same size); the parser
 * and the printing are shared. Value ranges are checked by the strategies' constructors.
 */
final class StrategyArgs {

    private final StrategyKind kind;
    private final Map<String, Spec.Value> given;

    StrategyArgs(StrategyKind kind, Spec spec) {
        this.kind = kind;
        this.given = spec.args();
        for (String key : given.keySet()) {
            if (kind.keys().stream().noneMatch(k -> k.name().equals(key))) {
                throw new SpecException(kind.name() + ": unknown key '" + key + "'; " + (kind.keys().isEmpty()
                        ? kind.name() + " takes no keys"
                        : "keys: " + kind.keys().stream().map(SpecKey::name).collect(Collectors.joining(", "))));
            }
        }
        for (SpecKey key : kind.keys()) {
            if (key.need() == SpecKey.Need.REQUIRED && !given.containsKey(key.name())) {
                throw new SpecException(kind.name() + ": missing key '" + key.name() + "' (" + key.description() + ")");
            }
        }
    }

    double number(String key) {
        Spec.Value value = value(key);
        if (value instanceof Spec.Num number) {
            return number.value();
        }
        throw wrongKind(key, "a number", value);
    }

    int whole(String key) {
        double v = number(key);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new SpecException(kind.name() + ": key '" + key + "' must be a whole number, got " + v);
        }
        return (int) v;
    }

    <E extends Enum<E>> E choice(String key, E[] values) {
        Spec.Value value = value(key);
        if (!(value instanceof Spec.Word word)) {
            throw wrongKind(key, "a word", value);
        }
        for (E e : values) {
            if (Words.of(e).equals(word.text())) {
                return e;
            }
        }
        throw new SpecException(kind.name() + ": key '" + key + "' must be one of "
                + Arrays.stream(values).map(Words::of).collect(Collectors.joining(", ")) + ", got " + word.text());
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

    private SpecException wrongKind(String key, String expected, Spec.Value got) {
        return new SpecException(kind.name() + ": key '" + key + "' must be " + expected + ", got a " + got.kind());
    }
}
