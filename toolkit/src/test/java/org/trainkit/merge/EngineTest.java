package org.trainkit.merge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.checkpoint.Checkpoint;
import org.trainkit.checkpoint.CheckpointWriter;
import org.trainkit.checkpoint.DType;
import org.trainkit.checkpoint.NamedTensor;
import org.trainkit.checkpoint.ParameterSet;
import org.trainkit.checkpoint.TensorFeed;

/** The engine: planning, mismatches, output layout, dtypes, atomicity, threads. */
class EngineTest {

    @TempDir
    Path dir;

    ParameterSet base;
    ParameterSet a;
    ParameterSet b;
    Path basePath;
    Path aPath;
    Path bPath;

    @BeforeEach
    void write() {
        base = Models.random(1, null, 1);
        a = Models.random(2, base, 0.2);
        b = Models.random(3, base, 0.2);
        basePath = Models.write(dir.resolve("base.safetensors"), base);
        aPath = Models.write(dir.resolve("a.safetensors"), a);
        bPath = Models.write(dir.resolve("b.safetensors"), b);
    }

    MergeConfig ties() {
        return MergeConfig.method("ties").base(basePath).model(aPath, "weight", 1.0, "density", 0.5)
                .model(bPath, "weight", 1.0, "density", 0.5).build();
    }

