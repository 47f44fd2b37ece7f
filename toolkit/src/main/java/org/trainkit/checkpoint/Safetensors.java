package org.trainkit.checkpoint;

import java.nio.file.Path;
import java.util.Map;

/**
 * One-line reading and writing of a {@link ParameterSet} as safetensors. For other dtypes,
 * shards, or streaming, use {@link CheckpointWriter}, {@link Checkpoint} and
 * {@link SafetensorsFile}.
 */
public final class Safetensors {

    private Safetensors() {
    }

    /**
     * Writes {@code parameters} as F32 to the one file {@code file} (atomically), with
     * {@code metadata} as its {@code __metadata__}.
     *
     * @return {@code file}
     */
    public static Path write(Path file, ParameterSet parameters, Map<String, String> metadata) {
        return CheckpointWriter.create()
                .metadata(metadata)
                .tensors(parameters, DType.F32)
                .writeFile(file, TensorFeed.of(parameters));
    }

    /**
     * The float tensors of the checkpoint at {@code path} (anything {@link Checkpoint#open(Path)}
     * accepts) as float32.
     *
     * @throws IllegalStateException when it holds a tensor of a non-float dtype
     */
    public static ParameterSet readParameters(Path path) {
        try (Checkpoint checkpoint = Checkpoint.open(path)) {
            return checkpoint.readParameters();
        }
    }
}
