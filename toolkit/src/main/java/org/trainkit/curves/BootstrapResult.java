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

    private final List<String> names;
    /** Per parameter: whether it is positive (its correlations are taken of its log). */
    private final boolean[] positive;
    private final Law estimateLaw;
    private final double[] estimate;
    private final List<Law> sampleLaws;
    private final double[][] samples;
    private final int failures;
    private final String method;

    BootstrapResult(LawForm form, double[] estimate, List<double[]> samples, int failures, String method) {
        this(form.parameterNames(), positives(form), form.law(estimate), estimate,
                samples.stream().map(form::law).toList(), samples, failures, method);
    }

    private BootstrapResult(List<String> names, boolean[] positive, Law estimateLaw, double[] estimate,
            List<Law> sampleLaws, List<double[]> samples, int failures, String method) {
        this.names = List.copyOf(names);
        this.positive = positive.clone();
        this.estimateLaw = estimateLaw;
        this.estimate = estimate.clone();
        this.sampleLaws = List.copyOf(sampleLaws);
        this.samples = samples.toArray(new double[0][]);
        this.failures = failures;
        this.method = method;
    }

    /**
     * The bootstrap of a {@link MeanLaw}: each resample's members (values per member, in the order of
     * {@code fits}) make that resample's mean; the parameters are the members', prefixed by name.
     */
    static BootstrapResult ofMean(List<String> memberNames, List<FitResult> fits, List<double[][]> samples,
            int failures, String method) {
        // Names follow the forms' parameters, which the sampled values line up with (a law's params()
        // can list more: the annealing law with lambda held still reports lambda).
        List<String> names = new java.util.ArrayList<>();
        List<Boolean> positive = new java.util.ArrayList<>();
        List<Law> estimates = new java.util.ArrayList<>();
        for (int m = 0; m < fits.size(); m++) {
            LawForm form = fits.get(m).form();
            for (String name : form.parameterNames()) {
                names.add(memberNames.get(m) + "." + name);
            }
            for (boolean p : positives(form)) {
                positive.add(p);
            }
            estimates.add(fits.get(m).law());
        }
        MeanLaw estimate = new MeanLaw(memberNames, estimates);
        boolean[] positives = new boolean[positive.size()];
        for (int p = 0; p < positives.length; p++) {
            positives[p] = positive.get(p);
        }
        List<Law> laws = new java.util.ArrayList<>();
        List<double[]> flat = new java.util.ArrayList<>();
        for (double[][] resample : samples) {
            List<Law> members = new java.util.ArrayList<>();
            for (int m = 0; m < fits.size(); m++) {
                members.add(fits.get(m).form().law(resample[m]));
            }
            laws.add(new MeanLaw(memberNames, members));
            flat.add(concatenate(resample));
        }
        double[][] values = new double[fits.size()][];
        for (int m = 0; m < fits.size(); m++) {
            values[m] = fits.get(m).values();
        }
        return new BootstrapResult(names, positives, estimate, concatenate(values), laws, flat, failures, method);
    }

    private static boolean[] positives(LawForm form) {
        boolean[] positive = new boolean[form.parameters().size()];
        for (int p = 0; p < positive.length; p++) {
            positive[p] = form.parameters().get(p).domain() != Parameter.Domain.REAL;
        }
        return positive;
    }

    private static double[] concatenate(double[][] parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
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
            for (int r = 0; r < samples.length; r++) {
                columns[p][r] = positive[p] ? Math.log(samples[r][p]) : samples[r][p];
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
        return sampleLaws;
    }

    /**
     * The predicted loss at {@code steps} of a run with these per-step learning rates, with the
     * central percentile interval at {@code level} over the resamples' laws at every step.
     */
    public PredictionBand band(double[] learningRates, int[] steps, double level) {
        double[] centre = estimateLaw.predict(learningRates, steps);
        double[][] predicted = new double[samples.length][];
        for (int r = 0; r < samples.length; r++) {
            predicted[r] = sampleLaws.get(r).predict(learningRates, steps);
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
        return new Estimate(estimateLaw.finalLoss(learningRates), interval.lower(), interval.upper(), 0.95,
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
            finals[r] = sampleLaws.get(r).finalLoss(learningRates);
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
            centre[s] = estimateLaw.finalLoss(schedules.get(keys.get(s)));
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
