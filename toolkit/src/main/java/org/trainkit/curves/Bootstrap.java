package org.trainkit.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bootstrap confidence intervals for a fit's parameters and everything predicted from them
 * (Efron's percentile bootstrap). Neighbouring points of a loss curve have correlated residuals, so
 * by default a resample is a <b>moving-block bootstrap</b> (Kunsch 1989) within each curve: blocks of
 * {@code ceil(n / 10)} consecutive logged points (10 blocks per curve of {@code n} points) are drawn
 * with uniformly random starts, with replacement, until the curve's {@code n} points are covered
 * (the last block cut short). {@link #wholeCurves()} instead draws whole curves with replacement
 * (the fit's uncertainty over which runs it saw; with three curves only ten distinct resamples
 * exist, and resamples that repeat one curve may not determine the law), and
 * {@link #singlePoints()} draws single points (which treats residuals as independent and gives
 * intervals that are too narrow).
 *
 * <p>The law is refitted to each resample from the original optimum (warm start, no grid search),
 * with each point's Huber term weighted by how often it was drawn, so no data are copied (a fit by
 * the authors' early-stopped procedure, {@link Fit#referenceAdamW()}, is redone by that procedure
 * from its own start instead, since converging would be another estimator); the
 * intervals are percentiles of the refitted values, and {@link BootstrapResult} carries them to
 * predicted curves, final losses and schedule rankings.
 *
 * <pre>{@code
 * BootstrapResult ci = Bootstrap.of(fit).resamples(200).seed(7).run();
 * ci.interval("alpha");
 * ci.finalLoss(schedule);          // an Estimate with its 95% interval
 * }</pre>
 */
public final class Bootstrap {

    /** The fits redone on each resample: one, or the two members of a mean chosen by {@link AutoFit}. */
    private final List<FitResult> fits;
    /** The members' names, for a mean's parameter names; one entry for a single fit. */
    private final List<String> names;
    private final int resamples;
    private final long seed;
    private final int threads;
    private final FitListener listener;
    /** Points per block; 0 for 10 blocks per curve, -1 for whole curves. */
    private final int block;

    /** Blocks per curve of the default moving-block bootstrap. */
    public static final int DEFAULT_BLOCKS_PER_CURVE = 10;
    private static final int WHOLE_CURVES = -1;
    private static final int TENTHS = 0;

    private Bootstrap(List<FitResult> fits, List<String> names, int resamples, long seed, int threads,
            FitListener listener, int block) {
        this.block = block;
        this.fits = fits;
        this.names = names;
        this.resamples = resamples;
        this.seed = seed;
        this.threads = threads;
        this.listener = listener;
    }

    /** A bootstrap of {@code fit}: 200 resamples, seed 1, up to two threads, the fit's listener. */
    public static Bootstrap of(FitResult fit) {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        return new Bootstrap(List.of(Objects.requireNonNull(fit, "fit")), List.of(fit.form().name()), 200, 1, threads,
                fit.listener(), TENTHS);
    }

    /**
     * A bootstrap of the law {@link AutoFit} chose: for a mean of two laws both members are redone on
     * the same resample and the resample's law is the mean of the two; its parameters are the
     * members', named as in {@link MeanLaw#params()}. 200 resamples, seed 1, up to two threads.
     */
    public static Bootstrap of(AutoFitResult auto) {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        return new Bootstrap(auto.fits(), auto.memberNames(), 200, 1, threads, FitListener.NONE, TENTHS);
    }

    /** The number of resamples. */
    public Bootstrap resamples(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("need at least 2 resamples: " + count);
        }
        return new Bootstrap(fits, names, count, seed, threads, listener, block);
    }

    /** The random seed (same seed, same intervals). */
    public Bootstrap seed(long value) {
        return new Bootstrap(fits, names, resamples, value, threads, listener, block);
    }

    /** The number of threads refitting in parallel. */
    public Bootstrap threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least 1 thread: " + count);
        }
        return new Bootstrap(fits, names, resamples, seed, count, listener, block);
    }

    /** Receives a {@code "bootstrap"} progress report after each refit. */
    public Bootstrap listener(FitListener progress) {
        return new Bootstrap(fits, names, resamples, seed, threads, Objects.requireNonNull(progress, "listener"), block);
    }

    /** Moving blocks of {@code points} consecutive logged points (1 is the single-point bootstrap). */
    public Bootstrap blocks(int points) {
        if (points < 1) {
            throw new IllegalArgumentException("a block needs at least 1 point: " + points);
        }
        return new Bootstrap(fits, names, resamples, seed, threads, listener, points);
    }

    /** Single points drawn independently (residuals treated as independent: intervals too narrow). */
    public Bootstrap singlePoints() {
        return blocks(1);
    }

    /** Whole curves drawn with replacement. */
    public Bootstrap wholeCurves() {
        return new Bootstrap(fits, names, resamples, seed, threads, listener, WHOLE_CURVES);
    }

    /**
     * Runs the refits.
     *
     * @throws FitException if no resample could be refitted
     */
    public BootstrapResult run() {
        int[] sizes = fits.get(0).prepared().sizes;
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "trainkit-bootstrap");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<double[][]>> refits = new ArrayList<>();
            for (int r = 0; r < resamples; r++) {
                long resampleSeed = seed * 0x9E3779B97F4A7C15L + r;
                refits.add(pool.submit(() -> {
                    double[] weights = weights(sizes, block, new SplittableRandom(resampleSeed));
                    try {
                        double[][] members = new double[fits.size()][];
                        for (int m = 0; m < fits.size(); m++) {
                            members[m] = fits.get(m).prepared().full(fits.get(m).refit(weights).params());
                        }
                        return members;
                    } catch (FitException failed) {
                        return null;
                    } finally {
                        listener.onProgress(new FitProgress("bootstrap", done.incrementAndGet(), resamples, Double.NaN));
                    }
                }));
            }
            List<double[][]> samples = new ArrayList<>();
            for (Future<double[][]> refit : refits) {
                double[][] params = refit.get();
                if (params != null) {
                    samples.add(params);
                }
            }
            if (samples.isEmpty()) {
                throw new FitException(FitException.Reason.ITERATIONS_EXHAUSTED, "bootstrap: none of the "
                        + resamples + " resamples could be refitted");
            }
            int failures = resamples - samples.size();
            if (fits.size() == 1) {
                FitResult fit = fits.get(0);
                return new BootstrapResult(fit.form(), fit.values(), samples.stream().map(p -> p[0]).toList(), failures,
                        describe());
            }
            return BootstrapResult.ofMean(names, fits, samples, failures, describe());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** How resamples are drawn, in words. */
    private String describe() {
        return block == WHOLE_CURVES ? "whole curves" : block == TENTHS
                ? "moving blocks of a tenth of each curve" : block == 1 ? "single points" : "moving blocks of " + block
                        + " points";
    }

    /**
     * Point weights of one resample: how often each point of each curve was drawn, for blocks of
     * {@code block} points ({@code 0}: a tenth of each curve, rounded up; {@code -1}: whole curves).
     */
    static double[] weights(int[] sizes, int block, SplittableRandom random) {
        int total = 0;
        for (int size : sizes) {
            total += size;
        }
        double[] weights = new double[total];
        if (block == WHOLE_CURVES) {
            int[] offsets = new int[sizes.length];
            for (int c = 1; c < sizes.length; c++) {
                offsets[c] = offsets[c - 1] + sizes[c - 1];
            }
            for (int draw = 0; draw < sizes.length; draw++) {
                int c = random.nextInt(sizes.length);
                for (int i = 0; i < sizes[c]; i++) {
                    weights[offsets[c] + i]++;
                }
            }
            return weights;
        }
        int offset = 0;
        for (int size : sizes) {
            int length = Math.min(size, block == TENTHS ? (size + DEFAULT_BLOCKS_PER_CURVE - 1) / DEFAULT_BLOCKS_PER_CURVE
                    : block);
            int covered = 0;
            while (covered < size) {
                int start = random.nextInt(size - length + 1);
                for (int i = 0; i < length && covered < size; i++, covered++) {
                    weights[offset + start + i]++;
                }
            }
            offset += size;
        }
        return weights;
    }
}
