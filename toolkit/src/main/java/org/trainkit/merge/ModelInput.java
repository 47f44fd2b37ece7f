package org.trainkit.merge;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One model of a merge: a {@code .safetensors} file, an index file or a checkpoint directory, with
 * its own parameters ({@code weight}, {@code density}, ...). The same model listed twice is two
 * inputs and counts twice.
 *
 * @param path where the checkpoint is
 * @param parameters its parameters by name, in order
 */
public record ModelInput(Path path, Map<String, ParameterValue> parameters) {

    /** Copies the parameters. */
    public ModelInput {
        Objects.requireNonNull(path, "path");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A model with scalar parameters given as name, value pairs: {@code of(p, "weight", 1.0, "density", 0.5)}. */
    public static ModelInput of(Path path, Object... nameValuePairs) {
        return new ModelInput(path, MergeConfig.scalars(nameValuePairs));
    }
}
