package org.trainkit.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.trainkit.core.AtomicFiles;

/**
 * Writes safetensors checkpoints, streaming: first declare the tensors (name, dtype, shape) in
 * the order they are to be written, then write, and a {@link TensorFeed} is asked for each
 * tensor's data in turn, so that no more than the feed chooses need be in memory.
 *
 * <pre>{@code
 * CheckpointWriter.create()
 *         .metadata(Map.of("format", "pt"))
 *         .tensor("0.weight", DType.BF16, 256, 784)
 *         .tensor("0.bias", DType.BF16, 256)
 *         .writeDirectory(output, 2L << 30, (tensor, sink) -> sink.put(merged(tensor.name())));
 * }</pre>
 *
 * <p>Headers are padded with spaces to a multiple of 8 bytes, {@code __metadata__} first. Output
 * is atomic ({@link AtomicFiles}): every file goes to a temporary first, and a sharded output is
 * moved into place only when every shard and the index are complete, so a failed write (an
 * exception from the feed, a full disk) leaves no partial output and earlier files as they were.
 * A writer is a mutable builder; a write does not change it, so it can write again.
 */
public final class CheckpointWriter {

    private static final Pattern CHECKPOINT_FILE =
            Pattern.compile("model\\.safetensors|model-\\d{5}-of-\\d{5}\\.safetensors|model\\.safetensors\\.index\\.json");

    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Map<String, TensorInfo> tensors = new LinkedHashMap<>();
    private long bytes;

    private CheckpointWriter() {
    }

    /** A writer with no tensors and no metadata. */
    public static CheckpointWriter create() {
        return new CheckpointWriter();
    }

    /** Adds {@code entries} to the {@code __metadata__} (in their iteration order). */
    public CheckpointWriter metadata(Map<String, String> entries) {
        entries.forEach((key, value) -> metadata.put(Objects.requireNonNull(key, "metadata key"),
                Objects.requireNonNull(value, () -> "metadata value of '" + key + "'")));
        return this;
    }

    /**
     * Declares the next tensor.
     *
     * @throws IllegalArgumentException when the name is empty, {@code __metadata__} or already
     *     declared, or a dimension is negative
     */
    public CheckpointWriter tensor(String name, DType dtype, long... shape) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.equals("__metadata__")) {
            throw new IllegalArgumentException("'" + name + "' cannot name a tensor");
        }
        if (tensors.containsKey(name)) {
            throw new IllegalArgumentException("tensor '" + name + "' is declared twice");
        }
        long length = Math.multiplyExact(TensorInfo.elementCount(shape), dtype.byteSize());
        tensors.put(name, new TensorInfo(name, dtype, shape, bytes, Math.addExact(bytes, length)));
        bytes += length;
        return this;
    }

    /** Declares every tensor of {@code parameters}, in order, as {@code dtype}. */
    public CheckpointWriter tensors(ParameterSet parameters, DType dtype) {
        parameters.forEach(tensor -> tensor(tensor.name(), dtype, tensor.shape()));
        return this;
    }

    /**
     * Writes all declared tensors to the one safetensors file {@code file}, replacing an earlier
     * one.
     *
     * @return {@code file}
     * @throws UncheckedIOException when writing fails (nothing is left behind)
     */
    public Path writeFile(Path file, TensorFeed feed) {
        SafetensorsHeader header = new SafetensorsHeader(metadata, List.copyOf(tensors.values()));
        return AtomicFiles.write(file, tmp -> ShardOutput.write(tmp, file, header, feed));
    }

    /**
     * Writes all declared tensors into {@code directory} (created if missing) in shards of at most
     * {@code maxShardBytes} tensor bytes (a larger tensor gets a shard of its own; pass
     * {@code Long.MAX_VALUE} for no limit): {@code model.safetensors} when one shard is enough,
     * otherwise {@code model-00001-of-0000N.safetensors} ... and a
     * {@code model.safetensors.index.json} whose metadata holds {@code total_size} and the
     * metadata given here (which every shard holds too). Other files in the directory stay;
     * checkpoint files of an earlier write that this one does not replace are deleted afterwards.
     *
     * @return {@code directory}
     * @throws IllegalArgumentException when sharding and the metadata has a {@code total_size}
     * @throws UncheckedIOException when writing fails (no new file is then in place)
     */
    public Path writeDirectory(Path directory, long maxShardBytes, TensorFeed feed) {
        List<List<TensorInfo>> shards = ShardPlan.split(List.copyOf(tensors.values()), maxShardBytes);
        Map<Path, AtomicFiles.Writer> writers = new LinkedHashMap<>();
        if (shards.size() == 1) {
            writers.put(directory.resolve(Checkpoint.SINGLE_FILE), shardWriter(directory.resolve(Checkpoint.SINGLE_FILE),
                    shards.get(0), feed));
        } else {
            if (metadata.containsKey("total_size")) {
                throw new IllegalArgumentException("metadata key 'total_size' is the index's own in a sharded checkpoint");
            }
            Map<String, String> weightMap = new LinkedHashMap<>();
            for (int i = 0; i < shards.size(); i++) {
                String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
                Path file = directory.resolve(name);
                writers.put(file, shardWriter(file, shards.get(i), feed));
                shards.get(i).forEach(tensor -> weightMap.put(tensor.name(), name));
            }
            String index = ShardIndex.encode(bytes, metadata, weightMap);
            writers.put(directory.resolve(ShardIndex.FILE_NAME), tmp -> Files.writeString(tmp, index));
        }
        AtomicFiles.writeAll(writers);
        deleteOtherCheckpointFiles(directory, writers.keySet());
        return directory;
    }

    /**
     * The files {@link #writeDirectory(Path, long, TensorFeed)} would write with this limit, each with
     * its tensor bytes (the index, when sharding, is not listed): for a dry run.
     */
    public Map<String, Long> plannedShards(long maxShardBytes) {
        List<List<TensorInfo>> shards = ShardPlan.split(List.copyOf(tensors.values()), maxShardBytes);
        Map<String, Long> planned = new LinkedHashMap<>();
        for (int i = 0; i < shards.size(); i++) {
            long size = shards.get(i).stream().mapToLong(TensorInfo::byteLength).sum();
            planned.put(shards.size() == 1 ? Checkpoint.SINGLE_FILE
                    : String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size()), size);
        }
        return planned;
    }

    private AtomicFiles.Writer shardWriter(Path file, List<TensorInfo> shard, TensorFeed feed) {
        SafetensorsHeader header = new SafetensorsHeader(metadata, shard);
        return tmp -> ShardOutput.write(tmp, file, header, feed);
    }

    /** Deletes the checkpoint files of an earlier write, so the directory opens as this one. */
    private static void deleteOtherCheckpointFiles(Path directory, Set<Path> written) {
        Set<Path> keep = new HashSet<>();
        written.forEach(file -> keep.add(file.getFileName()));
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(file -> CHECKPOINT_FILE.matcher(file.getFileName().toString()).matches())
                    .filter(file -> !keep.contains(file.getFileName()))
                    .forEach(stale::add);
            for (Path file : stale) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("wrote " + directory + " but could not delete an earlier checkpoint file: " + e, e);
        }
    }
}
