package org.trainkit.reweight;

import java.util.List;
import java.util.function.Function;
import org.trainkit.schedules.SpecArgs;
import org.trainkit.schedules.SpecKey;
import org.trainkit.schedules.SpecKind;

/**
 * One kind of strategy in the {@link Strategies} registry: its name in the text form, a one-line
 * description citing its paper, its keys with their defaults (in printing order), and how checked
 * keys become a {@link Strategy}. The key checking is the schedules' ({@link SpecKind}).
 */
public final class StrategyKind extends SpecKind<Strategy> {

    StrategyKind(String name, String description, List<SpecKey> keys, Function<SpecArgs, Strategy> factory) {
        super(name, description, keys, factory);
    }
}
