package org.trainkit.reweight;

import java.util.Locale;

/** The text-form word of an enum constant: its name in lower case ({@code EPSILON} is {@code epsilon}). */
final class Words {

    private Words() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
