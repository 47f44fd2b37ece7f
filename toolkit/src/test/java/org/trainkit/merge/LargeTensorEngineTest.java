package org.trainkit.merge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.checkpoint.DType;
import org.trainkit.checkpoint.NamedTensor;
import org.trainkit.checkpoint.ParameterSet;

/**
 * The engine on tensors of several chunks and several encoded pieces (the small models of
 * {@link EngineTest} fit one of each): streamed chunks, reused per-thread arrays and pieces placed
 * at their offsets by several threads must give what one array computed directly gives.
 */
class LargeTensorEngineTest {

    /** Not multiples of the chunk, larger than one piece; then a small one and one of exactly one chunk. */
    static final long[][] SHAPES = {{300_001}, {700, 513}, {7}, {Merger.CHUNK}};
    static final String[] NAMES = {"layers.0.weight", "layers.1.weight", "layers.1.bias", "layers.2.weight"};

    @TempDir
    Path dir;

    List<ParameterSet> models = new ArrayList<>();
    List<Path> paths = new ArrayList<>();

    @BeforeEach
    void write() {
        Random random = new Random(5);
        ParameterSet base = null;
        for (int m = 0; m < 4; m++) {
            List<NamedTensor> tensors = new ArrayList<>();
            for (int t = 0; t < NAMES.length; t++) {
                int n = (int) (SHAPES[t][0] * (SHAPES[t].length > 1 ? SHAPES[t][1] : 1));
                float[] data = new float[n];
                float[] baseData = base == null ? null : base.get(NAMES[t]).data();
                for (int i = 0; i < n; i++) {
                    // models around a shared base; some deltas exactly zero (ties at the top-k threshold)
                    double around = base == null ? 0 : baseData[i];
                    data[i] = (float) (around + (base != null && i % 11 == 0 ? 0 : 0.1 * random.nextGaussian()));
                }
                tensors.add(NamedTensor.of(NAMES[t], SHAPES[t], data));
            }
            ParameterSet p = ParameterSet.of(tensors);
            base = base == null ? p : base;
            models.add(p);
            paths.add(Models.write(dir.resolve("m" + m + ".safetensors"), p));
        }
    }

    @Test
    void aLinearMergeStreamedInChunksIsTheDirectWeightedMean() {
        double[] w = {1, 2, 0.5};
        MergeConfig config = MergeConfig.method("linear").model(paths.get(1), "weight", w[0])
                .model(paths.get(2), "weight", w[1]).model(paths.get(3), "weight", w[2]).build();
        ParameterSet merged = merge(config, 2, "linear");
        for (String name : NAMES) {
            float[] out = merged.get(name).data();
            float[][] x = {models.get(1).get(name).data(), models.get(2).get(name).data(), models.get(3).get(name).data()};
            for (int j = 0; j < out.length; j++) {
                double expected = 0;
                for (int i = 0; i < 3; i++) {
                    expected += w[i] * x[i][j];
                }
                expected /= 3.5;
                assertEquals(expected, out[j], 1e-6 * (1 + Math.abs(expected)), name + "[" + j + "]");
            }
        }
    }

    @Test
    void tiesOnWholeTensorsOfManyPiecesIsTheReferenceComputation() {
        MergeConfig config = MergeConfig.method("ties").base(paths.get(0)).model(paths.get(1), "weight", 1.0, "density", 0.3)
                .model(paths.get(2), "weight", 0.7, "density", 0.5).model(paths.get(3), "weight", 1.2, "density", 0.9).build();
        ParameterSet merged = merge(config, 2, "ties");
        double[] w = {1.0, 0.7, 1.2};
        double[] density = {0.3, 0.5, 0.9};
        for (String name : NAMES) {
            double[] base = Models.d(models.get(0).get(name).data());
            double[][] deltas = new double[3][];
            for (int i = 0; i < 3; i++) {
                // the deltas as the engine forms them (float32 differences), then the reference top-k
                float[] m = models.get(i + 1).get(name).data();
                float[] b = models.get(0).get(name).data();
                double[] d = new double[m.length];
                for (int j = 0; j < d.length; j++) {
                    d[j] = m[j] - b[j];
                }
                boolean[] keep = Reference.topK(d, (int) (density[i] * d.length));
                for (int j = 0; j < d.length; j++) {
                    d[j] = keep[j] ? d[j] : 0;
                }
                deltas[i] = d;
            }
            double[] expected = Reference.taskArithmetic(base, deltas, w, true, true, 1);
            float[] out = merged.get(name).data();
            for (int j = 0; j < out.length; j++) {
                assertEquals(expected[j], out[j], 1e-5 * (1 + Math.abs(expected[j])), name + "[" + j + "]");
            }
        }
    }

