package org.trainkit.schedules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A schedule given by knots {@code step:lr} at absolute steps, held constant or interpolated
 * linearly between them (the last knot's rate holds to the end), after an optional linear warmup
 * from 0 to the knots' rate at step {@code warmup}. The first knot is at step 0. The
 * multi-power-law paper's {@code wsdcon_X} schedules (Luo et al., arXiv 2503.12811) are
 * {@code piecewise(warmup=2160, total=16000, points=[0:3e-4, 8000:X*1e-5], interp=constant)}.
 *
 * @param warmup warmup steps, {@code 0 <= warmup < total}
 * @param total  number of steps
 * @param points knots with strictly increasing steps, the first at 0, all before {@code total}
 * @param interp how to fill the steps between knots
 */
public record Piecewise(int warmup, int total, List<Knot> points, Interpolation interp) implements Schedule {

    static final String NAME = "piecewise";

    public Piecewise {
        Check.warmup(NAME, warmup, total);
        points = List.copyOf(points);
        Objects.requireNonNull(interp, "interp");
        if (points.isEmpty()) {
            throw Check.error(NAME, "points", "a non-empty list of step:lr knots", "[]");
        }
        if (points.get(0).step() != 0) {
            throw Check.error(NAME, "points", "a list whose first knot is at step 0", "step " + points.get(0).step());
        }
        for (int i = 0; i < points.size(); i++) {
            Knot knot = points.get(i);
            Check.rate(NAME, "points", knot.lr());
            if (i > 0 && knot.step() <= points.get(i - 1).step()) {
                throw Check.error(NAME, "points", "a list of knots with increasing steps",
                        knot.step() + " after " + points.get(i - 1).step());
            }
            if (knot.step() >= total) {
                throw Check.error(NAME, "points", "a list of knots before total = " + total, "step " + knot.step());
            }
        }
    }

    /** The piecewise-constant schedule with exactly these per-step rates (a knot where the rate changes). */
    public static Piecewise of(double[] rates) {
        List<Knot> knots = new ArrayList<>();
        for (int t = 0; t < rates.length; t++) {
            if (t == 0 || Double.compare(rates[t], rates[t - 1]) != 0) {
                knots.add(new Knot(t, rates[t]));
            }
        }
        return new Piecewise(0, rates.length, knots, Interpolation.CONSTANT);
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, total);
        return step < warmup ? Phases.warmup(step, level(warmup), warmup) : level(step);
    }

    private double level(int step) {
        int lo = 0;
        int hi = points.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (points.get(mid).step() <= step) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        Knot knot = points.get(lo);
        if (interp == Interpolation.CONSTANT || lo == points.size() - 1) {
            return knot.lr();
        }
        Knot next = points.get(lo + 1);
        double s = (double) (step - knot.step()) / (next.step() - knot.step());
        return knot.lr() + (next.lr() - knot.lr()) * s;
    }

    @Override
    public int totalSteps() {
        return total;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).steps("warmup", warmup).steps("total", total).knots("points", points)
                .word("interp", interp.specName()).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
