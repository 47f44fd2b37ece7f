package org.trainkit.merge;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.trainkit.merge.MethodSpec.BaseRule;
import org.trainkit.merge.TaskArithmetic.Sparsifier;

/**
 * Every merge method by its {@code merge_method} name, with the parameter names and defaults of
 * the popular Python merge tool where it has the method (REFERENCES.md section 4), and the methods
 * it lacks: {@code ema} and the metrics-weighted averages {@code mwa_loss} and {@code mwa_step}.
 * Greedy soups, LCSC and weight matching need a score or a model structure and are Java APIs
 * ({@link GreedySoup}, {@link Lcsc}, {@link WeightMatching}) built on this engine.
 */
public final class MergeMethods {

    private static final double REQUIRED = Double.NaN;
    private static final Map<String, MethodSpec> METHODS = new LinkedHashMap<>();

    static {
        add("linear", BaseRule.UNUSED, 1, Integer.MAX_VALUE, keys("weight", REQUIRED), keys("normalize", 1),
                MergeMethods::linear, "sum_i w_i theta_i, divided by sum_i w_i when normalize (model soups, Wortsman et al. 2022)");
        family("task_arithmetic", Sparsifier.NONE, false, false, false, "base + lambda sum_i w_i delta_i (Ilharco et al. 2023)");
        family("ties", Sparsifier.MAGNITUDE, true, true, false, "top-density deltas by magnitude, elected sign, mean of agreeing (Yadav et al. 2023)");
        family("dare_ties", Sparsifier.RANDOM, true, false, true, "Bernoulli(density) drop, L1 rescale, elected sign (Yu et al. 2024)");
        family("dare_linear", Sparsifier.RANDOM, false, false, true, "Bernoulli(density) drop, L1 rescale, weighted sum (Yu et al. 2024)");
        family("breadcrumbs", Sparsifier.MAGNITUDE_OUTLIERS, false, false, false, "drop the largest gamma and smallest deltas (Davari and Belilovsky 2024)");
        family("breadcrumbs_ties", Sparsifier.MAGNITUDE_OUTLIERS, true, false, false, "breadcrumbs with the elected sign");
        family("della", Sparsifier.DELLA, true, true, true, "keep probability by magnitude rank in each row, L1 rescale, elected sign (Deep et al. 2024)");
        family("della_linear", Sparsifier.DELLA, false, false, true, "della without sign election");
        add("slerp", BaseRule.REQUIRED, 1, 1, keys(), keys("t", REQUIRED), MergeMethods::slerp,
                "spherical interpolation from the base (t = 0) to the other model (t = 1) over the flattened tensor");
        add("nuslerp", BaseRule.OPTIONAL, 2, 2, keys("weight", REQUIRED), keys("nuslerp_flatten", 1, "nuslerp_row_wise", 0),
                MergeMethods::nuslerp, "slerp with t = w2 / (w1 + w2), of the task vectors when there is a base; whole tensor or row-wise");
        add("multislerp", BaseRule.OPTIONAL, 2, Integer.MAX_VALUE, keys("weight", REQUIRED), keys("eps", 1e-8),
                job -> sphericalMean(job, 1), "one tangent-space step from the normalised weighted mean, rescaled by the mean norm");
        add("karcher", BaseRule.OPTIONAL, 2, Integer.MAX_VALUE, keys("weight", 1), keys("max_iter", 10, "tol", 1e-5),
                job -> sphericalMean(job, (int) job.global("max_iter")), "weighted Riemannian mean of the unit tensors, rescaled (Karcher 1977)");
        add("model_stock", BaseRule.REQUIRED, 2, Integer.MAX_VALUE, keys(), keys("filter_wise", 0), MergeMethods::modelStock,
                "t = N cos / (1 + (N - 1) cos), cos clamped to [0, 1]; t mean + (1 - t) base (Jang et al. 2024)");
        add("passthrough", BaseRule.UNUSED, 1, 1, keys("scale", 1), keys(), MergeMethods::passthrough,
                "copies the tensor, times scale");
        add("ema", BaseRule.UNUSED, 1, Integer.MAX_VALUE, keys(), keys("decay", 0.9), MergeMethods::ema,
                "exponential moving average over the models in trajectory order: e_k = decay e_(k-1) + (1 - decay) theta_k");
        add("mwa_loss", BaseRule.UNUSED, 1, Integer.MAX_VALUE, keys("loss", REQUIRED), keys("penalty", 1),
                job -> metricWeighted(job, "loss"), "w_i proportional to (min_j L_j / L_i)^penalty; loss from each checkpoint's metadata");
        add("mwa_step", BaseRule.UNUSED, 1, Integer.MAX_VALUE, keys("step", REQUIRED), keys("penalty", 1),
                job -> metricWeighted(job, "step"), "w_i proportional to (s_i / max_j s_j)^penalty; step from each checkpoint's metadata");
    }