    @Test
    void dryRunPlansAndWritesNothing() throws IOException {
        MergePlan plan = Merger.of(ties()).shardSize(100).plan();
        assertEquals(List.of(Models.NAMES), plan.tensorNames());
        assertEquals((24 + 4 + 12 + 3) * 4, plan.outputBytes());
        assertEquals(3 * (24 + 4 + 12 + 3) * 4, plan.inputBytes());
        assertEquals(List.of("model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors"), List.copyOf(plan.files().keySet()));
        assertTrue(plan.text().contains("method ties"), plan.text());
        assertTrue(plan.text().contains("model.safetensors.index.json"), plan.text());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(3, files.count());
        }
    }

    @Test
    void shardedOutputWithIndexReadsBackLikeTheSingleFile() throws IOException {
        Path single = dir.resolve("single");
        Path sharded = dir.resolve("sharded");
        Merger.of(ties()).progress(false).run(single);
        MergeReport report = Merger.of(ties()).progress(false).shardSize(100).run(sharded);
        assertTrue(Files.isRegularFile(single.resolve("model.safetensors")));
        assertTrue(Files.isRegularFile(sharded.resolve("model-00001-of-00002.safetensors")));
        assertTrue(Files.isRegularFile(sharded.resolve("model.safetensors.index.json")));
        assertEquals(3, report.files().size());
        assertEquals(Models.read(single), Models.read(sharded));
        assertTrue(Files.readString(sharded.resolve(Merger.CONFIG_COPY)).contains("merge_method: \"ties\"")
                || Files.readString(sharded.resolve(Merger.CONFIG_COPY)).contains("merge_method: ties"));
        try (Checkpoint c = Checkpoint.open(sharded.resolve("model-00001-of-00002.safetensors"))) {
            assertEquals("pt", c.metadata().get("format"));
        }
    }

    @Test
    void mismatchesAreListedBeforeAnythingIsWritten() {
        // c: one tensor missing, one with another shape, one with another dtype
        Path c = dir.resolve("c.safetensors");
        CheckpointWriter.create().tensor("layers.0.weight", DType.F32, 6, 4).tensor("layers.0.bias", DType.BF16, 4)
                .tensor("layers.1.weight", DType.F32, 3, 4).tensor("extra", DType.F32, 2)
                .writeFile(c, (t, sink) -> sink.put(new float[(int) t.elementCount()]));
        MergeConfig config = MergeConfig.method("linear").model(aPath, "weight", 1.0).model(c, "weight", 1.0).build();
        Path out = dir.resolve("out");
        MergeInputException e = assertThrows(MergeInputException.class, () -> Merger.of(config).progress(false).run(out));
        String message = e.getMessage();
        assertEquals(4, e.mismatches().size(), message);
        assertTrue(message.contains("'extra'"), message);
        assertTrue(message.contains("'layers.0.weight' is [6, 4]"), message);
        assertTrue(message.contains("'layers.0.bias' is BF16"), message);
        assertTrue(message.contains("no tensor 'layers.1.bias'"), message);
        assertFalse(Files.exists(out));
        assertThrows(MergeInputException.class, () -> Merger.of(config).plan());
    }

    @Test
    void anOutputDirectoryHoldingAnInputIsRefused() throws IOException {
        Path modelDir = dir.resolve("model");
        Files.createDirectories(modelDir);
        Models.write(modelDir.resolve("model.safetensors"), a);
        MergeConfig config = MergeConfig.method("linear").model(modelDir, "weight", 1.0).model(bPath, "weight", 1.0).build();
        MergeInputException e = assertThrows(MergeInputException.class, () -> Merger.of(config).progress(false).run(modelDir));
        assertTrue(e.getMessage().contains("holds an input"), e.getMessage());
        assertEquals(a, Models.read(modelDir));
        assertThrows(MergeInputException.class, () -> Merger.of(config).progress(false).run(dir));
    }

    @Test
    void nonWeightFilesOfTheBaseDirectoryAreCopied() throws IOException {
        Path baseDir = dir.resolve("base-model");
        Files.createDirectories(baseDir);
        Models.write(baseDir.resolve("model.safetensors"), base);
        Files.writeString(baseDir.resolve("config.json"), "{\"hidden\": 6}");
        Files.writeString(baseDir.resolve("tokenizer.json"), "{}");
        Files.writeString(baseDir.resolve("pytorch_model.bin"), "pickle");
        MergeConfig config = MergeConfig.method("task_arithmetic").base(baseDir).model(aPath, "weight", 1.0).build();
        Path out = dir.resolve("merged");
        Merger.of(config).progress(false).run(out);
        assertEquals("{\"hidden\": 6}", Files.readString(out.resolve("config.json")));
        assertTrue(Files.exists(out.resolve("tokenizer.json")));
        assertFalse(Files.exists(out.resolve("pytorch_model.bin")));
    }

    @Test
    void bf16InputsComputeInFloat32AndOutDtypeChoosesTheOutput() {
        Path a16 = Models.write(dir.resolve("a16.safetensors"), a, DType.BF16, Map.of());
        Path b16 = Models.write(dir.resolve("b16.safetensors"), b, DType.BF16, Map.of());
        MergeConfig bf = MergeConfig.method("linear").model(a16, "weight", 1.0).model(b16, "weight", 3.0).build();
        Path out = dir.resolve("bf");
        Merger.of(bf).progress(false).run(out);
        try (Checkpoint c = Checkpoint.open(out); Checkpoint ca = Checkpoint.open(a16); Checkpoint cb = Checkpoint.open(b16)) {
            assertEquals(DType.BF16, c.info("layers.0.weight").dtype());
            float[] x = ca.readFloats("layers.0.weight");
            float[] y = cb.readFloats("layers.0.weight");
            float[] merged = c.readFloats("layers.0.weight");
            for (int i = 0; i < x.length; i++) {
                float exact = (x[i] + 3 * y[i]) / 4;
                assertEquals(exact, merged[i], Math.abs(exact) / 128 + 1e-6); // one bf16 rounding of the float32 result
            }
        }
        MergeConfig f32 = MergeConfig.method("linear").model(a16, "weight", 1.0).model(b16, "weight", 3.0)
                .outputDtype(DType.F32).build();
        Path out32 = dir.resolve("f32");
        Merger.of(f32).progress(false).run(out32);
        try (Checkpoint c = Checkpoint.open(out32); Checkpoint ca = Checkpoint.open(a16); Checkpoint cb = Checkpoint.open(b16)) {
            assertEquals(DType.F32, c.info("layers.1.bias").dtype());
            float[] x = ca.readFloats("layers.1.bias");
            float[] y = cb.readFloats("layers.1.bias");
            float[] merged = c.readFloats("layers.1.bias");
            for (int i = 0; i < x.length; i++) {
                assertEquals((x[i] + 3 * y[i]) / 4, merged[i], 1e-6);
            }
        }
    }

    @Test
    void nonFloatTensorsAreCopiedFromTheFirstInput() {
        Path withSteps = dir.resolve("steps.safetensors");
        CheckpointWriter.create().tensors(a, DType.F32).tensor("position_ids", DType.I64, 3)
                .writeFile(withSteps, (t, sink) -> {
                    if (t.dtype() == DType.I64) {
                        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(24).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                        bytes.putLong(0).putLong(1).putLong(2).flip();
                        sink.putBytes(bytes);
                    } else {
                        TensorFeed.of(a).write(t, sink);
                    }
                });
        MergeConfig config = MergeConfig.method("linear").model(withSteps, "weight", 1.0).model(withSteps, "weight", 1.0).build();
        Path out = dir.resolve("out");
        Merger.of(config).progress(false).run(out);
        try (Checkpoint c = Checkpoint.open(out)) {
            assertEquals(DType.I64, c.info("position_ids").dtype());
            assertEquals(2, c.rawBytes("position_ids").order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(16));
            assertArrayEquals(a.get("layers.0.weight").data(), c.readFloats("layers.0.weight"), 1e-6f);
        }
    }

    @Test
    void oneThreadAndTwoGiveTheSameBytes() throws IOException {
        MergeConfig dare = MergeConfig.method("dare_ties").base(basePath).model(aPath, "weight", 1.0, "density", 0.5)
                .model(bPath, "weight", 0.5, "density", 0.5).build();
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Merger.of(dare).progress(false).threads(1).seed(3).run(one);
        Merger.of(dare).progress(false).threads(2).seed(3).run(two);
        assertArrayEquals(Files.readAllBytes(one.resolve("model.safetensors")), Files.readAllBytes(two.resolve("model.safetensors")));
        Path other = dir.resolve("other");
        Merger.of(dare).progress(false).seed(4).run(other);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(one.resolve("model.safetensors")),
                Files.readAllBytes(other.resolve("model.safetensors"))));
    }

    @Test
    void aFailedMergeLeavesAnEarlierOutputAsItWas() {
        Path out = dir.resolve("out");
        Merger.of(ties()).progress(false).run(out);
        ParameterSet before = Models.read(out);
        // multislerp of a model and its negation: the mean direction is zero, an error mid-merge
        ParameterSet negated = a;
        for (NamedTensor t : a) {
            float[] x = t.data();
            for (int i = 0; i < x.length; i++) {
                x[i] = -x[i];
            }
            negated = negated.with(t.withData(x));
        }
        Path neg = Models.write(dir.resolve("neg.safetensors"), negated);
        MergeConfig bad = MergeConfig.method("multislerp").model(aPath, "weight", 1.0).model(neg, "weight", 1.0).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Merger.of(bad).progress(false).run(out));
        assertTrue(e.getMessage().contains("undefined"), e.getMessage());
        assertEquals(before, Models.read(out));
    }

    @Test
    void methodArityAndBaseAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> MergeConfig.method("ties").model(aPath, "weight", 1.0).build());
        MergeConfig twoForSlerp = MergeConfig.method("slerp").base(basePath).model(aPath).model(bPath).parameter("t", 0.5).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Merger.of(twoForSlerp).plan());
        assertTrue(e.getMessage().contains("exactly 1"), e.getMessage());
        // the base listed among the models is not a model of a base-relative method
        MergeConfig withBase = MergeConfig.method("slerp").base(basePath).model(basePath).model(aPath).parameter("t", 0.5).build();
        assertEquals(4, Merger.of(withBase).plan().tensorNames().size());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Merger.of(
                MergeConfig.method("linear").model(dir.resolve("nope"), "weight", 1.0).build()).plan());
        assertTrue(missing.getMessage().contains("nope"), missing.getMessage());
        IllegalArgumentException noWeight = assertThrows(IllegalArgumentException.class, () -> Merger.of(
                MergeConfig.method("linear").model(aPath).build()).progress(false).run(dir.resolve("w")));
        assertTrue(noWeight.getMessage().contains("'weight'"), noWeight.getMessage());
    }

    @Test
    void slicesStackLayersFromTheirSources() {
        List<List<SliceSource>> slices = List.of(
                List.of(new SliceSource(ModelInput.of(aPath), 0, 2)),
                List.of(new SliceSource(ModelInput.of(bPath), 1, 2)));
        MergeConfig config = new MergeConfig("passthrough", null, List.of(), slices, Map.of(), null, null);
        Path out = dir.resolve("stack");
        Merger.of(config).progress(false).run(out);
        ParameterSet merged = Models.read(out);
        assertEquals(List.of("layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias", "layers.2.weight",
                "layers.2.bias"), merged.names());
        assertArrayEquals(a.get("layers.1.weight").data(), merged.get("layers.1.weight").data());
        assertArrayEquals(b.get("layers.1.weight").data(), merged.get("layers.2.weight").data());
    }

    @Test
    void layerNumbersAndPositions() {
        assertEquals(7, Merger.layerOf("model.layers.7.mlp.weight"));
        assertEquals(-1, Merger.layerOf("lm_head.weight"));
        assertEquals("model.layers.3.mlp", Merger.withLayer("model.layers.12.mlp", 3));
        Map<String, Double> p = Merger.positions(List.of("embed", "1.weight", "3.weight", "5.bias"));
        assertEquals(0.0, p.get("embed"));
        assertEquals(0.5, p.get("3.weight"));
        assertEquals(1.0, p.get("5.bias"));
    }

    @Test
    void aSlerpOverSlicesTakesTheBaseFromItsSources() {
        List<List<SliceSource>> slices = List.of(List.of(new SliceSource(ModelInput.of(aPath), 0, 2),
                new SliceSource(ModelInput.of(bPath), 0, 2)));
        MergeConfig config = new MergeConfig("slerp", new ModelInput(aPath, Map.of()), List.of(), slices,
                Map.of("t", ParameterValue.of(0.4)), null, null);
        Path out = dir.resolve("slerp-slices");
        Merger.of(config).progress(false).run(out);
        ParameterSet merged = Models.read(out);
        for (String name : Models.NAMES) {
            double[] expected = Reference.slerp(0.4, Models.d(a.get(name).data()), Models.d(b.get(name).data()));
            assertArrayEquals(expected, Models.d(merged.get(name).data()), 1e-5, name);
        }
    }
}
