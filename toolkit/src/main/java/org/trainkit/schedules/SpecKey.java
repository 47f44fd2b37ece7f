package org.trainkit.schedules;

/**
 * One key of a schedule's text form, as listed by {@code trainkit schedule --list}: its name,
 * whether it must be given, its default (as text in the spec notation) and a one-line meaning.
 *
 * @param name         the key as written, e.g. {@code decay_start}
 * @param need         required, defaulted, or one of a group of alternatives
 * @param defaultValue the default in spec notation when {@code need == DEFAULTED}, else null
 * @param description  what the key means, one line
 */
public record SpecKey(String name, Need need, String defaultValue, String description) {

    /** Whether a key must be written. */
    public enum Need {
        /** The key must be given. */
        REQUIRED,
        /** The key may be left out; {@link SpecKey#defaultValue()} is used. */
        DEFAULTED,
        /** Exactly one key of this schedule's alternative group must be given. */
        ONE_OF
    }

    /** A key that must be given. */
    public static SpecKey required(String name, String description) {
        return new SpecKey(name, Need.REQUIRED, null, description);
    }

    /** A key with a default, written in the spec notation. */
    public static SpecKey optional(String name, String defaultValue, String description) {
        return new SpecKey(name, Need.DEFAULTED, defaultValue, description);
    }

    static SpecKey oneOf(String name, String description) {
        return new SpecKey(name, Need.ONE_OF, null, description);
    }

    /** How the key reads in a usage line: {@code total}, {@code final=0} or {@code [decay]}. */
    public String usage() {
        return switch (need) {
            case REQUIRED -> name;
            case DEFAULTED -> name + "=" + defaultValue;
            case ONE_OF -> "[" + name + "]";
        };
    }
}