    @Test
    void threadsAndOutputDtypesDoNotChangeTheBytes() throws IOException {
        for (String method : List.of("linear", "ties")) {
            MergeConfig.Builder b = MergeConfig.method(method);
            if (method.equals("ties")) {
                b.base(paths.get(0));
            }
            b.model(paths.get(1), "weight", 1.0, "density", 0.5).model(paths.get(2), "weight", 0.5, "density", 0.5);
            MergeConfig config = method.equals("ties") ? b.build() : MergeConfig.method("linear")
                    .model(paths.get(1), "weight", 1.0).model(paths.get(2), "weight", 0.5).build();
            Path one = dir.resolve(method + "-1");
            Path three = dir.resolve(method + "-3");
            Merger.of(config).progress(false).threads(1).run(one);
            Merger.of(config).progress(false).threads(3).shardSize(1_500_000).run(three);
            assertEquals(Models.read(one), Models.read(three), method);
        }
        // BF16 output: the same values as the F32 merge, rounded
        MergeConfig f32 = MergeConfig.method("linear").model(paths.get(1), "weight", 1.0).model(paths.get(2), "weight", 1.0).build();
        MergeConfig bf16 = MergeConfig.method("linear").model(paths.get(1), "weight", 1.0).model(paths.get(2), "weight", 1.0)
                .outputDtype(DType.BF16).build();
        ParameterSet wide = merge(f32, 2, "f32");
        ParameterSet narrow = merge(bf16, 2, "bf16");
        for (String name : NAMES) {
            float[] x = wide.get(name).data();
            float[] y = narrow.get(name).data();
            for (int j = 0; j < x.length; j++) {
                assertEquals(x[j], y[j], Math.abs(x[j]) / 256 + 1e-30, name + "[" + j + "]");
            }
        }
    }

    @Test
    void aTensorOverOneJavaArrayIsRefusedByNameForWholeTensorMethodsOnly() throws IOException {
        // F16 of 2^31 elements: a sparse 4 GiB file, planned but never read
        long elements = 1L << 31;
        Path big = sparseF16(dir.resolve("big.safetensors"), "huge.weight", elements);
        Path other = sparseF16(dir.resolve("big2.safetensors"), "huge.weight", elements);
        MergeConfig ties = MergeConfig.method("ties").base(big).model(other, "weight", 1.0, "density", 0.5).build();
        MergeInputException e = assertThrows(MergeInputException.class, () -> Merger.of(ties).plan());
        assertTrue(e.getMessage().contains("'huge.weight'") && e.getMessage().contains("ties")
                && e.getMessage().contains("2147483648 elements"), e.getMessage());
        assertEquals(1, e.mismatches().size());
        // an element-wise method plans it (and would stream it in chunks)
        MergeConfig linear = MergeConfig.method("linear").model(big, "weight", 1.0).model(other, "weight", 1.0).build();
        assertEquals(elements * 2, Merger.of(linear).plan().outputBytes());
    }

    private ParameterSet merge(MergeConfig config, int threads, String name) {
        Path out = dir.resolve("out-" + name);
        Merger.of(config).progress(false).threads(threads).run(out);
        return Models.read(out);
    }

    private static Path sparseF16(Path file, String tensor, long elements) throws IOException {
        String json = "{\"" + tensor + "\":{\"dtype\":\"F16\",\"shape\":[" + elements + "],\"data_offsets\":[0,"
                + elements * 2 + "]}}";
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
            f.write(length.array());
            f.write(header);
            f.setLength(8 + header.length + elements * 2);
        }
        assertTrue(Files.size(file) > elements);
        return file;
    }
}
