package org.trainkit.notebook;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The "check cells" of a notebook: a named claim that either holds, printing {@code PASS: ...},
 * or stops the notebook with an {@link AssertionError} saying {@code FAIL: ...}. A failed check
 * becomes an error output, which fails the notebook integration test.
 *
 * <pre>{@code Check.that(result.testAccuracy() > 0.8, "test accuracy %.3f is above 0.8", result.testAccuracy());}</pre>
 */
public final class Check {

    private Check() {
    }

    /**
     * Passes when {@code condition} holds, else throws. {@code what} says what was checked; with
     * {@code args} it is a {@link String#format} pattern (formatted in the root locale).
     */
    public static void that(boolean condition, String what, Object... args) {
        that(condition, what, args, System.out);
    }

    static void that(boolean condition, String what, Object[] args, PrintStream out) {
        String message = args.length == 0 ? what : String.format(Locale.ROOT, what, args);
        if (!condition) {
            throw new AssertionError("FAIL: " + message);
        }
        out.println("PASS: " + message);
    }
}
