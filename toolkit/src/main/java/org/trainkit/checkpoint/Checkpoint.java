package org.trainkit.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A checkpoint as one view of all its tensors, whether it is one safetensors file or several
 * shards listed by a {@code model.safetensors.index.json}. {@link #open(Path)} accepts a
 * {@code .safetensors} file, an index file, or a directory holding {@code model.safetensors} or
 * (failing that) the index, the order Hugging Face transformers looks for them in.
 *
 * <p>A sharded checkpoint is checked as a whole on opening: every shard the index names must
 * exist, every tensor must be in the shard the index says, and no tensor may be in two shards or
 * missing from the index. Its {@link #metadata()} is the index's (with {@code total_size}); each
 * shard's own {@code __metadata__} is left to the shard.
 */
public final class Checkpoint implements TensorReader {

    /** The file name of a single-file checkpoint in a directory. */
    public static final String SINGLE_FILE = "model.safetensors";

    private final Path source;
    private final Map<String, String> metadata;
    private final List<SafetensorsFile> shards;
    private final Map<String, SafetensorsFile> byName;

    private Checkpoint(Path source, Map<String, String> metadata, List<SafetensorsFile> shards,
            Map<String, SafetensorsFile> byName) {
        this.source = source;
        this.metadata = metadata;
        this.shards = List.copyOf(shards);
        this.byName = byName;
    }

    /**
     * Opens the checkpoint at {@code path}: a safetensors file, an index file, or a directory.
     *
     * @throws CheckpointFormatException when a file is not valid safetensors, the index and shards
     *     disagree, the directory holds no safetensors checkpoint, or the checkpoint is a pickle
     * @throws UncheckedIOException when a file cannot be read
     */
    public static Checkpoint open(Path path) {
        Objects.requireNonNull(path, "path");
        if (Files.isDirectory(path)) {
            if (Files.isRegularFile(path.resolve(SINGLE_FILE))) {
                return single(path, SafetensorsFile.open(path.resolve(SINGLE_FILE)));
            }
            if (Files.isRegularFile(path.resolve(ShardIndex.FILE_NAME))) {
                return sharded(path, path.resolve(ShardIndex.FILE_NAME));
            }
            throw noCheckpointIn(path);
        }
        if (path.getFileName().toString().endsWith(".index.json")) {
            return sharded(path, path);
        }
        return single(path, SafetensorsFile.open(path));
    }

    private static CheckpointFormatException noCheckpointIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            Path pickle = files.filter(PickleGuard::namedLikePickle).sorted().findFirst().orElse(null);
            if (pickle != null) {
                return PickleGuard.refusal(pickle, "no " + SINGLE_FILE + " or " + ShardIndex.FILE_NAME
                        + " beside it, and it is named like a PyTorch pickle checkpoint " + PickleGuard.EXTENSIONS);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e, e);
        }
        return new CheckpointFormatException(directory, "no " + SINGLE_FILE + " or " + ShardIndex.FILE_NAME
                + " in this directory");
    }

    private static Checkpoint single(Path source, SafetensorsFile file) {
        Map<String, SafetensorsFile> byName = new LinkedHashMap<>();
        file.tensorNames().forEach(name -> byName.put(name, file));
        return new Checkpoint(source, file.metadata(), List.of(file), byName);
    }

    private static Checkpoint sharded(Path source, Path indexFile) {
        ShardIndex index = ShardIndex.read(indexFile);
        Path directory = indexFile.toAbsolutePath().normalize().getParent();
        Map<String, SafetensorsFile> files = new LinkedHashMap<>();
        try {
            index.weightMap().forEach((tensor, shard) -> {
                if (!files.containsKey(shard)) {
                    files.put(shard, SafetensorsFile.open(shardPath(indexFile, directory, tensor, shard)));
                }
            });
            Map<String, SafetensorsFile> byName = locate(indexFile, index, files);
            return new Checkpoint(source, index.metadata(), new ArrayList<>(files.values()), byName);
        } catch (RuntimeException e) {
            files.values().forEach(SafetensorsFile::close);
            throw e;
        }
    }

    private static Path shardPath(Path indexFile, Path directory, String tensor, String shard) {
        Path file = directory.resolve(shard).normalize();
        if (!file.getParent().equals(directory)) {
            throw new CheckpointFormatException(indexFile, tensor, "its shard \"" + shard
                    + "\" is not a file name in the index's directory");
        }
        if (!Files.isRegularFile(file)) {
            throw new CheckpointFormatException(indexFile, tensor, "its shard \"" + shard + "\" is missing: " + file);
        }
        return file;
    }

    /** Which shard holds each tensor, in index order, checked against the shard headers. */
    private static Map<String, SafetensorsFile> locate(Path indexFile, ShardIndex index, Map<String, SafetensorsFile> files) {
        Map<String, SafetensorsFile> found = new LinkedHashMap<>();
        for (SafetensorsFile file : files.values()) {
            for (String name : file.tensorNames()) {
                SafetensorsFile other = found.putIfAbsent(name, file);
                if (other != null) {
                    throw new CheckpointFormatException(indexFile, name, "in two shards: " + other.source().getFileName()
                            + " and " + file.source().getFileName());
                }
                if (!index.weightMap().containsKey(name)) {
                    throw new CheckpointFormatException(indexFile, name, "in shard " + file.source().getFileName()
                            + " but not in the index's weight_map");
                }
            }
        }
        Map<String, SafetensorsFile> byName = new LinkedHashMap<>();
        index.weightMap().forEach((name, shard) -> {
            SafetensorsFile expected = files.get(shard);
            SafetensorsFile actual = found.get(name);
            if (actual != expected) {
                throw new CheckpointFormatException(indexFile, name, "the index puts it in " + shard + ", which has no such tensor"
                        + (actual == null ? "" : " (it is in " + actual.source().getFileName() + ")"));
            }
            byName.put(name, actual);
        });
        return byName;
    }

    /** The files of this checkpoint: one, or the shards in index order. */
    public List<Path> files() {
        return shards.stream().map(SafetensorsFile::source).toList();
    }

    @Override
    public Path source() {
        return source;
    }

    @Override
    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public List<String> tensorNames() {
        return List.copyOf(byName.keySet());
    }

    @Override
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    @Override
    public TensorInfo info(String name) {
        return file(name).info(name);
    }

    @Override
    public void readFloats(String name, long fromElement, float[] destination, int offset, int count) {
        file(name).readFloats(name, fromElement, destination, offset, count);
    }

    @Override
    public ByteBuffer rawBytes(String name, long fromByte, int length) {
        return file(name).rawBytes(name, fromByte, length);
    }

    /** The file that holds tensor {@code name}. */
    private SafetensorsFile file(String name) {
        SafetensorsFile file = byName.get(name);
        if (file == null) {
            throw new IllegalArgumentException(source + ": no tensor '" + name + "' (" + byName.size() + " tensors)");
        }
        return file;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (SafetensorsFile shard : shards) {
            try {
                shard.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "Checkpoint[" + source + ", " + shards.size() + " file(s), " + byName.size() + " tensors]";
    }
}
