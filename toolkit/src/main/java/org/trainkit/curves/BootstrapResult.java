package org.trainkit.curves;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainkit.core.Estimate;
import org.trainkit.core.Interval;
import org.trainkit.core.Stats;
import org.trainkit.schedules.Schedule;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The refitted parameter values of a {@link Bootstrap}, percentile intervals from them, and the same
 * intervals carried to predictions: each resample's law predicts, and the interval is the
 * percentile interval of those predictions (predicted curves, final losses, schedule rankings).
 */
public final class BootstrapResult {

    private final LawForm form;
    private final List<String> names;
    private final double[] estimate;
    private final double[][] samples;
    private final int failures;
    private final String method;

    BootstrapResult(LawForm form, double[] estimate, List<double[]> samples, int failures, String method) {
        this.form = form;
        this.method = method;
        this.names = form.parameterNames();
        this.estimate = estimate.clone();
        this.samples = samples.toArray(new double[0][]);
        this.failures = failures;
    }

    /** Parameter names, in order. */
    public List<String> names() {
        return names;
    }

    /** Successful refits. */
    public int resamples() {
        return samples.length;
    }

    /** Refits that failed to converge (left out of the intervals). */
    public int failures() {
        return failures;
    }

    /** The refitted values of one parameter, one per successful resample (a copy). */
    public double[] samples(String name) {
        int p = index(name);
        return Arrays.stream(samples).mapToDouble(s -> s[p]).toArray();
    }

    /** The 95% percentile interval of one parameter. */
    public Interval interval(String name) {
        return interval(name, 0.95);
    }

    /** The central percentile interval of one parameter at this level, e.g. 0.9. */
    public Interval interval(String name, double level) {
        return Stats.percentileInterval(samples(name), level);
    }

    /** The 95% intervals of all parameters by name. */
    public Map<String, Interval> intervals() {
        Map<String, Interval> intervals = new LinkedHashMap<>();
        for (String name : names) {
            intervals.put(name, interval(name));
        }
        return intervals;
    }

    /** One row per parameter: estimate, 2.5% and 97.5% percentiles, bootstrap standard deviation. */
    public Table toTable() {
        StringColumn parameter = StringColumn.create("parameter");
        DoubleColumn value = DoubleColumn.create("estimate");
        DoubleColumn lower = DoubleColumn.create("lower95");
        DoubleColumn upper = DoubleColumn.create("upper95");
        DoubleColumn spread = DoubleColumn.create("sd");
        for (int p = 0; p < names.size(); p++) {
            String name = names.get(p);
            Interval interval = interval(name);
            parameter.append(name);
            value.append(estimate[p]);
            lower.append(interval.lower());
            upper.append(interval.upper());
            spread.append(Stats.sd(samples(name)));
        }
        return Table.create("bootstrap", parameter, value, lower, upper, spread);
    }

    /** How the resamples were drawn, e.g. {@code moving blocks of a tenth of each curve}. */
    public String method() {
        return method;
    }

    /**
     * The correlations between the refitted parameters over the resamples (Pearson, of the log of
     * positive parameters, whose spread is multiplicative): one row per parameter. A correlation near
     * +-1 means the curves determine a combination of the two, not each.
     */
    public Table correlations() {
        int n = names.size();
        double[][] columns = new double[n][samples.length];
        for (int p = 0; p < n; p++) {
            boolean positive = form.parameters().get(p).domain() != Parameter.Domain.REAL;
            for (int r = 0; r < samples.length; r++) {
                columns[p][r] = positive ? Math.log(samples[r][p]) : samples[r][p];
            }
        }
        Table table = Table.create("bootstrap correlations (" + method + ")", StringColumn.create("parameter", names));
        for (int q = 0; q < n; q++) {
            DoubleColumn column = DoubleColumn.create(names.get(q));
            for (int p = 0; p < n; p++) {
                column.append(pearson(columns[p], columns[q]));
            }
            table.addColumns(column);
        }
        return table;
    }

    /** The law of each successful resample. */
    public List<Law> laws() {
        return Arrays.stream(samples).map(form::law).toList();
    }

    /**
     * The predicted loss at {@code steps} of a run with these per-step learning rates, with the
     * central percentile interval at {@code level} over the resamples' laws at every step.
     */
    public PredictionBand band(double[] learningRates, int[] steps, double level) {
        double[] centre = form.law(estimate).predict(learningRates, steps);
        double[][] predicted = new double[samples.length][];
        for (int r = 0; r < samples.length; r++) {
            predicted[r] = form.law(samples[r]).predict(learningRates, steps);
        }
        double[] lower = new double[steps.length];
        double[] upper = new double[steps.length];
        double[] column = new double[samples.length];
        for (int i = 0; i < steps.length; i++) {
            for (int r = 0; r < samples.length; r++) {
                column[r] = predicted[r][i];
            }
            Interval interval = Stats.percentileInterval(column, level);
            lower[i] = interval.lower();
            upper[i] = interval.upper();
        }
        return new PredictionBand(steps, centre, lower, upper, level);
    }