    /** Methods computed element by element, so the engine streams their tensors in chunks. */
    private static final java.util.Set<String> ELEMENT_WISE = java.util.Set.of("linear", "task_arithmetic", "passthrough",
            "ema", "mwa_loss", "mwa_step");

    private MergeMethods() {
    }

    /** Whether method {@code name} computes each element from the same element of its inputs only. */
    static boolean elementWise(String name) {
        return ELEMENT_WISE.contains(name);
    }

    /** The element-wise methods' names, sorted. */
    static List<String> elementWiseNames() {
        return ELEMENT_WISE.stream().sorted().toList();
    }

    /** The method names, in the order of the README's table. */
    public static List<String> names() {
        return List.copyOf(METHODS.keySet());
    }

    /** One line per method: name, parameters with defaults, what it computes. */
    public static String describe(String name) {
        MethodSpec m = spec(name);
        return name + " [base " + m.base().name().toLowerCase() + "; per model " + text(m.modelDefaults())
                + "; global " + text(m.globalDefaults()) + "]: " + m.description();
    }

    static MethodSpec spec(String name) {
        MethodSpec spec = METHODS.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("merge_method: unknown method '" + name + "'; expected one of " + names());
        }
        return spec;
    }

    private static String text(Map<String, Double> keys) {
        List<String> parts = new ArrayList<>();
        keys.forEach((k, v) -> parts.add(k + (v.isNaN() ? " (required)" : "=" + (v == Math.rint(v) && Math.abs(v) < 1e6
                ? Long.toString(v.longValue()) : v.toString()))));
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static void add(String name, BaseRule base, int min, int max, Map<String, Double> model,
            Map<String, Double> global, Function<TensorJob, float[]> kernel, String description) {
        METHODS.put(name, new MethodSpec(name, base, min, max, model, global, kernel, description));
    }

    private static void family(String name, Sparsifier sparsifier, boolean consensus, boolean normalize, boolean rescale,
            String description) {
        Map<String, Double> model = keys("weight", REQUIRED);
        if (sparsifier != Sparsifier.NONE) {
            model.put("density", 1.0);
        }
        if (sparsifier == Sparsifier.MAGNITUDE_OUTLIERS) {
            model.put("gamma", 0.01);
        }
        if (sparsifier == Sparsifier.DELLA) {
            model.put("epsilon", 0.15);
        }
        Map<String, Double> global = keys("lambda", 1, "normalize", normalize ? 1 : 0, "rescale", rescale ? 1 : 0,
                "int8_mask", 0);
        add(name, BaseRule.REQUIRED, 1, Integer.MAX_VALUE, model, global,
                job -> TaskArithmetic.merge(job, sparsifier, consensus), description);
    }

    private static Map<String, Double> keys(Object... pairs) {
        Map<String, Double> keys = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            keys.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return keys;
    }

    static float[] weightedSum(TensorJob job, double[] weights, boolean normalize) {
        float[] out = job.output();
        float[] first = job.models().get(0);
        float w0 = (float) weights[0];
        for (int j = 0; j < out.length; j++) {
            out[j] = 0f + w0 * first[j]; // as an accumulation from zero (0 + -0 is +0)
        }
        double total = weights[0];
        for (int i = 1; i < weights.length; i++) {
            Kernels.addScaled(out, job.models().get(i), (float) weights[i]);
            total += weights[i];
        }
        if (normalize) {
            if (Math.abs(total) < 1e-8) {
                throw new IllegalArgumentException(job.name() + ": the weights sum to " + total + ", cannot normalize");
            }
            float f = (float) (1 / total);
            for (int j = 0; j < out.length; j++) {
                out[j] *= f;
            }
        }
        return out;
    }

    private static float[] linear(TensorJob job) {
        double[] w = new double[job.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = job.model(i, "weight");
        }
        return weightedSum(job, w, job.flag("normalize"));
    }

    private static float[] slerp(TensorJob job) {
        return Spherical.slerp(job.global("t"), job.base(), job.models().get(0));
    }

    private static float[] nuslerp(TensorJob job) {
        double w0 = job.model(0, "weight");
        double w1 = job.model(1, "weight");
        if (w0 + w1 == 0) {
            throw new IllegalArgumentException(job.name() + ": nuslerp weights sum to 0");
        }
        double t = w1 / (w0 + w1);
        float[] a = job.models().get(0);
        float[] b = job.models().get(1);
        float[] base = job.base();
        if (base != null) {
            a = Kernels.minus(a, base);
            b = Kernels.minus(b, base);
        }
        float[] out = Spherical.nuslerp(t, a, b, job.shape(), job.flag("nuslerp_flatten"), job.flag("nuslerp_row_wise"));
        if (base != null) {
            Kernels.addScaled(out, base, 1f);
        }
        return out;
    }

    private static float[] sphericalMean(TensorJob job, int steps) {
        double[] w = new double[job.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = job.model(i, "weight");
        }
        float[][] tensors = job.base() == null ? job.models().toArray(new float[0][]) : job.deltas();
        float[] out;
        try {
            out = Spherical.karcher(tensors, w, steps, job.globalOr("tol", 1e-5));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(job.name() + ": " + e.getMessage(), e);
        }
        if (job.base() != null) {
            Kernels.addScaled(out, job.base(), 1f);
        }
        return out;
    }

    private static float[] modelStock(TensorJob job) {
        float[][] deltas = job.deltas();
        int k = deltas.length;
        float[] base = job.base();
        float[] out = new float[base.length];
        int row = job.flag("filter_wise") ? job.rowLength() : base.length;
        for (int start = 0; start < base.length; start += row) {
            double cos = 0;
            int pairs = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    cos += cosine(deltas[i], deltas[j], start, row);
                    pairs++;
                }
            }
            cos = Math.max(0, Math.min(1, cos / pairs));
            double t = k * cos / (1 + (k - 1) * cos);
            for (int e = start; e < start + row; e++) {
                double mean = 0;
                for (float[] m : job.models()) {
                    mean += m[e];
                }
                out[e] = (float) (t * mean / k + (1 - t) * base[e]);
            }
        }
        return out;
    }

    private static double cosine(float[] a, float[] b, int start, int n) {
        double d = 0;
        double sa = 0;
        double sb = 0;
        for (int i = start; i < start + n; i++) {
            d += (double) a[i] * b[i];
            sa += (double) a[i] * a[i];
            sb += (double) b[i] * b[i];
        }
        double denominator = Math.sqrt(sa) * Math.sqrt(sb);
        return denominator < 1e-12 ? 0 : d / denominator;
    }

    private static float[] passthrough(TensorJob job) {
        float scale = (float) job.model(0, "scale");
        float[] x = job.models().get(0);
        if (scale == 1f) {
            return x.clone();
        }
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = scale * x[i];
        }
        return out;
    }

    /** EMA weights over {@code n} models: decay^(n-1) for the first, (1 - decay) decay^(n-k) for model k >= 2. */
    static double[] emaWeights(int n, double decay) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("ema: decay must be in [0, 1), got " + decay);
        }
        double[] w = new double[n];
        w[0] = Math.pow(decay, n - 1);
        for (int k = 1; k < n; k++) {
            w[k] = (1 - decay) * Math.pow(decay, n - 1 - k);
        }
        return w;
    }

    private static float[] ema(TensorJob job) {
        return weightedSum(job, emaWeights(job.size(), job.global("decay")), false);
    }

    /**
     * Metrics-weighted averaging weights (after arXiv 2504.18580, whose exact formula is not known
     * here): by loss {@code w_i = (min_j L_j / L_i)^p}, by step {@code w_i = (s_i / max_j s_j)^p},
     * normalised to sum 1. Penalty 0 is the uniform average; as it grows the weight moves to the
     * lowest-loss (or the latest) checkpoint.
     */
    static double[] metricWeights(double[] metric, boolean byLoss, double penalty) {
        double best = byLoss ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        for (double m : metric) {
            if (!(m > 0) || Double.isInfinite(m)) {
                throw new IllegalArgumentException("mwa: every " + (byLoss ? "loss" : "step") + " must be positive and finite, got " + m);
            }
            best = byLoss ? Math.min(best, m) : Math.max(best, m);
        }
        if (!(penalty >= 0)) {
            throw new IllegalArgumentException("mwa: penalty must be >= 0, got " + penalty);
        }
        double[] w = new double[metric.length];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.pow(byLoss ? best / metric[i] : metric[i] / best, penalty);
            total += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= total;
        }
        return w;
    }

    private static float[] metricWeighted(TensorJob job, String key) {
        double[] metric = new double[job.size()];
        for (int i = 0; i < metric.length; i++) {
            metric[i] = job.model(i, key);
        }
        return weightedSum(job, metricWeights(metric, key.equals("loss"), job.global("penalty")), false);
    }

    /** Unmodifiable view for tests. */
    static Map<String, MethodSpec> all() {
        return Collections.unmodifiableMap(METHODS);
    }
}
