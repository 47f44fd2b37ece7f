package org.trainkit.curves;

import java.util.List;

/**
 * A law's family without parameter values: what {@link Fit} fits. Each form knows its parameters,
 * how to evaluate itself on a curve with its Jacobian, and where to start the optimiser.
 *
 * <pre>{@code
 * Fit.of(LawForm.multiPower()).on(train).run();
 * Fit.of(LawForm.annealing(0.999)).on(train).run();   // lambda fixed
 * }</pre>
 */
public abstract sealed class LawForm permits PowerLawForm, AnnealingLawForm, MultiPowerLawForm {

    private final String name;
    private final List<Parameter> parameters;

    LawForm(String name, List<Parameter> parameters) {
        this.name = name;
        this.parameters = List.copyOf(parameters);
    }

    /** The multi-power law, seven parameters (Luo et al. 2025; see {@link MultiPowerLaw}). */
    public static LawForm multiPower() {
        return new MultiPowerLawForm();
    }

    /** The learning-rate annealing law with {@code lambda} fitted (Tissue et al. 2024; see {@link AnnealingLaw}). */
    public static LawForm annealing() {
        return new AnnealingLawForm(Double.NaN);
    }

    /** The learning-rate annealing law with {@code lambda} fixed (the paper suggests 0.999). */
    public static LawForm annealing(double lambda) {
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1): " + lambda);
        }
        return new AnnealingLawForm(lambda);
    }

    /** The power law in steps {@code E + A t^-alpha} (see {@link PowerLaw}). */
    public static LawForm power() {
        return new PowerLawForm();
    }

    /** The short name: {@code mpl}, {@code annealing} or {@code power}. */
    public final String name() {
        return name;
    }

    /** The names of the fitted parameters, in order. */
    public final List<String> parameterNames() {
        return parameters.stream().map(Parameter::name).toList();
    }

    /** The law with these values for {@link #parameterNames()}, in order. */
    public abstract Law law(double... values);

    final List<Parameter> parameters() {
        return parameters;
    }

    /** This form prepared for a curve with these per-step learning rates, queried at {@code steps}. */
    abstract CurveModel model(double[] lr, int[] steps);

    /** A starting point for the optimiser, from a cheap grid search on the prepared curves. */
    abstract double[] start(List<CurveModel> models, List<double[]> losses, double huberDelta);

    /**
     * Further starting points to try, in order, when the optimiser fails from {@code start}; none by
     * default.
     */
    List<double[]> fallbackStarts(List<CurveModel> models, List<double[]> losses, double huberDelta, double[] start) {
        return List.of();
    }

    /**
     * Whether {@link Fit} should also try the fallback starts when the first optimum has
     * unidentified parameters ({@link FitResult#warnings()}); false by default.
     */
    boolean retriesWhenNotIdentified() {
        return false;
    }

    /** Why the law is undefined at this query step of {@code model}, or null where it is defined. */
    String undefinedAt(CurveModel model, int step) {
        return model.s1[step] > 0 ? null : "the summed learning rate S1 is 0 and S1^-alpha infinite";
    }

    final void checkCount(double[] values) {
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException(name + " takes " + parameters.size() + " parameters "
                    + parameterNames() + ", got " + values.length);
        }
    }

    @Override
    public String toString() {
        return name + parameterNames();
    }
}
