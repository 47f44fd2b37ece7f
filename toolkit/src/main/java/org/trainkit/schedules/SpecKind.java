package org.trainkit.schedules;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One kind of value in a text-form registry (a schedule such as {@code wsd}, a reweighting
 * strategy such as {@code linupper}): its name in the text form, a one-line description citing its
 * source, its keys with their defaults in printing order, and how a spec whose keys have been
 * checked ({@link SpecArgs}) becomes a value. Shared by every registry so that unknown, missing and
 * wrongly typed keys are reported the same way everywhere.
 *
 * @param <T> the kind of value built
 */
public class SpecKind<T> {

    private final String name;
    private final String description;
    private final List<SpecKey> keys;
    private final Function<SpecArgs, T> factory;

    /** A kind named {@code name} with these keys, building values with {@code factory}. */
    protected SpecKind(String name, String description, List<SpecKey> keys, Function<SpecArgs, T> factory) {
        this.name = name;
        this.description = description;
        this.keys = List.copyOf(keys);
        this.factory = factory;
    }

    /** The name in the text form, e.g. {@code wsd}. */
    public final String name() {
        return name;
    }

    /** One line: what it is and where it comes from. */
    public final String description() {
        return description;
    }

    /** The keys in their canonical (printing) order. */
    public final List<SpecKey> keys() {
        return keys;
    }

    /** A usage line such as {@code cosine(peak, final=0, warmup=0, total)}. */
    public final String usage() {
        return keys.stream().map(SpecKey::usage).collect(Collectors.joining(", ", name + "(", ")"));
    }

    /**
     * The value a parsed spec of this kind describes.
     *
     * @throws SpecException naming the key and the reason when a key is unknown, missing or of the
     *     wrong form (value ranges are checked by the value's own constructor)
     */
    public final T build(Spec spec) {
        return factory.apply(new SpecArgs(this, spec));
    }

    @Override
    public final String toString() {
        return usage();
    }
}
