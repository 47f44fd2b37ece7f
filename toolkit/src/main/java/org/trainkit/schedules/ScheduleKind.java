package org.trainkit.schedules;

import java.util.List;
import java.util.function.Function;

/**
 * One kind of schedule in the {@link ScheduleRegistry}: its name in the text form, a one-line
 * description citing its source, its keys with their defaults, and how a checked spec becomes a
 * {@link Schedule}. The formulas follow REFERENCES.md section 2.
 */
public final class ScheduleKind extends SpecKind<Schedule> {

    ScheduleKind(String name, String description, List<SpecKey> keys, Function<SpecArgs, Schedule> factory) {
        super(name, description, keys, factory);
    }
}
