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
 * Bootstrap confidence intervals for a fit's parameters (Efron's percentile bootstrap): each resample
 * draws, within every curve, as many logged points as it has, uniformly with replacement; the law is
 * refitted to the resample starting from the original optimum (warm start, no grid search), and the
 * intervals are percentiles of the refitted values. A resample is fitted as the original with each
 * point's Huber term weighted by how often it was drawn, so no data are copied.
 *
 * <p>Resampling single points treats a curve's residuals as exchangeable, which neighbouring points
 * of a loss curve are not; the intervals describe the fit's sensitivity to which points it saw,
 * not a full time-series uncertainty.
 *
 * <pre>{@code
 * BootstrapResult ci = Bootstrap.of(fit).resamples(200).seed(7).run();
 * ci.interval("alpha");
 * }</pre>
 */
public final class Bootstrap {

    private final FitResult fit;
    private final int resamples;
    private final long seed;
    private final int threads;
    private final FitListener listener;

    private Bootstrap(FitResult fit, int resamples, long seed, int threads, FitListener listener) {
        this.fit = fit;
        this.resamples = resamples;
        this.seed = seed;
        this.threads = threads;
        this.listener = listener;
    }

    /** A bootstrap of {@code fit}: 200 resamples, seed 1, up to two threads, the fit's listener. */
    public static Bootstrap of(FitResult fit) {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        return new Bootstrap(Objects.requireNonNull(fit, "fit"), 200, 1, threads, fit.listener());
    }

    /** The number of resamples. */
    public Bootstrap resamples(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("need at least 2 resamples: " + count);
        }
        return new Bootstrap(fit, count, seed, threads, listener);
    }

    /** The random seed (same seed, same intervals). */
    public Bootstrap seed(long value) {
        return new Bootstrap(fit, resamples, value, threads, listener);
    }

    /** The number of threads refitting in parallel. */
    public Bootstrap threads(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least 1 thread: " + count);
        }
        return new Bootstrap(fit, resamples, seed, count, listener);
    }

    /** Receives a {@code "bootstrap"} progress report after each refit. */
    public Bootstrap listener(FitListener progress) {
        return new Bootstrap(fit, resamples, seed, threads, Objects.requireNonNull(progress, "listener"));
    }

    /**
     * Runs the refits.
     *
     * @throws FitException if no resample could be refitted
     */
    public BootstrapResult run() {
        HuberLeastSquares problem = fit.prepared().problem;
        int[] sizes = fit.prepared().sizes;
        PreparedCurves prepared = fit.prepared();
        double[] start = prepared.free(fit.values());
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "trainkit-bootstrap");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<double[]>> refits = new ArrayList<>();
            for (int r = 0; r < resamples; r++) {
                long resampleSeed = seed * 0x9E3779B97F4A7C15L + r;
                refits.add(pool.submit(() -> {
                    double[] weights = weights(sizes, new SplittableRandom(resampleSeed));
                    try {
                        return prepared.full(problem.minimise(start, weights, fit.maxIterations(), FitListener.NONE)
                                .params());
                    } catch (FitException failed) {
                        return null;
                    } finally {
                        listener.onProgress(new FitProgress("bootstrap", done.incrementAndGet(), resamples, Double.NaN));
                    }
                }));
            }
            List<double[]> samples = new ArrayList<>();
            for (Future<double[]> refit : refits) {
                double[] params = refit.get();
                if (params != null) {
                    samples.add(params);
                }
            }
            if (samples.isEmpty()) {
                throw new FitException(FitException.Reason.ITERATIONS_EXHAUSTED, "bootstrap: none of the "
                        + resamples + " resamples could be refitted");
            }
            return new BootstrapResult(fit.form().parameterNames(), fit.values(), samples, resamples - samples.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bootstrap interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Point weights of one resample: how often each point of each curve was drawn. */
    static double[] weights(int[] sizes, SplittableRandom random) {
        int total = 0;
        for (int size : sizes) {
            total += size;
        }
        double[] weights = new double[total];
        int offset = 0;
        for (int size : sizes) {
            for (int draw = 0; draw < size; draw++) {
                weights[offset + random.nextInt(size)]++;
            }
            offset += size;
        }
        return weights;
    }
}