    /** {@link #band(double[], int[], double)} at 95% under a schedule. */
    public PredictionBand band(Schedule schedule, int[] steps) {
        return band(schedule.toArray(), steps, 0.95);
    }

    /** The predicted final loss of a run with these learning rates, with its 95% percentile interval. */
    public Estimate finalLoss(double[] learningRates) {
        double[] finals = finalLosses(learningRates);
        Interval interval = Stats.percentileInterval(finals, 0.95);
        return new Estimate(form.law(estimate).finalLoss(learningRates), interval.lower(), interval.upper(), 0.95,
                finals.length);
    }

    /** {@link #finalLoss(double[])} under a schedule. */
    public Estimate finalLoss(Schedule schedule) {
        return finalLoss(schedule.toArray());
    }

    /** Each resample's predicted final loss of a run with these learning rates. */
    public double[] finalLosses(double[] learningRates) {
        double[] finals = new double[samples.length];
        for (int r = 0; r < samples.length; r++) {
            finals[r] = form.law(samples[r]).finalLoss(learningRates);
        }
        return finals;
    }

    /**
     * Ranks schedules (name to per-step learning rates) by predicted final loss: one row per
     * schedule in the given order with the fit's prediction, its 95% interval, its rank under the
     * fit (1 = lowest loss), the 95% interval of its rank over the resamples, and the share of
     * resamples in which it is the lowest.
     */
    public Table ranking(Map<String, double[]> schedules) {
        List<String> keys = List.copyOf(schedules.keySet());
        int k = keys.size();
        double[][] finals = new double[k][];
        double[] centre = new double[k];
        for (int s = 0; s < k; s++) {
            finals[s] = finalLosses(schedules.get(keys.get(s)));
            centre[s] = form.law(estimate).finalLoss(schedules.get(keys.get(s)));
        }
        double[][] ranks = new double[k][samples.length];
        double[] best = new double[k];
        for (int r = 0; r < samples.length; r++) {
            int winner = 0;
            for (int s = 0; s < k; s++) {
                int rank = 1;
                for (int o = 0; o < k; o++) {
                    rank += finals[o][r] < finals[s][r] ? 1 : 0;
                }
                ranks[s][r] = rank;
                if (finals[s][r] < finals[winner][r]) {
                    winner = s;
                }
            }
            best[winner]++;
        }
        StringColumn name = StringColumn.create("schedule");
        DoubleColumn loss = DoubleColumn.create("final loss");
        DoubleColumn lower = DoubleColumn.create("lower95");
        DoubleColumn upper = DoubleColumn.create("upper95");
        IntColumn rank = IntColumn.create("rank");
        IntColumn rankLower = IntColumn.create("rank lower95");
        IntColumn rankUpper = IntColumn.create("rank upper95");
        DoubleColumn share = DoubleColumn.create("share best");
        for (int s = 0; s < k; s++) {
            int fitRank = 1;
            for (int o = 0; o < k; o++) {
                fitRank += centre[o] < centre[s] ? 1 : 0;
            }
            Interval interval = Stats.percentileInterval(finals[s], 0.95);
            Interval rankInterval = Stats.percentileInterval(ranks[s], 0.95);
            name.append(keys.get(s));
            loss.append(centre[s]);
            lower.append(interval.lower());
            upper.append(interval.upper());
            rank.append(fitRank);
            rankLower.append((int) Math.floor(rankInterval.lower()));
            rankUpper.append((int) Math.ceil(rankInterval.upper()));
            share.append(best[s] / samples.length);
        }
        return Table.create("schedules ranked by predicted final loss (bootstrap: " + method + ")", name, loss, lower,
                upper, rank, rankLower, rankUpper, share);
    }

    private static double pearson(double[] x, double[] y) {
        double mx = Stats.mean(x);
        double my = Stats.mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    private int index(String name) {
        int p = names.indexOf(name);
        if (p < 0) {
            throw new IllegalArgumentException("no parameter " + name + " in " + names);
        }
        return p;
    }

    @Override
    public String toString() {
        return "BootstrapResult[" + method + ", " + samples.length + " refits, " + failures + " failed, " + intervals()
                + "]";
    }
}
