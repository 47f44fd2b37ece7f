package org.trainkit.curves;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trainkit.core.Interval;
import org.trainkit.core.Stats;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The refitted parameter values of a {@link Bootstrap} and percentile intervals from them.
 */
public final class BootstrapResult {

    private final List<String> names;
    private final double[] estimate;
    private final double[][] samples;
    private final int failures;

    BootstrapResult(List<String> names, double[] estimate, List<double[]> samples, int failures) {
        this.names = List.copyOf(names);
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

    private int index(String name) {
        int p = names.indexOf(name);
        if (p < 0) {
            throw new IllegalArgumentException("no parameter " + name + " in " + names);
        }
        return p;
    }

    @Override
    public String toString() {
        return "BootstrapResult[" + samples.length + " refits, " + failures + " failed, " + intervals() + "]";
    }
}
