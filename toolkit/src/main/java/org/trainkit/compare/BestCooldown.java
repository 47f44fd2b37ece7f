package org.trainkit.compare;

import java.util.Arrays;
import java.util.Objects;
import org.trainkit.schedules.Cooldown;
import org.trainkit.schedules.CooldownStart;
import org.trainkit.schedules.Wsd;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * The WSD cooldown fraction a fitted law predicts to be best for one shape, with the whole curve
 * of predicted final loss against the fraction it was chosen from ({@link CooldownSearch}).
 *
 * @param schedule      the best schedule: the template with {@code decay = fraction}
 * @param predictedLoss its predicted final loss
 * @param fractions     the cooldown fractions of the grid, increasing
 * @param losses        the predicted final loss at each grid fraction
 */
public record BestCooldown(Wsd schedule, double predictedLoss, double[] fractions, double[] losses) {

    public BestCooldown {
        Objects.requireNonNull(schedule, "schedule");
        if (!(schedule.cooldownStart() instanceof CooldownStart.LastFraction)) {
            throw new IllegalArgumentException("best cooldown: the schedule must give its cooldown as a fraction");
        }
        if (fractions.length != losses.length) {
            throw new IllegalArgumentException("best cooldown: " + fractions.length + " fractions but "
                    + losses.length + " losses");
        }
        fractions = fractions.clone();
        losses = losses.clone();
    }

    /** The best cooldown's share of the run, in (0, 1]. */
    public double fraction() {
        return ((CooldownStart.LastFraction) schedule.cooldownStart()).fraction();
    }

    /** The best cooldown's length in steps, {@code fraction * total}. */
    public double cooldownSteps() {
        return fraction() * schedule.total();
    }

    /** The cooldown shape searched. */
    public Cooldown shape() {
        return schedule.shape();
    }

    /** The grid: columns cooldown_fraction and predicted_loss. */
    public Table table() {
        return Table.create("predicted final loss of " + schedule.shape().specName() + " cooldowns",
                DoubleColumn.create("cooldown_fraction", fractions), DoubleColumn.create("predicted_loss", losses));
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BestCooldown b && schedule.equals(b.schedule)
                && Double.compare(predictedLoss, b.predictedLoss) == 0 && Arrays.equals(fractions, b.fractions)
                && Arrays.equals(losses, b.losses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schedule, predictedLoss, Arrays.hashCode(fractions), Arrays.hashCode(losses));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "BestCooldown[%s, fraction %.4f, predicted loss %.5f]",
                schedule.shape().specName(), fraction(), predictedLoss);
    }
}
