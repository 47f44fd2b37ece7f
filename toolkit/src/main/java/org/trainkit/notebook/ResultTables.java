package org.trainkit.notebook;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.trainkit.core.AtomicFiles;
import org.trainkit.core.Workspace;
import tech.tablesaw.api.Table;

/**
 * Saves the result tables a notebook produces as CSV files in the results directory of the
 * {@link Workspace} ({@code TRAINKIT_RESULTS}, default {@code data/results}), e.g.
 * {@code ResultTables.save(summary, "02-training-summary")}. Each file is written to a temporary
 * file in the same directory and moved into place, so a reader never sees half a table.
 */
public final class ResultTables {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ResultTables() {
    }

    /** Saves {@code table} as {@code <results>/<name>.csv} (Tablesaw's CSV writer) and returns the file. */
    public static Path save(Table table, String name) {
        return save(table, name, Workspace.current().results());
    }

    /**
     * Saves {@code table} as {@code <directory>/<name>.csv} (the directory is created if missing),
     * replacing an earlier version. {@code name} is a plain file name without extension: letters,
     * digits, '.', '_' and '-'.
     */
    public static Path save(Table table, String name, Path directory) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("result table name '" + name
                    + "' must be a plain file name without extension (letters, digits, '.', '_', '-')");
        }
        return AtomicFiles.write(directory.resolve(name + ".csv"), tmp -> table.write().csv(tmp.toFile()));
    }
}
