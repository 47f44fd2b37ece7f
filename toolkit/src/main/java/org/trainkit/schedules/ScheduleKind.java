package org.trainkit.schedules;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One kind of schedule in the {@link ScheduleRegistry}: its name in the text form, a one-line
 * description citing its source, its keys with their defaults, and how a checked spec becomes a
 * {@link Schedule}. The formulas follow REFERENCES.md section 2.
 */
public final class ScheduleKind {

    private final String name;
    private final String description;
    private final List<SpecKey> keys;
    private final Function<SpecArgs, Schedule> factory;

    ScheduleKind(String name, String description, List<SpecKey> keys, Function<SpecArgs, Schedule> factory) {
        this.name = name;
        this.description = description;
        this.keys = List.copyOf(keys);
        this.factory = factory;
    }

    /** The schedule's name in the text form, e.g. {@code wsd}. */
    public String name() {
        return name;
    }

    /** One line: what the schedule is and where it comes from. */
    public String description() {
        return description;
    }

    /** The keys in their canonical (printing) order. */
    public List<SpecKey> keys() {
        return keys;
    }

    /** A usage line such as {@code cosine(peak, final=0, warmup=0, total)}. */
    public String usage() {
        return keys.stream().map(SpecKey::usage).collect(Collectors.joining(", ", name + "(", ")"));
    }

    Schedule build(Spec spec) {
        return factory.apply(new SpecArgs(this, spec));
    }

    @Override
    public String toString() {
        return usage();
    }
}
