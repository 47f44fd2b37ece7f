package org.trainkit.merge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trainkit.checkpoint.DType;

/**
 * A merge as the popular Python merge tool's YAML describes it: {@code merge_method}, an optional
 * {@code base_model}, either {@code models} (each with {@code parameters}) or {@code slices} (each a
 * list of {@code sources} with a {@code layer_range}), global {@code parameters}, and {@code dtype}
 * / {@code out_dtype}. Read one with {@link #read(Path)}, or build one:
 *
 * <pre>{@code
 * MergeConfig config = MergeConfig.method("ties").base(basePath)
 *         .model(ModelInput.of(a, "weight", 1.0, "density", 0.5))
 *         .model(ModelInput.of(b, "weight", 1.0, "density", 0.5))
 *         .parameter("lambda", 1.0)
 *         .build();
 * }</pre>
 *
 * <p>All arithmetic is float32 (float64 for sums over a tensor) whatever {@code dtype} says; the
 * output dtype is {@code out_dtype}, else {@code dtype}, else the base's (or the first model's).
 *
 * @param method the {@code merge_method}
 * @param base the base model, or null
 * @param models the models (empty when slices are given)
 * @param slices the slices (empty when models are given)
 * @param parameters the global parameters
 * @param outputDtype the output's dtype, or null for the inputs'
 * @param text the YAML text this was read from, or null (copied to the output)
 */
public record MergeConfig(String method, ModelInput base, List<ModelInput> models, List<List<SliceSource>> slices,
        Map<String, ParameterValue> parameters, DType outputDtype, String text) {

    /** Checks the method exists and the parameters fit it. */
    public MergeConfig {
        Objects.requireNonNull(method, "method");
        models = List.copyOf(models);
        slices = slices.stream().map(List::copyOf).toList();
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        MethodSpec spec = MergeMethods.spec(method);
        if (models.isEmpty() == slices.isEmpty()) {
            throw new IllegalArgumentException("a merge needs either models or slices (exactly one of the two)");
        }
        for (String key : parameters.keySet()) {
            if (!spec.accepts(key)) {
                throw new IllegalArgumentException("parameters." + key + ": " + method + " has no parameter '" + key
                        + "'; it accepts " + accepted(spec));
            }
        }
        List<ModelInput> all = new ArrayList<>(models);
        slices.forEach(slice -> slice.forEach(source -> all.add(source.model())));
        for (int i = 0; i < all.size(); i++) {
            for (String key : all.get(i).parameters().keySet()) {
                if (!spec.modelDefaults().containsKey(key)) {
                    throw new IllegalArgumentException("models[" + i + "] (" + all.get(i).path() + ").parameters." + key + ": "
                            + method + " has no per-model parameter '" + key + "'; per model it accepts "
                            + spec.modelDefaults().keySet());
                }
            }
        }
        if (base == null && spec.base() == MethodSpec.BaseRule.REQUIRED) {
            throw new IllegalArgumentException("base_model: " + method + " needs a base model");
        }
    }

    private static String accepted(MethodSpec spec) {
        List<String> keys = new ArrayList<>(spec.modelDefaults().keySet());
        spec.globalDefaults().keySet().forEach(k -> {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        });
        return keys.toString();
    }

    /** Reads a YAML config (see {@link ConfigReader}). */
    public static MergeConfig read(Path yaml) {
        return ConfigReader.read(yaml);
    }

    /** A builder for method {@code name}. */
    public static Builder method(String name) {
        return new Builder(name);
    }

    /** The config's YAML: the text it was read from, or one written for it. */
    public String yaml() {
        return text != null ? text : ConfigReader.toYaml(this);
    }

    static Map<String, ParameterValue> scalars(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come as name, value pairs; got " + pairs.length + " items");
        }
        Map<String, ParameterValue> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            ParameterValue v = value instanceof ParameterValue p ? p
                    : value instanceof Boolean b ? ParameterValue.of(b ? 1 : 0)
                    : ParameterValue.of(((Number) value).doubleValue());
            map.put((String) pairs[i], v);
        }
        return map;
    }

    /** Builds a {@link MergeConfig}. */
    public static final class Builder {
        private final String method;
        private ModelInput base;
        private final List<ModelInput> models = new ArrayList<>();
        private final Map<String, ParameterValue> parameters = new LinkedHashMap<>();
        private DType outputDtype;

        private Builder(String method) {
            this.method = method;
        }

        /** The base model. */
        public Builder base(Path path) {
            this.base = new ModelInput(path, Map.of());
            return this;
        }

        /** Adds a model. */
        public Builder model(ModelInput model) {
            models.add(model);
            return this;
        }

        /** Adds a model with scalar parameters as name, value pairs. */
        public Builder model(Path path, Object... nameValuePairs) {
            return model(ModelInput.of(path, nameValuePairs));
        }

        /** Sets a global parameter (a number, a boolean or a {@link ParameterValue}). */
        public Builder parameter(String name, Object value) {
            parameters.putAll(scalars(name, value));
            return this;
        }

        /** The output dtype. */
        public Builder outputDtype(DType dtype) {
            this.outputDtype = dtype;
            return this;
        }

        /** The config. */
        public MergeConfig build() {
            return new MergeConfig(method, base, models, List.of(), parameters, outputDtype, null);
        }
    }
}
