package org.trainkit.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A law's prediction errors on a set of curves: per curve ({@link CurveMetrics}) and averaged.
 *
 * <p>Every averaged figure is the mean over curves of the per-curve figure: {@code predE} is the
 * mean over curves of each curve's mean relative error and {@code worstE} the mean over curves of
 * each curve's largest relative error, as defined by Luo et al. (2025); {@code r2}, {@code mae} and
 * {@code rmse} likewise average the per-curve values rather than pooling all points. That is the
 * convention that reproduces the paper's table: for the published 25M parameters on the six test
 * curves it gives R^2 0.9988, MAE 0.00376, RMSE 0.00465 as printed, whereas pooling the 1622 test
 * points gives R^2 0.9988, MAE 0.00413, RMSE 0.00543 (100M: per-curve means 0.9983, 0.00435, 0.00592
 * as printed; pooled 0.9984, 0.00517, 0.00667).
 */
public final class Evaluation {

    private final List<CurveMetrics> curves;

    private Evaluation(List<CurveMetrics> curves) {
        this.curves = List.copyOf(curves);
    }

    /** The errors of {@code law} on each of {@code curves}, under each curve's own learning rates. */
    public static Evaluation of(Law law, List<LossCurve> curves) {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no curves to evaluate on");
        }
        List<CurveMetrics> metrics = new ArrayList<>();
        for (LossCurve curve : curves) {
            if (curve.size() == 0) {
                throw new IllegalArgumentException("curve " + curve.name() + " has no logged points");
            }
            metrics.add(CurveMetrics.of(curve.name(), curve.losses, law.predict(curve)));
        }
        return new Evaluation(metrics);
    }

    /** Per-curve metrics, in the order the curves were given. */
    public List<CurveMetrics> curves() {
        return curves;
    }

    /** The metrics of the curve with this name. */
    public CurveMetrics curve(String name) {
        return curves.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no curve named " + name));
    }

    /** Mean over curves of R^2. */
    public double r2() {
        return curves.stream().mapToDouble(CurveMetrics::r2).average().orElseThrow();
    }

    /** Mean over curves of the mean absolute error. */
    public double mae() {
        return curves.stream().mapToDouble(CurveMetrics::mae).average().orElseThrow();
    }

    /** Mean over curves of the root mean square error. */
    public double rmse() {
        return curves.stream().mapToDouble(CurveMetrics::rmse).average().orElseThrow();
    }

    /** PredE: mean over curves of the mean relative error. */
    public double predE() {
        return curves.stream().mapToDouble(CurveMetrics::predE).average().orElseThrow();
    }

    /** WorstE: mean over curves of the largest relative error. */
    public double worstE() {
        return curves.stream().mapToDouble(CurveMetrics::worstE).average().orElseThrow();
    }

    /** One row per curve plus a final {@code mean} row: curve, points, r2, mae, rmse, predE, worstE. */
    public Table toTable() {
        StringColumn name = StringColumn.create("curve");
        IntColumn points = IntColumn.create("points");
        DoubleColumn r2 = DoubleColumn.create("r2");
        DoubleColumn mae = DoubleColumn.create("mae");
        DoubleColumn rmse = DoubleColumn.create("rmse");
        DoubleColumn predE = DoubleColumn.create("predE");
        DoubleColumn worstE = DoubleColumn.create("worstE");
        for (CurveMetrics c : curves) {
            name.append(c.name());
            points.append(c.points());
            r2.append(c.r2());
            mae.append(c.mae());
            rmse.append(c.rmse());
            predE.append(c.predE());
            worstE.append(c.worstE());
        }
        name.append("mean");
        points.append(curves.stream().mapToInt(CurveMetrics::points).sum());
        r2.append(r2());
        mae.append(mae());
        rmse.append(rmse());
        predE.append(predE());
        worstE.append(worstE());
        return Table.create("evaluation", name, points, r2, mae, rmse, predE, worstE);
    }

    @Override
    public String toString() {
        return String.format("Evaluation[%d curves: R2 %.4f, MAE %.5f, RMSE %.5f, PredE %.5f, WorstE %.5f]",
                curves.size(), r2(), mae(), rmse(), predE(), worstE());
    }
}
