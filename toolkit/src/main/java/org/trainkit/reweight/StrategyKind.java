package org.trainkit.reweight;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trainkit.schedules.Spec;
import org.trainkit.schedules.SpecKey;

/**
 * One kind of strategy in the {@link Strategies} registry: its name in the text form, a one-line
 * description citing its paper, its keys with their defaults (in printing order), and how checked
 * keys become a {@link Strategy}.
 */
public final class StrategyKind {

    private final String name;
    private final String description;
    private final List<SpecKey> keys;
    private final Function<StrategyArgs, Strategy> factory;

    StrategyKind(String name, String description, List<SpecKey> keys, Function<StrategyArgs, Strategy> factory) {
        this.name = name;
        this.description = description;
        this.keys = List.copyOf(keys);
        this.factory = factory;
    }

    /** The name in the text form, e.g. {@code feasible}. */
    public String name() {
        return name;
    }

    /** One line: what the strategy does and where it comes from. */
    public String description() {
        return description;
    }

    /** The keys in their canonical (printing) order. */
    public List<SpecKey> keys() {
        return keys;
    }

    /** A usage line such as {@code linupper(r=1, warmup=1000)}. */
    public String usage() {
        return keys.stream().map(SpecKey::usage).collect(Collectors.joining(", ", name + "(", ")"));
    }

    Strategy build(Spec spec) {
        return factory.apply(new StrategyArgs(this, spec));
    }

    @Override
    public String toString() {
        return usage();
    }
}
