package org.trainkit.merge;

import java.util.Map;
import java.util.function.Function;

/**
 * One merge method: its name in the config, whether it takes a base model, how many models,
 * its per-model and global parameters with their defaults (NaN: required), and the computation
 * of one output tensor.
 *
 * @param name the {@code merge_method} name
 * @param base whether a {@code base_model} is required, optional or not used
 * @param minModels the fewest models (not counting the base)
 * @param maxModels the most models
 * @param modelDefaults per-model parameters and defaults (NaN when required)
 * @param globalDefaults global parameters and defaults
 * @param kernel computes a tensor
 * @param description one line for the methods table
 */
record MethodSpec(String name, BaseRule base, int minModels, int maxModels, Map<String, Double> modelDefaults,
        Map<String, Double> globalDefaults, Function<TensorJob, float[]> kernel, String description) {

    /** Whether the method takes a base model. */
    enum BaseRule {
        REQUIRED, OPTIONAL, UNUSED
    }

    boolean accepts(String key) {
        return modelDefaults.containsKey(key) || globalDefaults.containsKey(key);
    }
}
