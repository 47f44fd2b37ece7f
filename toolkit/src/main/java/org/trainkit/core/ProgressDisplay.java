package org.trainkit.core;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A place other than the terminal where a {@link ProgressBar} can be drawn, found through
 * {@link ServiceLoader} ({@code META-INF/services/org.trainkit.core.ProgressDisplay}). The notebook
 * package provides one that draws an HTML bar when the JVM is a Jupyter kernel; being found this way
 * keeps {@code core} free of any dependency on the layers above it.
 */
public interface ProgressDisplay {

    /** Whether this display can show a bar now (for the notebook display: inside a kernel). */
    boolean available();

    /** A new, empty place to draw one bar. */
    ProgressBar.Sink sink();

    /** The first available display on the class path, if any. */
    static Optional<ProgressDisplay> active() {
        for (ProgressDisplay display : ServiceLoader.load(ProgressDisplay.class, ProgressDisplay.class.getClassLoader())) {
            if (display.available()) {
                return Optional.of(display);
            }
        }
        return Optional.empty();
    }
}
