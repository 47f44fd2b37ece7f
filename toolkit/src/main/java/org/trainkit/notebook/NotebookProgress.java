package org.trainkit.notebook;

import java.util.Locale;
import org.trainkit.core.ProgressBar;
import org.trainkit.core.ProgressDisplay;

/**
 * Draws {@link ProgressBar}s in the notebook: an HTML {@code <progress>} bar under the running
 * cell, replaced in place through its display id. Found by {@code core} through
 * {@code META-INF/services}; available only when this JVM is the Jupyter kernel.
 */
public final class NotebookProgress implements ProgressDisplay {

    @Override
    public boolean available() {
        return Kernel.active();
    }

    @Override
    public ProgressBar.Sink sink() {
        return new Sink();
    }

    /** The bar's HTML: label, progress element, percent, counts, times and status. */
    static String html(ProgressBar.Snapshot snapshot) {
        return "<div style=\"font-family:monospace;font-size:90%\">" + escape(snapshot.label())
                + " <progress style=\"width:16em;vertical-align:middle\" value=\"" + snapshot.done() + "\" max=\""
                + Math.max(snapshot.total(), 1) + "\"></progress> "
                + String.format(Locale.ROOT, "%d%% %d/%d %s", Math.round(snapshot.fraction() * 100), snapshot.done(),
                        snapshot.total(), snapshot.timing())
                + (snapshot.status().isEmpty() ? "" : " &middot; " + escape(snapshot.status())) + "</div>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** One bar in the cell's output; the last state stays there. */
    private static final class Sink implements ProgressBar.Sink {
        private String displayId;

        @Override
        public void show(ProgressBar.Snapshot snapshot) {
            if (displayId == null) {
                displayId = Kernel.display("text/html", html(snapshot));
            } else {
                Kernel.updateDisplay(displayId, "text/html", html(snapshot));
            }
        }

        @Override
        public void finish() {
        }
    }
}
