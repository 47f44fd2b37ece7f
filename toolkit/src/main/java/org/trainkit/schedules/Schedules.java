package org.trainkit.schedules;

import java.util.List;

/**
 * The entry point for schedules in notebook cells and tools: parse and print the text form, and
 * short factories for the common schedules, e.g.
 * {@code Schedules.parse("cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)")} or
 * {@code Schedules.wsd().peak(1e-3).warmup(100).total(5000).decay(0.2).shape(Cooldown.SQRT).build()}.
 * Formulas and conventions: REFERENCES.md section 2 and the javadoc of each schedule.
 */
public final class Schedules {

    private Schedules() {
    }

    /**
     * Reads a schedule's text form, e.g. {@code wsd(peak=1e-3, final=0, warmup=100, total=5000,
     * decay=0.2, shape=sqrt)}; keys may come in any order and defaulted keys may be left out.
     *
     * @throws SpecException naming the schedule, the key and why, when the text is wrong
     */
    public static Schedule parse(String text) {
        return ScheduleRegistry.build(SpecParser.parse(text));
    }

    /** The canonical text form of a schedule ({@link Schedule#spec()}). */
    public static String print(Schedule schedule) {
        return schedule.spec();
    }

    /** Every schedule kind with its keys and defaults. */
    public static List<ScheduleKind> kinds() {
        return ScheduleRegistry.kinds();
    }

    /** A constant rate after a linear warmup. */
    public static Constant constant(double peak, int warmup, int total) {
        return new Constant(peak, warmup, total);
    }

    /** Cosine decay from peak to finalLr after a linear warmup. */
    public static Cosine cosine(double peak, double finalLr, int warmup, int total) {
        return new Cosine(peak, finalLr, warmup, total);
    }

    /** Linear decay from peak to finalLr after a linear warmup. */
    public static LinearDecay linear(double peak, double finalLr, int warmup, int total) {
        return new LinearDecay(peak, finalLr, warmup, total);
    }

    /** D2Z: linear decay to zero after a linear warmup (Bergsma et al., arXiv 2502.15938). */
    public static LinearDecay d2z(double peak, int warmup, int total) {
        return new LinearDecay(peak, 0, warmup, total);
    }

    /** A builder for warmup-stable-decay. */
    public static WsdBuilder wsd() {
        return new WsdBuilder();
    }

    /** A linear warmup of {@code steps} steps in front of {@code schedule}. */
    public static WarmupThen warmup(int steps, Schedule schedule) {
        return new WarmupThen(steps, schedule);
    }

    /** The schedules one after another. */
    public static Concat concat(Schedule... parts) {
        return new Concat(List.of(parts));
    }

    /** The refined schedule from the gradient norms of a run (Defazio et al., arXiv 2310.07831). */
    public static Refined refined(double[] gradientNorms, double peak, int medianWindow) {
        return new Refined(peak, 0, medianWindow, gradientNorms);
    }

    /** The schedule with exactly these per-step rates. */
    public static Piecewise of(double[] rates) {
        return Piecewise.of(rates);
    }
}
