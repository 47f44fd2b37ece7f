package org.trainkit.reweight;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.trainkit.schedules.Spec;
import org.trainkit.schedules.SpecArgs;
import org.trainkit.schedules.SpecException;
import org.trainkit.schedules.SpecKey;
import org.trainkit.schedules.SpecParser;

/**
 * Every strategy of the text form in one list, and the way in: {@link #parse} reads
 * {@code name(key=value, ...)} (the notation of the schedules) into a {@link Strategy};
 * {@link #kinds()} lists the names with their keys and defaults. Unknown names, unknown or missing
 * keys, values of the wrong kind and impossible values are {@link SpecException}s naming the
 * strategy, the key and why. Formulas and published settings: REFERENCES.md section 3.
 */
public final class Strategies {

    private static final SpecKey R = SpecKey.optional("r", "1", "softmax temperature, > 0 (1.0 small models, 0.4 deeper)");
    private static final SpecKey WARMUP = SpecKey.optional("warmup", "1000", "steps of uniform weights first, >= 0");
    private static final SpecKey BETA = SpecKey.optional("beta", "0.9999",
            "effective-number beta in [0, 1): class weight (1 - beta) / (1 - beta^n)");

    private static final List<StrategyKind> KINDS = List.of(
            kind(Uniform.NAME, "every sample weighs 1 (plain ERM)", a -> new Uniform()),
            kind("linupper", "loss-based reweighting, f(x) = min(x + 1, 1): down-weights low-loss samples (Sow et al., "
                    + "ICLR 2025)", a -> lossBased(LossShape.LINUPPER, a), R, WARMUP),
            kind("quadratic", "loss-based reweighting, f(x) = 1 - x^2 (Sow et al., ICLR 2025)",
                    a -> lossBased(LossShape.QUADRATIC, a), R, WARMUP),
            kind("extremes", "loss-based reweighting, f(x) = |x| (Sow et al., ICLR 2025)",
                    a -> lossBased(LossShape.EXTREMES, a), R, WARMUP),
            kind(Focal.NAME, "focal-loss weights (1 - p_t)^gamma (Lin et al., ICCV 2017)",
                    a -> new Focal(a.number("gamma")), SpecKey.optional("gamma", "2", "focusing exponent, >= 0")),
            kind(FeasibleLearning.NAME, "Feasible Learning: per-sample multipliers for l_i <= eps, kept by sample id "
                    + "(Ramirez et al., AISTATS 2025)",
                    a -> new FeasibleLearning(a.number("eps"), a.number("dual_lr"), a.number("slack")),
                    SpecKey.optional("eps", "0.51", "the per-sample loss bound, >= 0 (ln(1/0.6) on CIFAR-10)"),
                    SpecKey.optional("dual_lr", "1e-4", "dual step size, > 0"),
                    SpecKey.optional("slack", "0", "relaxation (decay on the multipliers), >= 0; 0 is strict")),
            kind(ClassBalanced.NAME, "class-balanced weights by effective number of samples (Cui et al., CVPR 2019)",
                    a -> new ClassBalanced(a.number("beta")), BETA),
            kind(LdamDrw.NAME, "LDAM margins n_j^(-1/4) with deferred class-balanced re-weighting (Cao et al., "
                    + "NeurIPS 2019)",
                    a -> new LdamDrw(a.number("max_margin"), a.number("scale"), a.number("beta"), a.whole("defer")),
                    SpecKey.optional("max_margin", "0.5", "margin of the rarest class, > 0"),
                    SpecKey.optional("scale", "30", "logit scale s, > 0 (30 on normalised logits)"), BETA,
                    SpecKey.required("defer", "the step from which class-balanced weights apply, >= 0")),
            kind(HardBatches.NAME, "train each epoch on the highest-loss mini-batches (\"Can we learn better with hard "
                    + "samples?\")", a -> new HardBatches(a.number("keep")),
                    SpecKey.optional("keep", "0.5", "share of each epoch's mini-batches trained on, in (0, 1]")),
            kind(ProgressiveDropout.NAME, "Progressive Data Dropout: drop learned samples until a revision epoch",
                    a -> new ProgressiveDropout(a.number("threshold"), a.whole("revision")),
                    SpecKey.optional("threshold", "0.3", "loss below which a sample counts as learned, > 0"),
                    SpecKey.required("revision", "0-based epoch from which all samples are used again, >= 1")),
            kind(RandomSubsets.NAME, "RS2: a fresh random subset each epoch (Okanovic et al. 2023)",
                    a -> new RandomSubsets(a.number("fraction")),
                    SpecKey.optional("fraction", "0.1", "share of the training set per epoch, in (0, 1]")),
            kind(DoReMi.NAME, "DoReMi group weights from a reference model's excess loss (Xie et al., NeurIPS 2023)",
                    a -> new DoReMi(a.number("eta"), a.number("smoothing")),
                    SpecKey.optional("eta", "1", "step size, > 0"),
                    SpecKey.optional("smoothing", "1e-4", "mix c with uniform weights, in [0, 1]")),
            kind(BilevelGroupWeights.NAME, "first-order bilevel group weights against a validation loss (after "
                    + "ScaleBiO, Pan et al. 2024)", a -> new BilevelGroupWeights(a.number("lr")),
                    SpecKey.required("lr", "outer step size, > 0")),
            kind(MinSnr.NAME, "Min-SNR-gamma diffusion timestep weights (Hang et al., ICCV 2023)",
                    a -> new MinSnr(a.number("gamma"), a.choice("target", DiffusionTarget.values())),
                    SpecKey.optional("gamma", "5", "the SNR clamp, > 0"),
                    SpecKey.optional("target", "epsilon", "what the model predicts: x0, epsilon or v")));

