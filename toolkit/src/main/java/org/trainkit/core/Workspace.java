package org.trainkit.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where trainkit finds its shipped data and writes what notebooks produce. Every path comes from
 * one setting, looked up first as a Java system property and then as an environment variable of
 * the same name:
 * <ul>
 *   <li>{@code TRAINKIT_HOME}: the repository root (the {@code trainkit} kernelspec sets it);
 *       without it, the working directory;</li>
 *   <li>{@code TRAINKIT_FIGURES}: exported figures; default {@code <home>/figures};</li>
 *   <li>{@code TRAINKIT_RESULTS}: result tables (CSV) that notebooks produce; default
 *       {@code <home>/data/results};</li>
 *   <li>the shipped data: always {@code <home>/data}.</li>
 * </ul>
 * Relative settings are resolved against the working directory. A workspace only names paths; it
 * creates nothing.
 */
public final class Workspace {

    /** The setting naming the repository root. */
    public static final String HOME = "TRAINKIT_HOME";
    /** The setting naming the figures directory. */
    public static final String FIGURES = "TRAINKIT_FIGURES";
    /** The setting naming the results directory. */
    public static final String RESULTS = "TRAINKIT_RESULTS";

    private final UnaryOperator<String> settings;
    private final Path workingDirectory;

    private Workspace(UnaryOperator<String> settings, Path workingDirectory) {
        this.settings = settings;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /** The workspace of this JVM: system properties, then environment variables. */
    public static Workspace current() {
        return of(name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
        }, Path.of(""));
    }

    /**
     * A workspace reading its settings from {@code settings} (a setting name to its value, or
     * null when unset) with relative paths resolved against {@code workingDirectory}.
     */
    public static Workspace of(UnaryOperator<String> settings, Path workingDirectory) {
        return new Workspace(Objects.requireNonNull(settings), Objects.requireNonNull(workingDirectory));
    }

    /** The repository root: {@code TRAINKIT_HOME}, else the working directory. */
    public Path home() {
        return setting(HOME).orElse(workingDirectory);
    }

    /** Where figures are exported: {@code TRAINKIT_FIGURES}, else {@code <home>/figures}. */
    public Path figures() {
        return setting(FIGURES).orElse(home().resolve("figures"));
    }

    /** Where result tables go: {@code TRAINKIT_RESULTS}, else {@code <home>/data/results}. */
    public Path results() {
        return setting(RESULTS).orElse(data().resolve("results"));
    }

    /** The data shipped with trainkit: {@code <home>/data}. */
    public Path data() {
        return home().resolve("data");
    }

    private Optional<Path> setting(String name) {
        String value = settings.apply(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(workingDirectory.resolve(value.trim()).normalize());
    }

    @Override
    public String toString() {
        return "Workspace[home=" + home() + ", figures=" + figures() + ", results=" + results() + "]";
    }
}
