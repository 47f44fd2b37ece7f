package org.trainkit.schedules;

/**
 * A schedule's text form (or the values given to a schedule's constructor) is wrong: an unknown
 * schedule name, an unknown, missing or repeated key, a value of the wrong kind, or an impossible
 * value. The message is one line that names the schedule, the key and why, for example
 * {@code wsd: key 'decay' must be in (0, 1], got 1.5}. The conventions checked are those of
 * REFERENCES.md section 2.
 */
public final class SpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** An error with the given one-line message. */
    public SpecException(String message) {
        super(message);
    }
}
