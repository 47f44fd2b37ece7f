package org.trainkit.merge;

import java.util.List;

/**
 * Inputs that do not fit together (a tensor missing from a model, a different shape or dtype), or
 * an output that would overwrite an input: found before anything is written. The message lists the
 * first mismatches.
 */
public final class MergeInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** How many mismatches the message lists. */
    static final int LISTED = 10;

    private final List<String> mismatches;

    MergeInputException(String summary, List<String> mismatches) {
        super(summary + (mismatches.isEmpty() ? "" : ":\n  " + String.join("\n  ", mismatches.subList(0,
                Math.min(LISTED, mismatches.size()))) + (mismatches.size() > LISTED ? "\n  ... and "
                + (mismatches.size() - LISTED) + " more" : "")));
        this.mismatches = List.copyOf(mismatches);
    }

    /** Every mismatch found. */
    public List<String> mismatches() {
        return mismatches;
    }
}
