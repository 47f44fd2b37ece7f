package org.trainkit.core;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The {@link Progress} of long work drawn as a bar, wherever the work runs: through the first
 * active {@link ProgressDisplay} found on the class path (inside a notebook, the notebook package's
 * HTML bar updated in place), else as a single line on standard error rewritten with a carriage
 * return. Redraws are throttled to at most one every {@value #MIN_INTERVAL_MILLIS} ms (the first
 * and the final state are always shown).
 *
 * <p>Written here because the notebook half must go through the kernel's display calls, which
 * terminal progress-bar libraries know nothing of; the terminal half is one rewritten line.
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.start("training", steps)) {
 *     for (int t = 0; t < steps; t++) { ...; bar.advance("loss 0.53"); }
 * }}</pre>
 */
public final class ProgressBar implements Progress {

    /** The shortest time between two redraws, in milliseconds. */
    public static final long MIN_INTERVAL_MILLIS = 200;

    private static final int BAR_WIDTH = 30;

    private final String label;
    private final int total;
    private final Sink sink;
    private final LongSupplier clock;
    private final long startNanos;
    private long lastDrawNanos;
    private boolean drawn;
    private boolean closed;
    private int done;
    private String status = "";

    ProgressBar(String label, int total, Sink sink, LongSupplier clock) {
        if (total < 0) {
            throw new IllegalArgumentException("progress total must be >= 0, got " + total);
        }
        this.label = label;
        this.total = total;
        this.sink = sink;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
    }

    /** A bar for {@code total} units of work, shown in the notebook if there is one, else on stderr. */
    public static ProgressBar start(String label, int total) {
        Sink sink = ProgressDisplay.active().map(ProgressDisplay::sink).orElseGet(() -> new TerminalSink(System.err));
        ProgressBar bar = new ProgressBar(label, total, sink, System::nanoTime);
        bar.draw(true);
        return bar;
    }

    /** Sets the number of units done (clamped to {@code [0, total]}) and the status text. */
    @Override
    public void set(int done, String status) {
        this.done = Math.max(0, Math.min(total, done));
        this.status = status == null ? "" : status;
        draw(false);
    }

    @Override
    public int done() {
        return done;
    }

    /** Shows the final state and ends the terminal line. Safe to call twice. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        draw(true);
        sink.finish();
    }

    private void draw(boolean force) {
        long now = clock.getAsLong();
        if (!force && drawn && now - lastDrawNanos < MIN_INTERVAL_MILLIS * 1_000_000L) {
            return;
        }
        drawn = true;
        lastDrawNanos = now;
        sink.show(new Snapshot(label, done, total, (now - startNanos) / 1e9, status));
    }

    /**
     * One state of the bar.
     *
     * @param label what the work is
     * @param done units done
     * @param total units in all
     * @param elapsedSeconds time since the bar started
     * @param status the status text shown after the bar (never null)
     */
    public record Snapshot(String label, int done, int total, double elapsedSeconds, String status) {

        /** The fraction done, 1 for an empty total. */
        public double fraction() {
            return total == 0 ? 1.0 : (double) done / total;
        }

        /** "label [#####-----]  50%  5/10  0:03 elapsed, 0:03 left  status". */
        public String text() {
            int filled = (int) Math.round(fraction() * BAR_WIDTH);
            StringBuilder line = new StringBuilder(label).append(" [");
            line.append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
            line.append(String.format(Locale.ROOT, "%3d%%  %d/%d  %s", Math.round(fraction() * 100), done, total,
                    timing()));
            if (!status.isEmpty()) {
                line.append("  ").append(status);
            }
            return line.toString();
        }


        /** "0:03 elapsed, 0:03 left" (the time left only while the work is under way). */
        public String timing() {
            String text = clock(elapsedSeconds) + " elapsed";
            if (done > 0 && done < total) {
                text += ", " + clock(elapsedSeconds * (total - done) / done) + " left";
            }
            return text;
        }

        private static String clock(double seconds) {
            long s = Math.round(seconds);
            return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }

    /** Where a bar is drawn: a terminal line, a notebook output. */
    public interface Sink {
        /** Draws {@code snapshot}, replacing what was drawn before. */
        void show(Snapshot snapshot);

        /** Called once when the bar is closed, after the final state was shown. */
        void finish();
    }

    /** One line on a terminal stream, rewritten in place. */
    static final class TerminalSink implements Sink {
        private final PrintStream out;
        private int lastLength;

        TerminalSink(PrintStream out) {
            this.out = out;
        }

        @Override
        public void show(Snapshot snapshot) {
            String line = snapshot.text();
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            out.flush();
            lastLength = line.length();
        }

        @Override
        public void finish() {
            out.println();
            out.flush();
        }
    }
}
