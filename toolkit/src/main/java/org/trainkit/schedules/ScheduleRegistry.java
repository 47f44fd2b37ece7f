package org.trainkit.schedules;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every schedule of the text form in one list: name, one-line description with its source, keys
 * with defaults (in canonical printing order), and how the keys become a schedule. Adding a
 * schedule means adding its class and one entry here. Conventions: REFERENCES.md section 2.
 */
public final class ScheduleRegistry {

    private static final SpecKey PEAK = SpecKey.required("peak", "the peak learning rate, > 0");
    private static final SpecKey FINAL = SpecKey.optional("final", "0",
            "the rate the decay ends at (reached at step total), in [0, peak]");
    private static final SpecKey WARMUP = SpecKey.optional("warmup", "0",
            "steps of linear warmup from 0: lr = peak * t / warmup for t < warmup");
    private static final SpecKey TOTAL = SpecKey.required("total", "number of optimizer steps");
    private static final SpecKey DECAY_START = SpecKey.oneOf("decay_start",
            "the step D where the cooldown starts, in [warmup, total)");
    private static final SpecKey DECAY = SpecKey.oneOf("decay",
            "the cooldown as the last fraction of the run, in (0, 1]: D = total - decay * total");

    private static final List<ScheduleKind> KINDS = List.of(
            kind(Constant.NAME, "constant rate after the warmup (baseline)",
                    a -> new Constant(a.number("peak"), a.steps("warmup"), a.steps("total")),
                    PEAK, WARMUP, TOTAL),
            kind(Cosine.NAME, "cosine decay from peak to final, s = (t - warmup) / (total - warmup) (SGDR, arXiv "
                            + "1608.03983)",
                    a -> new Cosine(a.number("peak"), a.number("final"), a.steps("warmup"), a.steps("total")),
                    PEAK, FINAL, WARMUP, TOTAL),
            kind(LinearDecay.NAME, "linear decay from peak to final; final=0 is D2Z (arXiv 2502.15938)",
                    a -> new LinearDecay(a.number("peak"), a.number("final"), a.steps("warmup"), a.steps("total")),
                    PEAK, FINAL, WARMUP, TOTAL),
            kind(Wsd.NAME, "warmup-stable-decay: hold peak, then a cooldown from step D to total (MiniCPM, arXiv "
                            + "2404.06395; arXiv 2405.18392)",
                    a -> new Wsd(a.number("peak"), a.number("final"), a.steps("warmup"), a.steps("total"),
                            cooldownStart(a), a.choice("shape", Cooldown.values())),
                    PEAK, FINAL, WARMUP, TOTAL, DECAY_START, DECAY,
                    SpecKey.optional("shape", "linear", "cooldown shape: linear, sqrt (1-sqrt), square, cosine, exp")),
            kind(WsdS.NAME, "WSD-S: hold peak, then 1/lr linear from 1/peak to 1/final (arXiv 2410.05192)",
                    a -> new WsdS(a.number("peak"), a.number("final"), a.steps("warmup"), a.steps("total"),
                            cooldownStart(a)),
                    PEAK, SpecKey.required("final", "the rate the cooldown ends at, in (0, peak]"), WARMUP, TOTAL,
                    DECAY_START, DECAY),
            kind(Infinite.NAME, "infinite schedule: cosine cooldown to a constant, hold, optional final anneal "
                            + "(arXiv 2403.08763, 2503.02844)",
                    a -> new Infinite(a.number("peak"), a.number("constant"), a.number("final"), a.steps("warmup"),
                            a.steps("total"), a.steps("cooldown"), a.steps("anneal"),
                            a.choice("anneal_shape", Cooldown.values())),
                    PEAK, SpecKey.required("constant", "the long-running rate, in [0, peak]"),
                    SpecKey.optional("final", "0", "the rate the anneal ends at, in [0, constant]"), WARMUP, TOTAL,
                    SpecKey.required("cooldown", "steps of the cosine cooldown from peak to constant"),
                    SpecKey.optional("anneal", "0", "steps of the final anneal from constant to final (0: none)"),
                    SpecKey.optional("anneal_shape", "linear",
                            "anneal shape: linear, sqrt (1-sqrt), square, cosine, exp")),
            kind(Cyclic.NAME, "cyclical triangular rates between base and max (Smith, arXiv 1506.01186)",
                    a -> new Cyclic(a.number("base"), a.number("max"), a.steps("half_period"), a.steps("total"),
                            a.choice("mode", CyclicMode.values())),
                    SpecKey.required("base", "the lowest rate, >= 0"),
                    SpecKey.required("max", "the highest rate, >= base"),
                    SpecKey.required("half_period", "steps from base to max"), TOTAL,
                    SpecKey.optional("mode", "triangular", "triangular, or triangular2 (amplitude halves each cycle)")),
            kind(OneCycle.NAME, "one-cycle: cosine up from peak/div to peak, then down to peak/div/final_div "
                            + "(arXiv 1708.07120)",
                    a -> new OneCycle(a.number("peak"), a.steps("total"), a.number("up"), a.number("div"),
                            a.number("final_div")),
                    PEAK, TOTAL, SpecKey.optional("up", "0.3", "the rising share of the run, in (0, 1)"),
                    SpecKey.optional("div", "25", "the start rate is peak / div"),
                    SpecKey.optional("final_div", "10000", "the end rate is peak / div / final_div")),
            kind(InverseSqrt.NAME, "inverse square root: peak * sqrt(timescale / (t - warmup + timescale)) "
                            + "(Transformer, arXiv 1706.03762)",
                    a -> new InverseSqrt(a.number("peak"), a.steps("warmup"), a.steps("total"), a.steps("timescale")),
                    PEAK, WARMUP, TOTAL,
                    SpecKey.required("timescale", "steps after the warmup at which lr = peak / sqrt(2)")),
            kind(StepDecay.NAME, "step decay: peak * factor^floor((t - warmup) / every) (ResNet, arXiv 1512.03385)",
                    a -> new StepDecay(a.number("peak"), a.steps("warmup"), a.steps("total"), a.steps("every"),
                            a.number("factor")),
                    PEAK, WARMUP, TOTAL, SpecKey.required("every", "steps between drops"),
                    SpecKey.optional("factor", "0.1", "the multiplier at each drop, in (0, 1]")),
            kind(ExponentialDecay.NAME, "exponential decay: peak * factor^((t - warmup) / every)",
                    a -> new ExponentialDecay(a.number("peak"), a.steps("warmup"), a.steps("total"),
                            a.number("factor"), a.steps("every")),
                    PEAK, WARMUP, TOTAL, SpecKey.required("factor", "the multiplier per 'every' steps, in (0, 1]"),
                    SpecKey.optional("every", "1", "steps per factor")),
            kind(Piecewise.NAME, "knots step:lr at absolute steps, held or interpolated (MPL wsdcon, arXiv "
                            + "2503.12811)",
                    a -> new Piecewise(a.steps("warmup"), a.steps("total"), a.knots("points"),
                            a.choice("interp", Interpolation.values())),
                    WARMUP, TOTAL, SpecKey.required("points", "knots [step:lr, ...], the first at step 0"),
                    SpecKey.optional("interp", "constant", "constant (hold each knot) or linear")),
            kind(Refined.NAME, "refined from gradient norms: w_t ~ g_t^-2 sum_{p>t} g_p^-2, scaled to peak "
                            + "(arXiv 2310.07831)",
                    a -> new Refined(a.number("peak"), a.steps("warmup"), a.steps("median"), a.numbers("norms")),
                    PEAK, WARMUP, SpecKey.required("median", "the median filter's window on the norms, odd (1: none)"),
                    SpecKey.required("norms", "one gradient norm per step [g0, g1, ...]; total = their count")),
            kind(WarmupThen.NAME, "a linear warmup from 0 in front of any schedule; total = steps + its total",
                    a -> new WarmupThen(a.steps("steps"), a.schedule("schedule")),
                    SpecKey.required("steps", "warmup steps"),
                    SpecKey.required("schedule", "the schedule that follows, e.g. cosine(...)")),
            kind(Concat.NAME, "schedules one after another, each from its own step 0",
                    a -> new Concat(a.schedules("parts")),
                    SpecKey.required("parts", "the schedules [a(...), b(...), ...]")));

    private static final Map<String, ScheduleKind> BY_NAME =
            KINDS.stream().collect(Collectors.toUnmodifiableMap(ScheduleKind::name, k -> k));

    private ScheduleRegistry() {
    }

    /** Every schedule kind, in listing order. */
    public static List<ScheduleKind> kinds() {
        return KINDS;
    }

    /** The kind with this name, or an error listing the known names. */
    public static ScheduleKind kind(String name) {
        ScheduleKind kind = BY_NAME.get(name);
        if (kind == null) {
            throw new SpecException("unknown schedule '" + name + "'; known: "
                    + KINDS.stream().map(ScheduleKind::name).collect(Collectors.joining(", ")));
        }
        return kind;
    }

    static Schedule build(Spec spec) {
        return kind(spec.name()).build(spec);
    }

    private static CooldownStart cooldownStart(SpecArgs a) {
        return a.oneOf("decay_start", "decay").equals("decay")
                ? CooldownStart.lastFraction(a.number("decay"))
                : CooldownStart.atStep(a.steps("decay_start"));
    }

    private static ScheduleKind kind(String name, String description, Function<SpecArgs, Schedule> factory,
                                     SpecKey... keys) {
        return new ScheduleKind(name, description, List.of(keys), factory);
    }
}
