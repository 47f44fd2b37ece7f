package org.trainkit.merge;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a merge method sees of one tensor: its name, shape and layer position, the base model's
 * values (null without a base), each model's values (float32, whatever the storage dtype), and the
 * parameters as they resolve for this tensor. Random methods draw from {@link #random(int)}, seeded
 * by the run's seed, the tensor's name and the model's place, so a merge does not depend on the
 * order threads take the tensors in.
 */
final class TensorJob {

    private final String name;
    private final long[] shape;
    private final double position;
    private final float[] base;
    private final List<float[]> models;
    private final List<Map<String, ParameterValue>> modelParameters;
    private final Map<String, ParameterValue> globals;
    private final MethodSpec method;
    private final long seed;
    private final float[] output;

    TensorJob(String name, long[] shape, double position, float[] base, List<float[]> models,
            List<Map<String, ParameterValue>> modelParameters, Map<String, ParameterValue> globals, MethodSpec method,
            long seed) {
        this(name, shape, position, base, models, modelParameters, globals, method, seed, null);
    }

    /** A job whose kernel may write its result into {@code output} (null: a new array). */
    TensorJob(String name, long[] shape, double position, float[] base, List<float[]> models,
            List<Map<String, ParameterValue>> modelParameters, Map<String, ParameterValue> globals, MethodSpec method,
            long seed, float[] output) {
        this.name = name;
        this.shape = shape;
        this.position = position;
        this.base = base;
        this.models = models;
        this.modelParameters = modelParameters;
        this.globals = globals;
        this.method = method;
        this.seed = seed;
        this.output = output;
    }

    /**
     * An array for the result, as long as the models' arrays: the engine's reusable one when it
     * gave one of that length (its contents are then left over from an earlier piece, not zeros),
     * else a new one. A kernel must assign every element.
     */
    float[] output() {
        int n = models.isEmpty() ? base.length : models.get(0).length;
        return output != null && output.length == n ? output : new float[n];
    }

    String name() {
        return name;
    }

    long[] shape() {
        return shape;
    }

    float[] base() {
        return base;
    }

    List<float[]> models() {
        return models;
    }

    int size() {
        return models.size();
    }

    /** Per-model parameter {@code key} of model {@code i}: its own value, else the global, else the default. */
    double model(int i, String key) {
        ParameterValue own = modelParameters.get(i).get(key);
        if (own == null) {
            own = globals.get(key);
        }
        if (own != null) {
            return own.valueFor(name, position);
        }
        Double fallback = method.modelDefaults().get(key);
        if (fallback == null || fallback.isNaN()) {
            throw new IllegalArgumentException(method.name() + ": model " + (i + 1) + " has no parameter '" + key
                    + "' (required) for tensor '" + name + "'");
        }
        return fallback;
    }

    /** Global parameter {@code key}, else the method's default. */
    double global(String key) {
        ParameterValue value = globals.get(key);
        if (value != null) {
            return value.valueFor(name, position);
        }
        return method.globalDefaults().get(key);
    }

    /** Global parameter {@code key}, else {@code fallback} (for methods that do not declare it). */
    double globalOr(String key, double fallback) {
        ParameterValue value = globals.get(key);
        return value != null ? value.valueFor(name, position) : method.globalDefaults().getOrDefault(key, fallback);
    }

    boolean flag(String key) {
        return global(key) != 0;
    }

    /** The random source for model {@code i} on this tensor. */
    SplittableRandom random(int i) {
        long h = seed * 0x9E3779B97F4A7C15L + name.hashCode();
        h = h * 31 + i;
        return new SplittableRandom(h ^ (h >>> 29));
    }

    /** The deltas {@code model_i - base}. */
    float[][] deltas() {
        float[][] d = new float[models.size()][];
        for (int i = 0; i < d.length; i++) {
            d[i] = Kernels.minus(models.get(i), base);
        }
        return d;
    }

    /** The length of the last dimension (1 for a scalar). */
    int rowLength() {
        return shape.length == 0 ? 1 : (int) Math.max(1, shape[shape.length - 1]);
    }
}
