package org.trainkit.merge;

import java.nio.file.Path;

/** A merge config that cannot be used: names the file and the key, and says what was expected. */
public final class MergeConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    MergeConfigException(Path file, String key, String problem) {
        super(file + ": " + key + ": " + problem);
    }

    MergeConfigException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
