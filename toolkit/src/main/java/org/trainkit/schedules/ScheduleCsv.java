package org.trainkit.schedules;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * A schedule as CSV: the header {@code step,lr}, then one row per step 0..total-1 (or every K-th
 * step), each rate in its shortest decimal form that reads back as exactly the same double
 * (e.g. {@code 3e-4}, {@code 2.9997711737095676e-4}). The rates are those of
 * REFERENCES.md section 2's conventions, as computed by {@link Schedule#lr(int)}.
 */
public final class ScheduleCsv {

    private ScheduleCsv() {
    }

    /** Writes the CSV of every {@code every}-th step (starting at step 0) to {@code out}. */
    public static void write(Schedule schedule, int every, Writer out) throws IOException {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1, got " + every);
        }
        out.write("step,lr\n");
        StringBuilder row = new StringBuilder();
        for (int t = 0; t < schedule.totalSteps(); t += every) {
            row.setLength(0);
            row.append(t).append(',').append(Numbers.format(schedule.lr(t))).append('\n');
            out.write(row.toString());
        }
    }

    /** The CSV of every {@code every}-th step as a string. */
    public static String format(Schedule schedule, int every) {
        StringWriter out = new StringWriter();
        try {
            write(schedule, every, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
