package org.trainkit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write whose feed fails mid-way leaves no partial output, and earlier output as it was. */
class FailedWriteTest {

    @TempDir
    Path dir;

    private static final int TENSORS = 6;

    private static CheckpointWriter writer() {
        CheckpointWriter writer = CheckpointWriter.create().metadata(Map.of("run", "a"));
        for (int i = 0; i < TENSORS; i++) {
            writer.tensor("t" + i, DType.F32, 100);
        }
        return writer;
    }

    /** Gives every tensor but fails half-way through tensor {@code failing} (never, when negative). */
    private static TensorFeed feed(int failing) {
        return (tensor, sink) -> {
            int index = Integer.parseInt(tensor.name().substring(1));
            float[] values = new float[100];
            java.util.Arrays.fill(values, index);
            sink.put(values, 0, 50);
            if (index == failing) {
                throw new IOException("the merge ran out of inputs");
            }
            sink.put(values, 50, 50);
        };
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void singleFileFailingMidwayLeavesNothing() throws IOException {
        Path file = dir.resolve("model.safetensors");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> writer().writeFile(file, feed(3)));
        assertTrue(e.getMessage().contains("the merge ran out of inputs"), e.getMessage());
        assertEquals(List.of(), listing(dir), "no file, no temporary");
    }

    @Test
    void singleFileFailingMidwayKeepsTheEarlierVersion() throws IOException {
        Path file = writer().writeFile(dir.resolve("model.safetensors"), feed(-1));
        byte[] before = Files.readAllBytes(file);
        assertThrows(RuntimeException.class, () -> writer().writeFile(file, (t, sink) -> {
            throw new IllegalStateException("boom");
        }));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(List.of("model.safetensors"), listing(dir));
    }

    @Test
    void shardedOutputFailingInALaterShardLeavesNoShard() throws IOException {
        Path out = dir.resolve("merged");
        assertThrows(UncheckedIOException.class, () -> writer().writeDirectory(out, 800, feed(5)));
        assertTrue(!Files.exists(out) || listing(out).isEmpty(), "no shard and no index in place, no temporary left");
    }

    @Test
    void shardedOutputFailingKeepsTheEarlierCheckpoint() throws IOException {
        Path out = writer().writeDirectory(dir.resolve("merged"), 800, feed(-1));
        List<String> files = listing(out);
        assertEquals(List.of("model-00001-of-00003.safetensors", "model-00002-of-00003.safetensors",
                "model-00003-of-00003.safetensors", "model.safetensors.index.json"), files);
        byte[] first = Files.readAllBytes(out.resolve(files.get(0)));
        assertThrows(UncheckedIOException.class, () -> writer().writeDirectory(out, 400, feed(4)));
        assertEquals(files, listing(out));
        assertArrayEquals(first, Files.readAllBytes(out.resolve(files.get(0))));
        try (Checkpoint checkpoint = Checkpoint.open(out)) {
            assertEquals(TENSORS, checkpoint.readParameters().size());
            assertEquals(5f, checkpoint.readFloats("t5")[99]);
        }
    }
}
