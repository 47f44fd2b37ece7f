package org.trainkit.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.trainkit.core.Estimate;
import org.trainkit.core.Stats;
import org.trainkit.curves.Law;
import org.trainkit.schedules.ConvexBound;
import org.trainkit.schedules.Schedule;
import org.trainkit.schedules.ScheduleSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a fitted loss-curve law predicts for each schedule of a {@link ScheduleSet}, beside the
 * convex-theory bound: the predicted final loss and its ranking (the use Luo et al., arXiv
 * 2503.12811, make of the multi-power law), the bound {@code B} of Schaipp et al. (arXiv
 * 2501.18965) and its ranking, and per-step predicted curves to plot.
 *
 * <p>The bound is a ranking, not a second loss prediction: its units are not the loss's, and the
 * only way to put it on the loss scale here would be a line fitted through the law's own
 * predictions. So the two are compared as rankings, by Spearman's rank correlation with a
 * bootstrap interval ({@link #boundAgreement}). The law is only evaluated through
 * {@link Law#predict} and {@link Law#finalLoss} (linear time per schedule).
 *
 * <pre>{@code
 * PredictedLosses p = PredictedLosses.of(law, set, ConvexBound.tunedFor(set.get("cosine")));
 * p.table();   p.curve("wsd", 2160, 200);
 * }</pre>
 */
public final class PredictedLosses {

    private final Law law;
    private final ScheduleSet schedules;
    private final Map<String, Double> finalLosses;
    private final Map<String, Double> bounds;

    private PredictedLosses(Law law, ScheduleSet schedules, ConvexBound bound) {
        this.law = law;
        this.schedules = schedules;
        Map<String, Double> losses = new LinkedHashMap<>();
        Map<String, Double> bs = new LinkedHashMap<>();
        for (Map.Entry<String, Schedule> e : schedules.schedules().entrySet()) {
            double loss = law.finalLoss(e.getValue());
            if (!Double.isFinite(loss)) {
                throw new IllegalArgumentException("predicted losses: the " + law.name() + " law predicts " + loss
                        + " for '" + e.getKey() + "' " + e.getValue().spec());
            }
            losses.put(e.getKey(), loss);
            bs.put(e.getKey(), bound.of(e.getValue()));
        }
        this.finalLosses = Map.copyOf(losses);
        this.bounds = Map.copyOf(bs);
    }

    /**
     * The predictions of {@code law} for every schedule of {@code schedules} (at least two), with
     * {@code bound} beside them.
     */
    public static PredictedLosses of(Law law, ScheduleSet schedules, ConvexBound bound) {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(bound, "bound");
        if (schedules.size() < 2) {
            throw new IllegalArgumentException("predicted losses: needs at least 2 schedules to compare, got "
                    + schedules.size());
        }
        return new PredictedLosses(law, schedules, bound);
    }

    /** The law the predictions come from. */
    public Law law() {
        return law;
    }

    /** The schedules compared. */
    public ScheduleSet schedules() {
        return schedules;
    }

    /** The predicted loss at the last step of the named schedule. */
    public double finalLoss(String name) {
        schedules.get(name);
        return finalLosses.get(name);
    }

    /** The convex bound of the named schedule. */
    public double bound(String name) {
        schedules.get(name);
        return bounds.get(name);
    }

    /**
     * Spearman's rank correlation of the bound's ranking with the law's over the schedules, with a
     * 95% percentile bootstrap interval from {@code resamples} resamples of the schedules
     * ({@link Stats#spearmanInterval}); 1 means the same order.
     */
    public Estimate boundAgreement(int resamples, long seed) {
        List<String> names = new ArrayList<>(schedules.schedules().keySet());
        return Stats.spearmanInterval(names.stream().mapToDouble(finalLosses::get).toArray(),
                names.stream().mapToDouble(bounds::get).toArray(), resamples, seed);
    }

    /**
     * One row per schedule, best predicted first: name, predicted_loss (final step), rank,
     * convex_bound, convex_rank (1 = lowest bound).
     */
    public Table table() {
        List<String> byLoss = ranked(finalLosses);
        List<String> byBound = ranked(bounds);
        StringColumn name = StringColumn.create("name");
        DoubleColumn loss = DoubleColumn.create("predicted_loss");
        IntColumn rank = IntColumn.create("rank");
        DoubleColumn bound = DoubleColumn.create("convex_bound");
        IntColumn convexRank = IntColumn.create("convex_rank");
        for (String schedule : byLoss) {
            name.append(schedule);
            loss.append(finalLosses.get(schedule));
            rank.append(byLoss.indexOf(schedule) + 1);
            bound.append(bounds.get(schedule));
            convexRank.append(byBound.indexOf(schedule) + 1);
        }
        return Table.create("predicted by " + law.name(), name, loss, rank, bound, convexRank);
    }

    /** The schedule names, lowest score first (ties keep the set's order). */
    private List<String> ranked(Map<String, Double> scores) {
        List<String> names = new ArrayList<>(schedules.schedules().keySet());
        names.sort(Comparator.comparingDouble(scores::get));
        return names;
    }

    /** The predicted curve of the named schedule at about {@code points} steps from {@code from} to the end. */
    public PredictedCurve curve(String name, int from, int points) {
        return PredictedCurve.of(law, name, schedules.get(name), from, points);
    }

    /** The predicted curves of every schedule, in the set's order. */
    public List<PredictedCurve> curves(int from, int points) {
        List<PredictedCurve> curves = new ArrayList<>();
        for (String name : schedules.schedules().keySet()) {
            curves.add(curve(name, from, points));
        }
        return List.copyOf(curves);
    }
}
