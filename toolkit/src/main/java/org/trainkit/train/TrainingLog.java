package org.trainkit.train;

import java.util.Arrays;
import org.trainkit.core.AtomicFiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The per-step record of a training run: {@code step} (0-based optimizer step), {@code lr} (the
 * rate that step used), {@code loss} (the plain mean cross-entropy of the step's batch, before
 * the update, unweighted even when a {@link SampleWeighting} is set) and {@code grad_norm} (the
 * global L2 norm of the gradient over all parameters, before the update). Its CSV has exactly
 * these columns, so the curves package reads it as a loss curve ({@code step,lr,loss}).
 */
final class TrainingLog {

    static final String[] COLUMNS = {"step", "lr", "loss", "grad_norm"};

    private int size;
    private int[] steps = new int[256];
    private double[] lrs = new double[256];
    private double[] losses = new double[256];
    private double[] gradNorms = new double[256];

    void add(int step, double lr, double loss, double gradNorm) {
        if (size == steps.length) {
            int capacity = size * 2;
            steps = Arrays.copyOf(steps, capacity);
            lrs = Arrays.copyOf(lrs, capacity);
            losses = Arrays.copyOf(losses, capacity);
            gradNorms = Arrays.copyOf(gradNorms, capacity);
        }
        steps[size] = step;
        lrs[size] = lr;
        losses[size] = loss;
        gradNorms[size] = gradNorm;
        size++;
    }

    /** The log as a Tablesaw table named {@code name}. */
    Table table(String name) {
        return Table.create(name,
                IntColumn.create(COLUMNS[0], Arrays.copyOf(steps, size)),
                DoubleColumn.create(COLUMNS[1], Arrays.copyOf(lrs, size)),
                DoubleColumn.create(COLUMNS[2], Arrays.copyOf(losses, size)),
                DoubleColumn.create(COLUMNS[3], Arrays.copyOf(gradNorms, size)));
    }

    /** Writes the log as CSV (Tablesaw's CSV writer, full double precision), for {@link AtomicFiles}. */
    AtomicFiles.Writer csv(String name) {
        return tmp -> table(name).write().csv(tmp.toFile());
    }
}
