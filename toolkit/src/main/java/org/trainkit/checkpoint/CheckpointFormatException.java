package org.trainkit.checkpoint;

import java.nio.file.Path;

/**
 * A checkpoint file that is not a valid safetensors file or index, or that trainkit refuses to
 * read (a pickle). The message starts with the file and, where one is at fault, the tensor, then
 * says what was expected and what was found.
 */
public final class CheckpointFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The file at fault. */
    private final transient Path file;

    /** A problem with {@code file} as a whole. */
    public CheckpointFormatException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** A problem with tensor {@code tensor} of {@code file}. */
    public CheckpointFormatException(Path file, String tensor, String problem) {
        super(file + ": tensor '" + tensor + "': " + problem);
        this.file = file;
    }

    /** A problem with {@code file} caused by {@code cause}. */
    public CheckpointFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
