package org.trainkit.core;

/**
 * What long work reports as it goes: fits, bootstraps, training runs and merges all report here, so
 * that one caller-chosen display (a notebook bar, a terminal line, nothing) shows any of them.
 *
 * <pre>{@code
 * try (Progress progress = Progress.start("training", steps)) {
 *     for (int t = 0; t < steps; t++) { ...; progress.advance("loss 0.53"); }
 * }}</pre>
 */
public interface Progress extends AutoCloseable {

    /** Sets the number of units done (clamped to the total) and the status text shown beside it. */
    void set(int done, String status);

    /** The number of units done so far. */
    int done();

    /** Marks one more unit done and sets the status text. */
    default void advance(String status) {
        set(done() + 1, status);
    }

    /** Shows the final state; safe to call twice. */
    @Override
    void close();

    /** A bar for {@code total} units, drawn in the notebook if there is one, else on standard error. */
    static Progress start(String label, int total) {
        return ProgressBar.start(label, total);
    }

    /** Progress that shows nothing (it still counts, so {@link #done()} stays meaningful). */
    static Progress silent() {
        return new Progress() {
            private int done;

            @Override
            public void set(int done, String status) {
                this.done = Math.max(0, done);
            }

            @Override
            public int done() {
                return done;
            }

            @Override
            public void close() {
            }
        };
    }
}
