package org.trainkit.data;

import java.nio.file.Path;

/**
 * A data file that is missing, unreadable or not in the expected format. The message starts with
 * the file and says what was expected and what was found.
 */
public final class DataFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The file at fault. */
    private final transient Path file;

    /** A problem with {@code file}, described by {@code problem}. */
    public DataFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** A problem with {@code file} caused by {@code cause}. */
    public DataFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
