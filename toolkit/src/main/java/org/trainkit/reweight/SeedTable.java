package org.trainkit.reweight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trainkit.core.Estimate;
import org.trainkit.core.Stats;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The runs of several methods over the same seeds (run {@code k} of every method uses seed
 * {@code k}), summarised against a baseline: each metric's mean with its 95% t interval, and the
 * paired difference from the baseline over seeds ({@link Stats#pairedDifference}) with its 95%
 * interval. Differences whose interval contains 0 are printed in parentheses: not shown here.
 */
public final class SeedTable {

    private final String baseline;
    private final Map<String, List<RunMetrics>> runs = new LinkedHashMap<>();

    private SeedTable(String baseline) {
        this.baseline = baseline;
    }

    /** A table whose differences are taken from the method named {@code baseline}. */
    public static SeedTable against(String baseline) {
        return new SeedTable(baseline);
    }

    /** Adds (or replaces) a method's runs, in seed order. */
    public SeedTable add(String method, List<RunMetrics> seedRuns) {
        if (seedRuns.size() < 2) {
            throw new IllegalArgumentException(method + ": an interval over seeds needs at least 2 runs, got "
                    + seedRuns.size());
        }
        runs.put(method, List.copyOf(seedRuns));
        return this;
    }

    /** The methods in the order added. */
    public List<String> methods() {
        return List.copyOf(runs.keySet());
    }

    /** The values of {@code metric} over the seeds of {@code method}. */
    public double[] values(String method, Metric metric) {
        return runsOf(method).stream().mapToDouble(r -> r.get(metric)).toArray();
    }

    /** The mean of {@code metric} over seeds with its 95% interval. */
    public Estimate mean(String method, Metric metric) {
        return Stats.meanInterval(values(method, metric));
    }

    /** {@code method} minus the baseline on {@code metric}, paired by seed, with its 95% interval. */
    public Estimate difference(String method, Metric metric) {
        return difference(method, baseline, metric);
    }

    /** {@code a} minus {@code b} on {@code metric}, paired by seed, with its 95% interval. */
    public Estimate difference(String a, String b, Metric metric) {
        double[] x = values(a, metric);
        double[] y = values(b, metric);
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired differences need the same seeds: " + a + " has " + x.length
                    + " runs, " + b + " " + y.length);
        }
        return Stats.pairedDifference(x, y);
    }

    /** One row per method: each metric as "mean [lower, upper]". */
    public Table means(String title, Metric... metrics) {
        Table table = Table.create(title, StringColumn.create("method", methods()));
        for (Metric m : metrics) {
            StringColumn column = StringColumn.create(m.label());
            for (String method : methods()) {
                column.append(format(mean(method, m), m, false));
            }
            table.addColumns(column);
        }
        return table;
    }

    /** One row per method but the baseline: each metric's paired difference from the baseline. */
    public Table differences(String title, Metric... metrics) {
        List<String> others = new ArrayList<>(methods());
        others.remove(baseline);
        Table table = Table.create(title, StringColumn.create("method", others));
        for (Metric m : metrics) {
            StringColumn column = StringColumn.create("Δ " + m.label());
            for (String method : others) {
                Estimate d = difference(method, m);
                String text = format(d, m, true);
                column.append(Double.isNaN(d.value()) || d.excludes(0) ? text : "(" + text + ")");
            }
            table.addColumns(column);
        }
        return table;
    }

    /** The runs of {@code method}, in seed order. */
    public List<RunMetrics> of(String method) {
        return runsOf(method);
    }

    /** Every run: method, seed index and every metric, for the results CSV. */
    public Table runTable(String title) {
        StringColumn method = StringColumn.create("method");
        IntColumn seed = IntColumn.create("seed");
        Map<Metric, DoubleColumn> columns = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            columns.put(m, DoubleColumn.create(m.name().toLowerCase(Locale.ROOT)));
        }
        runs.forEach((name, list) -> {
            for (int k = 0; k < list.size(); k++) {
                method.append(name);
                seed.append(k);
                for (Metric m : Metric.values()) {
                    columns.get(m).append(list.get(k).get(m));
                }
            }
        });
        Table table = Table.create(title, method, seed);
        columns.values().forEach(table::addColumns);
        return table;
    }

    private List<RunMetrics> runsOf(String method) {
        List<RunMetrics> list = runs.get(method);
        if (list == null) {
            throw new IllegalArgumentException("no runs of '" + method + "'; methods: " + methods());
        }
        return list;
    }

    private static String format(Estimate e, Metric m, boolean signed) {
        if (Double.isNaN(e.value())) {
            return "–";
        }
        String f = "%" + (signed ? "+" : "") + (m.digits() == 0 ? ",." : ".") + m.digits() + "f";
        return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", e.value(), e.lower(), e.upper());
    }
}