    private static final Map<String, StrategyKind> BY_NAME =
            KINDS.stream().collect(Collectors.toUnmodifiableMap(StrategyKind::name, Function.identity()));

    private Strategies() {
    }

    /** Every kind, in the order above. */
    public static List<StrategyKind> kinds() {
        return KINDS;
    }

    /** The kind named {@code name}. */
    public static StrategyKind kind(String name) {
        StrategyKind kind = BY_NAME.get(name);
        if (kind == null) {
            throw new SpecException("unknown strategy '" + name + "'; strategies: "
                    + KINDS.stream().map(StrategyKind::name).collect(Collectors.joining(", ")));
        }
        return kind;
    }

    /** Reads a strategy's text form, e.g. {@code linupper(r=1, warmup=1000)}. */
    public static Strategy parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SpecException("bad strategy: empty text, expected a strategy such as linupper(r=1, warmup=1000)");
        }
        Spec spec = SpecParser.parse(text);
        return kind(spec.name()).build(spec);
    }

    /** Reads a per-sample weighting strategy; other kinds are an error naming them. */
    public static Reweighting reweighting(String text) {
        return as(Reweighting.class, "a per-sample weighting (uniform, linupper, ..., ldam_drw)", text);
    }

    /** Reads a batch-selection strategy (hard_batch, pdd, rs2); other kinds are an error naming them. */
    public static Selection selection(String text) {
        return as(Selection.class, "a batch selection (hard_batch, pdd, rs2)", text);
    }

    private static <T extends Strategy> T as(Class<T> type, String expected, String text) {
        Strategy strategy = parse(text);
        if (!type.isInstance(strategy)) {
            throw new SpecException(strategy.name() + " is not " + expected + ": '" + text.strip() + "'");
        }
        return type.cast(strategy);
    }

    private static LossReweighting lossBased(LossShape shape, SpecArgs a) {
        return new LossReweighting(shape, a.number("r"), a.whole("warmup"));
    }

    private static StrategyKind kind(String name, String description, Function<SpecArgs, Strategy> factory,
            SpecKey... keys) {
        return new StrategyKind(name, description, List.of(keys), factory);
    }
}
