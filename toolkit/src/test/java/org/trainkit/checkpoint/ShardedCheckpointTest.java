package org.trainkit.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharded output by size, the index, and one view over the shards, with the index checked. */
class ShardedCheckpointTest {

    @TempDir
    Path dir;

    private static final ParameterSet PARAMS = ParameterSet.of(List.of(
            NamedTensor.of("a", new long[] {4}, new float[] {1, 2, 3, 4}),
            NamedTensor.of("b", new long[] {2, 2}, new float[] {5, 6, 7, 8}),
            NamedTensor.of("c", new long[] {10}, new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}),
            NamedTensor.of("d", new long[] {2}, new float[] {-1, -2}),
            NamedTensor.of("e", new long[] {2}, new float[] {-3, -4})));

    private static final String[] SHARDS = {
        "model-00001-of-00003.safetensors", "model-00002-of-00003.safetensors", "model-00003-of-00003.safetensors"};

    /** a, b (16 bytes each) fill the first 32-byte shard; c (40) gets its own; d, e the third. */
    private Path writeSharded(Path output) {
        return CheckpointWriter.create()
                .metadata(Map.of("format", "pt"))
                .tensors(PARAMS, DType.F32)
                .writeDirectory(output, 32, TensorFeed.of(PARAMS));
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesShardsBySizeWithAnIndex() throws IOException {
        Path out = writeSharded(dir.resolve("out"));
        assertEquals(List.of(SHARDS[0], SHARDS[1], SHARDS[2], "model.safetensors.index.json"), fileNames(out));

        JsonNode index = new ObjectMapper().readTree(out.resolve("model.safetensors.index.json").toFile());
        assertEquals(88, index.at("/metadata/total_size").longValue());
        assertTrue(index.at("/metadata/total_size").isNumber());
        assertEquals("pt", index.at("/metadata/format").textValue());
        assertEquals(List.of("a", "b", "c", "d", "e"), List.copyOf(iterable(index.get("weight_map").fieldNames())));
        assertEquals(SHARDS[0], index.at("/weight_map/b").textValue());
        assertEquals(SHARDS[1], index.at("/weight_map/c").textValue());
        assertEquals(SHARDS[2], index.at("/weight_map/d").textValue());

        try (SafetensorsFile third = SafetensorsFile.open(out.resolve(SHARDS[2]))) {
            assertEquals(List.of("d", "e"), third.tensorNames());
            assertEquals(Map.of("format", "pt"), third.metadata());
            assertEquals(new TensorInfo("d", DType.F32, new long[] {2}, 0, 8), third.info("d"));
        }
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new java.util.ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    @Test
    void readsShardsAsOneViewThroughTheDirectoryOrTheIndex() {
        Path out = writeSharded(dir.resolve("out"));
        for (Path path : List.of(out, out.resolve("model.safetensors.index.json"))) {
            try (Checkpoint checkpoint = Checkpoint.open(path)) {
                assertEquals(PARAMS.names(), checkpoint.tensorNames());
                assertEquals(PARAMS, checkpoint.readParameters());
                assertEquals(Map.of("total_size", "88", "format", "pt"), checkpoint.metadata());
                assertEquals(3, checkpoint.files().size());
                assertEquals(out.resolve(SHARDS[1]).toAbsolutePath(), checkpoint.files().get(1).toAbsolutePath());
                float[] part = new float[3];
                checkpoint.readFloats("c", 6, part, 0, 3);
                assertArrayEquals(new float[] {6, 7, 8}, part);
                assertEquals(40, checkpoint.rawBytes("c").remaining());
                assertEquals(new long[] {2, 2}.length, checkpoint.info("b").shape().length);
                assertFalse(checkpoint.contains("z"));
            }
        }
        assertEquals(PARAMS, Safetensors.readParameters(out));
    }

    @Test
    void oneShardIsASingleModelFile() throws IOException {
        Path out = CheckpointWriter.create().tensors(PARAMS, DType.F16).writeDirectory(dir.resolve("one"), Long.MAX_VALUE, TensorFeed.of(PARAMS));
        assertEquals(List.of("model.safetensors"), fileNames(out));
        try (Checkpoint checkpoint = Checkpoint.open(out)) {
            assertEquals(PARAMS, checkpoint.readParameters());
            assertEquals(Map.of(), checkpoint.metadata());
        }
    }

    @Test
    void rewritingADirectoryReplacesTheEarlierCheckpointFilesAndKeepsOthers() throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("config.json"), "{}");
        writeSharded(out);
        CheckpointWriter.create().tensors(PARAMS, DType.F32).writeDirectory(out, 1 << 20, TensorFeed.of(PARAMS));
        assertEquals(List.of("config.json", "model.safetensors"), fileNames(out));
        writeSharded(out);
        assertEquals(List.of("config.json", SHARDS[0], SHARDS[1], SHARDS[2], "model.safetensors.index.json"), fileNames(out));
    }

    @Test
    void totalSizeInTheMetadataOfAShardedOutputIsRefused() {
        CheckpointWriter writer = CheckpointWriter.create().metadata(Map.of("total_size", "1")).tensors(PARAMS, DType.F32);
        assertThrows(IllegalArgumentException.class, () -> writer.writeDirectory(dir.resolve("x"), 32, TensorFeed.of(PARAMS)));
        assertFalse(Files.exists(dir.resolve("x")));
    }

    /** The index of a good sharded checkpoint rewritten as {@code json}. */
    private Path withIndex(String json) throws IOException {
        Path out = writeSharded(dir.resolve("out"));
        return Files.writeString(out.resolve("model.safetensors.index.json"), json);
    }

    private static String weightMap(String entries) {
        return "{\"metadata\": {\"total_size\": 88}, \"weight_map\": {" + entries + "}}";
    }

    private static final String GOOD_ENTRIES = "\"a\": \"" + SHARDS[0] + "\", \"b\": \"" + SHARDS[0] + "\", \"c\": \"" + SHARDS[1]
            + "\", \"d\": \"" + SHARDS[2] + "\", \"e\": \"" + SHARDS[2] + "\"";

    private static String refusal(Path index) {
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> Checkpoint.open(index).close());
        assertTrue(e.getMessage().startsWith(index.toString()), e.getMessage());
        return e.getMessage();
    }

    private static void assertMentions(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "expected \"" + fragment + "\" in: " + message);
        }
    }

    @Test
    void theGoodIndexRewrittenByHandStillOpens() throws IOException {
        try (Checkpoint checkpoint = Checkpoint.open(withIndex(weightMap(GOOD_ENTRIES)))) {
            assertEquals(PARAMS, checkpoint.readParameters());
        }
    }

    @Test
    void indexNamingAMissingShard() throws IOException {
        Path index = withIndex(weightMap(GOOD_ENTRIES.replace("\"e\": \"" + SHARDS[2] + "\"", "\"e\": \"model-00004-of-00003.safetensors\"")));
        assertMentions(refusal(index), "tensor 'e'", "shard \"model-00004-of-00003.safetensors\" is missing");
    }

    @Test
    void indexPuttingATensorInTheWrongShard() throws IOException {
        Path index = withIndex(weightMap(GOOD_ENTRIES.replace("\"d\": \"" + SHARDS[2] + "\"", "\"d\": \"" + SHARDS[1] + "\"")));
        assertMentions(refusal(index), "tensor 'd'", "the index puts it in " + SHARDS[1] + ", which has no such tensor (it is in " + SHARDS[2]);
        Path unlisted = withIndex(weightMap(GOOD_ENTRIES.replace("\"c\": \"" + SHARDS[1] + "\"", "\"c\": \"" + SHARDS[0] + "\"")));
        assertMentions(refusal(unlisted), "tensor 'c'", "the index puts it in " + SHARDS[0] + ", which has no such tensor");
    }

    @Test
    void shardTensorMissingFromTheIndex() throws IOException {
        Path index = withIndex(weightMap(GOOD_ENTRIES.replace(", \"b\": \"" + SHARDS[0] + "\"", "")));
        assertMentions(refusal(index), "tensor 'b'", "in shard " + SHARDS[0] + " but not in the index's weight_map");
    }

    @Test
    void tensorInTwoShards() throws IOException {
        Path out = Files.createDirectories(dir.resolve("two"));
        for (String shard : List.of("model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors")) {
            CheckpointWriter.create().tensor("a", DType.F32, 1).writeFile(out.resolve(shard), (t, sink) -> sink.put(new float[] {1}));
        }
        CheckpointWriter.create().tensor("z", DType.F32, 1).writeFile(out.resolve("z.safetensors"), (t, sink) -> sink.put(new float[] {1}));
        Path index = Files.writeString(out.resolve("model.safetensors.index.json"),
                weightMap("\"a\": \"model-00001-of-00002.safetensors\", \"z\": \"model-00002-of-00002.safetensors\""));
        assertMentions(refusal(index), "tensor 'a'", "in two shards: model-00001-of-00002.safetensors and model-00002-of-00002.safetensors");
    }

    @Test
    void indexWithoutAWeightMap() throws IOException {
        assertMentions(refusal(withIndex("{\"metadata\": {}}")), "\"weight_map\" is missing");
    }

    @Test
    void indexThatIsNotJsonOrHasDuplicates() throws IOException {
        assertMentions(refusal(withIndex("{\"weight_map\": ")), "not valid JSON");
        assertMentions(refusal(withIndex(weightMap(GOOD_ENTRIES + ", \"a\": \"" + SHARDS[1] + "\""))), "not valid JSON", "Duplicate field 'a'");
        assertMentions(refusal(withIndex(weightMap(GOOD_ENTRIES) + " {}")), "not valid JSON");
    }

    @Test
    void indexWithANonStringShardOrAPathOutsideItsDirectory() throws IOException {
        assertMentions(refusal(withIndex(weightMap("\"a\": 1"))), "tensor 'a'", "a number, expected a shard file name");
        assertMentions(refusal(withIndex(weightMap("\"a\": \"../elsewhere.safetensors\""))), "tensor 'a'", "not a file name in the index's directory");
    }

    @Test
    void directoryWithoutACheckpoint() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CheckpointFormatException e = assertThrows(CheckpointFormatException.class, () -> Checkpoint.open(empty));
        assertMentions(e.getMessage(), empty.toString(), "no model.safetensors or model.safetensors.index.json");
    }
}
