package org.trainkit.merge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.trainkit.checkpoint.Checkpoint;
import org.trainkit.checkpoint.CheckpointWriter;
import org.trainkit.checkpoint.DType;
import org.trainkit.checkpoint.NamedTensor;
import org.trainkit.checkpoint.ParameterSet;
import org.trainkit.checkpoint.Safetensors;

/** Small random models written as safetensors, and the merged output read back. */
final class Models {

    static final long[][] SHAPES = {{4, 6}, {4}, {3, 4}, {3}};
    static final String[] NAMES = {"layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias"};

    private Models() {
    }

    /** A random model; with {@code around} non-null, that model plus noise of scale {@code scale}. */
    static ParameterSet random(long seed, ParameterSet around, double scale) {
        Random random = new Random(seed);
        List<NamedTensor> tensors = new ArrayList<>();
        for (int t = 0; t < NAMES.length; t++) {
            int n = (int) (SHAPES[t].length == 2 ? SHAPES[t][0] * SHAPES[t][1] : SHAPES[t][0]);
            float[] data = new float[n];
            for (int i = 0; i < n; i++) {
                data[i] = (float) ((around == null ? 0 : around.get(NAMES[t]).data()[i]) + scale * random.nextGaussian());
            }
            tensors.add(NamedTensor.of(NAMES[t], SHAPES[t], data));
        }
        return ParameterSet.of(tensors);
    }

    static Path write(Path file, ParameterSet p) {
        return Safetensors.write(file, p, Map.of());
    }

    static Path write(Path file, ParameterSet p, DType dtype, Map<String, String> metadata) {
        return CheckpointWriter.create().metadata(metadata).tensors(p, dtype).writeFile(file,
                org.trainkit.checkpoint.TensorFeed.of(p));
    }

    static ParameterSet read(Path dir) {
        try (Checkpoint c = Checkpoint.open(dir)) {
            return c.readParameters();
        }
    }

    static double[] d(float[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i];
        }
        return y;
    }
}
