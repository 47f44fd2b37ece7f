package org.trainkit.curves;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A law's form prepared on a list of curves for fitting: one {@link CurveModel} per curve, the
 * logged losses of all curves end to end, and the least-squares problem over the parameters that are
 * not held fixed.
 */
final class PreparedCurves {

    final LawForm form;
    final List<CurveModel> models;
    final List<double[]> losses;
    final int[] sizes;
    final HuberLeastSquares problem;
    /** The fixed value of each parameter, NaN where the parameter is free. */
    private final double[] fixed;
    private final int[] freeIndex;

    private PreparedCurves(LawForm form, List<CurveModel> models, List<double[]> losses, double delta,
            Map<String, Double> fixedValues, Map<String, Double> ridgeCentres, double ridgeWeight) {
        this.form = form;
        this.models = List.copyOf(models);
        this.losses = List.copyOf(losses);
        this.sizes = models.stream().mapToInt(CurveModel::size).toArray();
        List<Parameter> parameters = form.parameters();
        this.fixed = new double[parameters.size()];
        List<Parameter> free = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (int p = 0; p < parameters.size(); p++) {
            Double value = fixedValues.get(parameters.get(p).name());
            fixed[p] = value == null ? Double.NaN : value;
            if (value == null) {
                free.add(parameters.get(p));
                index.add(p);
            }
        }
        this.freeIndex = index.stream().mapToInt(Integer::intValue).toArray();
        int total = 0;
        for (int size : sizes) {
            total += size;
        }
        double[] all = new double[total];
        int row = 0;
        for (double[] curve : losses) {
            System.arraycopy(curve, 0, all, row, curve.length);
            row += curve.length;
        }
        double[] weight = new double[free.size()];
        double[] centre = new double[free.size()];
        for (int p = 0; p < free.size(); p++) {
            Double value = ridgeCentres.get(free.get(p).name());
            if (value != null) {
                weight[p] = ridgeWeight;
                centre[p] = value;
            }
        }
        this.problem = new HuberLeastSquares(form.name(), free, this::predictFree, all, delta, weight, centre);
    }

    /**
     * Prepares {@code form} on {@code curves}, with some parameters held at fixed values.
     *
     * @throws FitException if there is nothing to fit or a point sits where the law is undefined
     */
    static PreparedCurves of(LawForm form, List<LossCurve> curves, double delta, Map<String, Double> fixedValues) {
        return of(form, curves, delta, fixedValues, Map.of(), 0);
    }

    /**
     * Prepares {@code form} on {@code curves} with some parameters fixed and a ridge penalty of
     * {@code ridgeWeight} (in log space) pulling others towards {@code ridgeCentres}.
     */
    static PreparedCurves of(LawForm form, List<LossCurve> curves, double delta, Map<String, Double> fixedValues,
            Map<String, Double> ridgeCentres, double ridgeWeight) {
        if (curves.isEmpty()) {
            throw new FitException(FitException.Reason.BAD_DATA, form.name() + " fit: no curves to fit");
        }
        if (fixedValues.size() >= form.parameters().size()) {
            throw new FitException(FitException.Reason.BAD_DATA, form.name() + " fit: every parameter is fixed");
        }
        List<CurveModel> models = new ArrayList<>();
        List<double[]> losses = new ArrayList<>();
        for (LossCurve curve : curves) {
            if (curve.size() == 0) {
                throw new FitException(FitException.Reason.BAD_DATA, form.name() + " fit: curve " + curve.name()
                        + " has no logged points");
            }
            CurveModel model = form.model(curve.lr, curve.steps);
            for (int step : curve.steps) {
                String undefined = form.undefinedAt(model, step);
                if (undefined != null) {
                    throw new FitException(FitException.Reason.BAD_DATA, form.name() + " fit: curve " + curve.name()
                            + " logs a loss at step " + step + ", where " + undefined
                            + ": leave it out with curve.from(" + (step + 1) + ")");
                }
            }
            models.add(model);
            losses.add(curve.losses);
        }
        return new PreparedCurves(form, models, losses, delta, fixedValues, ridgeCentres, ridgeWeight);
    }

    /** Prepares {@code form} on {@code curves} with every parameter free. */
    static PreparedCurves of(LawForm form, List<LossCurve> curves, double delta) {
        return of(form, curves, delta, new LinkedHashMap<>());
    }

    /** The free parameters' values out of a full parameter vector. */
    double[] free(double[] full) {
        double[] values = new double[freeIndex.length];
        for (int i = 0; i < freeIndex.length; i++) {
            values[i] = full[freeIndex[i]];
        }
        return values;
    }

    /** A full parameter vector from the free parameters' values and the fixed ones. */
    double[] full(double[] free) {
        double[] values = fixed.clone();
        for (int i = 0; i < freeIndex.length; i++) {
            values[freeIndex[i]] = free[i];
        }
        return values;
    }

    private void predictFree(double[] free, double[] out, double[][] jacobian) {
        double[] params = full(free);
        double[][] fullJacobian = jacobian == null ? null : new double[out.length][fixed.length];
        int row = 0;
        for (CurveModel model : models) {
            model.predict(params, out, fullJacobian, row);
            row += model.size();
        }
        if (jacobian != null) {
            for (int i = 0; i < out.length; i++) {
                for (int p = 0; p < freeIndex.length; p++) {
                    jacobian[i][p] = fullJacobian[i][freeIndex[p]];
                }
            }
        }
    }
}
