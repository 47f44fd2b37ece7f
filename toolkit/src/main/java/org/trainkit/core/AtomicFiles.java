package org.trainkit.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one place trainkit writes files: every output is written to a temporary sibling and moved
 * into place only when complete, so a reader never sees a half-written file and a failed write
 * leaves nothing behind (the temporary file is deleted, an earlier version stays as it was).
 * Directories (a sharded checkpoint, a run folder) are built the same way: in a temporary sibling
 * directory, then renamed onto the target.
 *
 * <pre>{@code
 * AtomicFiles.write(results.resolve("runs.csv"), tmp -> table.write().csv(tmp.toFile()));
 * }</pre>
 */
public final class AtomicFiles {

    /** Writes content to the temporary path it is given; the path exists and is empty. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through {@code writer}: the content goes to a temporary file in the same
     * directory (created if missing), which is then moved onto {@code target}, replacing an earlier
     * version. The file gets ordinary read permissions ({@code rw-r--r--}).
     *
     * @return {@code target}
     * @throws UncheckedIOException naming {@code target} when writing or moving fails
     */
    public static Path write(Path target, Writer writer) {
        Path directory = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(directory);
            tmp = temporaryFor(target);
            writer.writeTo(tmp);
            readable(tmp, "rw-r--r--");
            move(tmp, target);
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Writes several files as one: every temporary is written first, and only when all succeeded are
     * they moved into place (in the map's order). A failure leaves every target as it was.
     */
    public static void writeAll(Map<Path, Writer> writers) {
        Map<Path, Path> temporaries = new LinkedHashMap<>();
        Path current = null;
        try {
            for (Map.Entry<Path, Writer> entry : writers.entrySet()) {
                current = entry.getKey();
                Files.createDirectories(current.toAbsolutePath().getParent());
                Path tmp = temporaryFor(current);
                temporaries.put(current, tmp);
                entry.getValue().writeTo(tmp);
                readable(tmp, "rw-r--r--");
            }
            for (Map.Entry<Path, Path> entry : temporaries.entrySet()) {
                current = entry.getKey();
                move(entry.getValue(), current);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + current + ": " + e.getMessage(), e);
        } finally {
            temporaries.values().forEach(AtomicFiles::deleteQuietly);
        }
    }

    /** Writes {@code text} (UTF-8) to {@code target} atomically. */
    public static Path writeString(Path target, String text) {
        return write(target, tmp -> Files.writeString(tmp, text));
    }

    /**
     * Builds directory {@code target} through {@code writer}, which fills a temporary sibling
     * directory; that directory is then renamed onto {@code target}. An existing {@code target} is
     * replaced only when {@code replace} is true (it is moved aside first and deleted after the new
     * one is in place); otherwise an existing target is an error and nothing is written.
     *
     * @return {@code target}
     */
    public static Path writeDirectory(Path target, boolean replace, Writer writer) {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Path tmp = null;
        Path old = null;
        try {
            if (Files.exists(absolute) && !replace) {
                throw new FileAlreadyExistsException(absolute.toString(), null, "the output directory already exists");
            }
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + absolute.getFileName() + "-");
            writer.writeTo(tmp);
            readable(tmp, "rwxr-xr-x");
            if (Files.exists(absolute)) {
                old = Files.createTempDirectory(parent, "." + absolute.getFileName() + "-old-");
                Files.delete(old);
                Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return target;
        } catch (IOException e) {
            if (old != null && !Files.exists(absolute)) {
                try {
                    Files.move(old, absolute, StandardCopyOption.ATOMIC_MOVE);
                    old = null;
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        } finally {
            deleteRecursively(tmp);
            deleteRecursively(old);
        }
    }

    /**
     * Moves a finished temporary file or directory onto {@code target}, atomically where the file
     * system allows, replacing an earlier file.
     */
    public static void move(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A new empty hidden file beside {@code target} whose name ends like the target's (".tmp.png"
     * for "figure.png"), for writers that choose a format by extension.
     */
    private static Path temporaryFor(Path target) throws IOException {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot) : "";
        return Files.createTempFile(target.toAbsolutePath().getParent(), "." + name + "-", ".tmp" + extension);
    }

    private static void readable(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Best effort: the write already failed and reports that.
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
        } catch (IOException ignored) {
            // Best effort, as above.
        }
    }
}
