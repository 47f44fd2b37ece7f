package org.trainkit.curves;

import java.util.ArrayList;
import java.util.List;

/**
 * A law's form prepared on a list of curves for fitting: one {@link CurveModel} per curve, the
 * logged losses of all curves end to end, and the least-squares problem over them.
 */
final class PreparedCurves {

    final LawForm form;
    final List<CurveModel> models;
    final List<double[]> losses;
    final int[] sizes;
    final HuberLeastSquares problem;

    private PreparedCurves(LawForm form, List<CurveModel> models, List<double[]> losses, double delta) {
        this.form = form;
        this.models = List.copyOf(models);
        this.losses = List.copyOf(losses);
        this.sizes = models.stream().mapToInt(CurveModel::size).toArray();
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
        this.problem = new HuberLeastSquares(form.name(), form.parameters(), this::predict, all, delta);
    }

    /**
     * Prepares {@code form} on {@code curves}.
     *
     * @throws FitException if there is nothing to fit or a point sits where the law is undefined
     */
    static PreparedCurves of(LawForm form, List<LossCurve> curves, double delta) {
        if (curves.isEmpty()) {
            throw new FitException(FitException.Reason.BAD_DATA, form.name() + " fit: no curves to fit");
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
        return new PreparedCurves(form, models, losses, delta);
    }

    private void predict(double[] params, double[] out, double[][] jacobian) {
        int row = 0;
        for (CurveModel model : models) {
            model.predict(params, out, jacobian, row);
            row += model.size();
        }
    }
}
