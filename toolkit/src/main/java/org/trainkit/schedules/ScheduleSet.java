package org.trainkit.schedules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Named schedules to compare side by side: a summary table (total steps, peak, final and mean
 * rate, area = sum of rates, the "forward area" S1 of the multi-power law, arXiv 2503.12811) and a
 * ranking by any score, such as the convex-theory bound (Schaipp et al., arXiv 2501.18965) or a
 * loss predicted by a fitted law. Immutable: {@link #with} returns a new set. Example:
 * {@code ScheduleSet.of().with("cosine", "cosine(peak=1e-3, final=1e-4, total=5000)").table()}.
 */
public final class ScheduleSet {

    private final Map<String, Schedule> schedules;

    private ScheduleSet(Map<String, Schedule> schedules) {
        this.schedules = Collections.unmodifiableMap(new LinkedHashMap<>(schedules));
    }

    /** An empty set. */
    public static ScheduleSet of() {
        return new ScheduleSet(Map.of());
    }

    /** The set with these named schedules, in the map's order. */
    public static ScheduleSet of(Map<String, ? extends Schedule> schedules) {
        ScheduleSet set = of();
        for (Map.Entry<String, ? extends Schedule> e : schedules.entrySet()) {
            set = set.with(e.getKey(), e.getValue());
        }
        return set;
    }

    /** This set plus one schedule; names are unique. */
    public ScheduleSet with(String name, Schedule schedule) {
        if (schedules.containsKey(name)) {
            throw new IllegalArgumentException("schedule set: the name '" + name + "' is already used");
        }
        Map<String, Schedule> more = new LinkedHashMap<>(schedules);
        more.put(name, Objects.requireNonNull(schedule, "schedule"));
        return new ScheduleSet(more);
    }

    /** This set plus one schedule given by its text form. */
    public ScheduleSet with(String name, String spec) {
        return with(name, Schedules.parse(spec));
    }

    /** The schedules by name, in the order added. */
    public Map<String, Schedule> schedules() {
        return schedules;
    }

    /** The schedule with this name. */
    public Schedule get(String name) {
        Schedule schedule = schedules.get(name);
        if (schedule == null) {
            throw new IllegalArgumentException("schedule set: no schedule named '" + name + "'; names: "
                    + schedules.keySet());
        }
        return schedule;
    }

    /** How many schedules the set holds. */
    public int size() {
        return schedules.size();
    }

    /** One row per schedule: name, spec, total, peak, final_lr (last step), mean_lr, area (sum of rates). */
    public Table table() {
        StringColumn name = StringColumn.create("name");
        StringColumn spec = StringColumn.create("spec");
        IntColumn total = IntColumn.create("total");
        DoubleColumn peak = DoubleColumn.create("peak");
        DoubleColumn finalLr = DoubleColumn.create("final_lr");
        DoubleColumn mean = DoubleColumn.create("mean_lr");
        DoubleColumn area = DoubleColumn.create("area");
        for (Map.Entry<String, Schedule> e : schedules.entrySet()) {
            double[] lr = e.getValue().toArray();
            double sum = 0;
            double max = 0;
            for (double v : lr) {
                sum += v;
                max = Math.max(max, v);
            }
            name.append(e.getKey());
            spec.append(e.getValue().spec());
            total.append(lr.length);
            peak.append(max);
            finalLr.append(lr[lr.length - 1]);
            mean.append(sum / lr.length);
            area.append(sum);
        }
        return Table.create("schedules", name, spec, total, peak, finalLr, mean, area);
    }

    /**
     * The schedules ranked by a score, lowest first: columns name, {@code scoreName}, rank (1 = best).
     * The score is any function of a schedule, e.g. a bound or a predicted final loss.
     */
    public Table rankBy(String scoreName, ToDoubleFunction<Schedule> score) {
        StringColumn name = StringColumn.create("name");
        DoubleColumn scores = DoubleColumn.create(scoreName);
        for (Map.Entry<String, Schedule> e : schedules.entrySet()) {
            name.append(e.getKey());
            scores.append(score.applyAsDouble(e.getValue()));
        }
        Table ranked = Table.create("ranked by " + scoreName, name, scores).sortAscendingOn(scoreName);
        IntColumn rank = IntColumn.create("rank");
        for (int i = 1; i <= ranked.rowCount(); i++) {
            rank.append(i);
        }
        return ranked.addColumns(rank);
    }

    /** The schedules ranked by the convex-theory bound (lowest first), column {@code convex_bound}. */
    public Table rankByConvexBound(ConvexBound bound) {
        return rankBy("convex_bound", bound::of);
    }
}
