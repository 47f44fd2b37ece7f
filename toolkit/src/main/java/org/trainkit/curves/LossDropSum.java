package org.trainkit.curves;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hipparchus.special.Gamma;

/**
 * The learning-rate-drop sum of the multi-power law (Luo et al., ICLR 2025, arXiv 2503.12811) at a
 * set of query steps, in time linear in the number of steps plus queries.
 *
 * <p>With {@code u_k = eta_k^gamma / C} (so that {@code C eta_k^-gamma = 1/u_k}), the law's loss
 * drop is {@code LD(t) = B (sum_{k<=t} d_k - H(t))} with
 * <pre>
 *   H(t) = sum_{k<=t, d_k != 0} d_k u_k^beta y_k(t)^-beta,   y_k(t) = u_k + S1(t) - S1(k-1),
 * </pre>
 * because {@code (1 + x/u)^-beta = u^beta (u + x)^-beta}. A direct evaluation costs one power per
 * (query, drop) pair: 2.8 million per evaluation for the three 25M train curves of the paper, and
 * {@code T^2/2} for a full per-step curve of {@code T} steps.
 *
 * <p><b>Method.</b> {@code y^-beta = (1/Gamma(beta)) * integral exp(beta s - e^s y) ds} over the real
 * line; the trapezoid rule with step {@code h} on the nodes {@code s_j = j h} gives
 * {@code y^-beta ~ sum_j W_j exp(-lambda_j y)} with {@code lambda_j = e^(s_j)} and
 * {@code W_j = h e^(beta s_j) / Gamma(beta)}. Each exponential factorises over the two ends of
 * {@code y_k(t)}, so {@code Q_j(t) = sum_{k<=t} w_k exp(-lambda_j y_k(t))} obeys the recurrence
 * {@code Q_j(t) = Q_j(t') exp(-lambda_j (S1(t) - S1(t'))) + (drops in (t', t])}, one exponential per
 * (node, drop) and per (node, query). The nodes needed are those with {@code lambda_j} between
 * {@code 1e-3 / y_max} and about {@code 30 / y_min}; the left tail below that (slowly decaying, as
 * {@code e^(beta s)}) is summed in closed form as a geometric series and expanded to second order
 * in {@code y}, which separates into prefix sums of {@code w_k a_k^i} with {@code a_k = u_k - S1(k-1)}.
 *
 * <p><b>Accuracy.</b> The trapezoid error is about {@code exp(-2 pi d / h) cos(d)^-beta} for a strip
 * half-width {@code d < pi/2}; {@code h} is chosen from {@code beta} so that this is 1e-11 (45 to 55
 * nodes for the three train curves of the paper's data near its fitted parameters, more for larger
 * {@code beta}: the step shrinks as {@code beta} grows); the tail expansion adds less than 1e-11. So
 * {@code H} is within about 1e-11 of the exact sum relative to {@code sum |d_k|} (the property tests
 * measure 2e-12 against the pair-by-pair sum, and 1e-9 relative or better on the loss, over random
 * schedules and parameters). The derivatives in {@code C, beta, gamma} come from the same
 * exponentials with other node weights (d/dbeta of the weights, {@code lambda_j / beta} for
 * {@code y^-(beta+1)}), accurate to about 1e-9 of the size of their terms.
 *
 * <p><b>Cost.</b> One exponential and four multiply-adds per (node, drop) and per (node, query), except
 * where a node's exponential barely varies over the drops between two queries ({@code lambda} times
 * half the spread of their {@code y} at most 1): there the block's moments
 * {@code sum w_k (y_k - centre)^m}, computed once per evaluation, give the block's sum in 16
 * multiply-adds and one exponential (remainder below 1.3e-13 of the block's {@code sum |w_k|}). The
 * low nodes, which see every drop, are those; on long smooth schedules this removes most of the
 * exponentials. The node passes are independent and are split over two threads when the work is
 * large.
 *
 * <p>A drop to a zero learning rate ({@code eta_k = 0}, so {@code u_k = 0}) has
 * {@code G = 1} once any later step has a positive rate and {@code G = 0} before (the limit of the
 * formula for {@code gamma < 1}); it is summed directly. The range of {@code y} covered by the nodes
 * is that of the pairs actually evaluated, from the prefix sums as computed (so rounding in {@code S1}
 * cannot put a pair outside it, and a warmup's tiny early rates, which are only ever seen from a
 * later query, do not widen it).
 */
final class LossDropSum {

    /** Target relative accuracy of the trapezoid rule. */
    private static final double EPSILON = 1e-11;
    /** Node passes times (drops + queries) above which the passes are split over two threads. */
    private static final long PARALLEL_WORK = 400_000;
    /** The tail starts where {@code lambda_j y_max} falls below this. */
    private static final double TAIL_START = 1e-3;
    /** Terms of the tail expansion in powers of {@code y}. */
    private static final int TAIL_TERMS = 3;
    /**
     * Terms of the per-block expansion of {@code exp(-lambda (x - centre))}, used for a node when
     * {@code lambda} times the block's radius is at most {@link #BLOCK_REACH}: the remainder is at most
     * {@code BLOCK_REACH^M e^BLOCK_REACH / M!}, 1.3e-13 for 16 terms.
     */
    private static final int BLOCK_TERMS = 16;
    /** The largest {@code lambda * radius} for which a block's moments replace its drops. */
    private static final double BLOCK_REACH = 1;

    private final int[] queries;
    private final double[] queryS1;
    /** For each query, the end (exclusive) of its drops in the drop arrays. */
    private final int[] blockEnd;
    private final double[] drop;
    private final double[] eta;
    private final double[] lnEta;
    private final double[] s1Before;

    /**
     * @param lr learning rate of every step
     * @param s1 prefix sums {@code s1[t] = lr[0] + ... + lr[t]}
     * @param queries strictly increasing steps at which to evaluate
     */
    LossDropSum(double[] lr, double[] s1, int[] queries) {
        this.queries = queries.clone();
        this.queryS1 = new double[queries.length];
        this.blockEnd = new int[queries.length];
        int last = queries.length == 0 ? 0 : queries[queries.length - 1];
        int count = 0;
        for (int k = 1; k <= last; k++) {
            if (lr[k - 1] != lr[k]) {
                count++;
            }
        }
        drop = new double[count];
        eta = new double[count];
        lnEta = new double[count];
        s1Before = new double[count];
        int n = 0;
        int q = 0;
        for (int k = 1; k <= last; k++) {
            while (q < queries.length && queries[q] < k) {
                blockEnd[q++] = n;
            }
            if (lr[k - 1] != lr[k]) {
                drop[n] = lr[k - 1] - lr[k];
                eta[n] = lr[k];
                lnEta[n] = lr[k] > 0 ? Math.log(lr[k]) : Double.NEGATIVE_INFINITY;
                s1Before[n] = s1[k - 1];
                n++;
            }
        }
        while (q < queries.length) {
            blockEnd[q++] = n;
        }
        for (int i = 0; i < queries.length; i++) {
            queryS1[i] = s1[queries[i]];
        }
    }

    /** The number of learning-rate changes up to the last query. */
    int drops() {
        return drop.length;
    }

    /** {@code H} at each query (see the class comment). */
    double[] values(double c, double beta, double gamma) {
        Sums sums = new Sums(queries.length, false);
        boolean[] zero = evaluate(c, beta, gamma, sums);
        addZeroDrops(zero, sums.h);
        return sums.h;
    }

    /**
     * {@code H} and its partial derivatives in {@code C}, {@code beta}, {@code gamma} at each query,
     * written into the given arrays (each of the query count's length).
     */
    void valuesAndDerivatives(double c, double beta, double gamma, double[] h, double[] dc, double[] dbeta,
            double[] dgamma) {
        Sums sums = new Sums(queries.length, true);
        boolean[] zero = evaluate(c, beta, gamma, sums);
        double lnC = Math.log(c);
        for (int i = 0; i < queries.length; i++) {
            h[i] = sums.h[i];
            dc[i] = beta / c * (sums.g1[i] - sums.h[i]);
            dbeta[i] = gamma * sums.e1[i] - lnC * sums.h[i] - sums.hLog[i];
            dgamma[i] = beta * (sums.e1[i] - sums.e2[i]);
        }
        addZeroDrops(zero, h);
    }

    /** Accumulators per query; see {@link #valuesAndDerivatives} for how they combine. */
    private static final class Sums {
        final double[] h;      // sum w y^-beta
        final double[] hLog;   // sum w ln(y) y^-beta
        final double[] g1;     // sum w u y^-(beta+1)
        final double[] e1;     // sum w ln(eta) y^-beta
        final double[] e2;     // sum w ln(eta) u y^-(beta+1)

        Sums(int n, boolean derivatives) {
            h = new double[n];
            hLog = derivatives ? new double[n] : null;
            g1 = derivatives ? new double[n] : null;
            e1 = derivatives ? new double[n] : null;
            e2 = derivatives ? new double[n] : null;
        }

        boolean derivatives() {
            return hLog != null;
        }

        void add(Sums other) {
            for (int i = 0; i < h.length; i++) {
                h[i] += other.h[i];
                if (derivatives()) {
                    hLog[i] += other.hLog[i];
                    g1[i] += other.g1[i];
                    e1[i] += other.e1[i];
                    e2[i] += other.e2[i];
                }
            }
        }
    }

    /**
     * Adds the drops with {@code u_k > 0} into {@code sums}; returns which drops have {@code u_k = 0}
     * (they carry no derivative and are added by {@link #addZeroDrops}).
     */
    private boolean[] evaluate(double c, double beta, double gamma, Sums sums) {
        int n = drop.length;
        boolean[] zero = new boolean[n];
        if (n == 0 || queries.length == 0) {
            return zero;
        }
        boolean derivatives = sums.derivatives();
        double lnC = Math.log(c);
        double[] u = new double[n];
        double[] w0 = new double[n];
        double[] w1 = derivatives ? new double[n] : null;
        double[] w2 = derivatives ? new double[n] : null;
        double[] w3 = derivatives ? new double[n] : null;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = 0;
        double lastS1 = queryS1[queryS1.length - 1];
        boolean positive = false;
        for (int k = 0; k < n; k++) {
            double lnU = gamma * lnEta[k] - lnC;
            u[k] = Math.exp(lnU);
            if (u[k] == 0) {
                zero[k] = true;
                continue;
            }
            positive = true;
            w0[k] = drop[k] * Math.exp(beta * lnU);
            if (derivatives) {
                w1[k] = w0[k] * u[k];
                w2[k] = w0[k] * lnEta[k];
                w3[k] = w2[k] * u[k];
            }
            yMax = Math.max(yMax, u[k] + lastS1 - s1Before[k]);
        }
        if (positive) {
            // x[k] = y_k at the first query at or after the drop; later queries only see larger y, so
            // the smallest x is the smallest y the nodes must cover.
            double[] x = new double[n];
            int k = 0;
            for (int b = 0; b < queries.length; b++) {
                for (int end = blockEnd[b]; k < end; k++) {
                    x[k] = zero[k] ? Double.POSITIVE_INFINITY : u[k] + (queryS1[b] - s1Before[k]);
                    yMin = Math.min(yMin, x[k]);
                }
            }
            Nodes nodes = new Nodes(beta, yMin, yMax);
            Blocks blocks = new Blocks(x, zero, derivatives ? new double[][] {w0, w1, w2, w3} : new double[][] {w0});
            accumulateNodes(nodes, x, w0, w1, w2, w3, blocks, sums);
            addTail(nodes, u, zero, w0, w1, w2, w3, sums);
        }
        return zero;
    }

    /** The trapezoid nodes for one evaluation. */
    private static final class Nodes {
        final double beta;
        final double step;
        final int first;
        final int count;
        final double cut;
        final double digamma;
        final double gammaFunction;

        Nodes(double beta, double yMin, double yMax) {
            this.beta = beta;
            this.step = stepFor(beta);
            this.cut = cutoff(beta);
            this.first = (int) Math.ceil(Math.log(TAIL_START / yMax) / step);
            int last = (int) Math.ceil(Math.log(cut / yMin) / step);
            this.count = Math.max(0, last - first + 1);
            this.digamma = Gamma.digamma(beta);
            this.gammaFunction = Gamma.gamma(beta);
        }

        double s(int j) {
            return (first + j) * step;
        }

        /**
         * The largest trapezoid step whose error bound {@code exp(-2 pi d / h) cos(d)^-beta} is at most
         * {@link #EPSILON} for some strip half-width {@code d}.
         */
        static double stepFor(double beta) {
            double best = 0;
            for (int i = 1; i < 160; i++) {
                double d = i * (Math.PI / 2) / 160;
                double h = 2 * Math.PI * d / (-Math.log(EPSILON) - beta * Math.log(Math.cos(d)));
                best = Math.max(best, h);
            }
            return best;
        }

        /** The {@code x = lambda y} beyond which {@code x^beta e^-x} is below {@link #EPSILON}. */
        static double cutoff(double beta) {
            double x = beta - Math.log(EPSILON);
            for (int i = 0; i < 50; i++) {
                x = Math.max(beta, beta * Math.log(x) - Math.log(EPSILON));
            }
            return x;
        }
    }

    /**
     * The drops between two consecutive queries, summarised for the nodes whose exponentials barely
     * vary across them: with {@code x_k = centre + delta_k} and {@code |delta_k| <= radius},
     * {@code sum_k w_k exp(-lambda x_k) = exp(-lambda centre) sum_m (-lambda)^m / m! sum_k w_k delta_k^m},
     * which costs {@link #BLOCK_TERMS} multiply-adds per (node, block) instead of one exponential per
     * (node, drop). On a smooth schedule logged every few hundred steps this replaces most of the
     * exponentials: the low nodes see every drop, and their {@code lambda} times the radius is small.
     */
    private final class Blocks {
        final double[] centre;
        final double[] radius;
        /** {@code moments[v][b * BLOCK_TERMS + m] = sum_k weights[v][k] delta_k^m} over block {@code b}. */
        final double[][] moments;

        Blocks(double[] x, boolean[] zero, double[][] weights) {
            int count = queries.length;
            centre = new double[count];
            radius = new double[count];
            moments = new double[weights.length][count * BLOCK_TERMS];
            double[] powers = new double[BLOCK_TERMS];
            int start = 0;
            for (int b = 0; b < count; b++) {
                int end = blockEnd[b];
                double low = Double.POSITIVE_INFINITY;
                double high = Double.NEGATIVE_INFINITY;
                for (int k = start; k < end; k++) {
                    // plain comparisons: x holds no NaN, and Math.min/max's NaN and -0.0 rules cost here
                    if (!zero[k] && x[k] < low) {
                        low = x[k];
                    }
                    if (!zero[k] && x[k] > high) {
                        high = x[k];
                    }
                }
                if (low <= high) {
                    centre[b] = 0.5 * (low + high);
                    radius[b] = 0.5 * (high - low);
                    int base = b * BLOCK_TERMS;
                    for (int k = start; k < end; k++) {
                        if (zero[k]) {
                            continue;
                        }
                        double delta = x[k] - centre[b];
                        powers[0] = 1;
                        for (int m = 1; m < BLOCK_TERMS; m++) {
                            powers[m] = powers[m - 1] * delta;
                        }
                        for (int v = 0; v < weights.length; v++) {
                            double[] into = moments[v];
                            double w = weights[v][k];
                            for (int m = 0; m < BLOCK_TERMS; m++) {
                                into[base + m] += w * powers[m];
                            }
                        }
                    }
                }
                start = end;
            }
        }

        /** Whether block {@code b}'s moments serve the node {@code lambda}. */
        boolean serves(int b, double lambda) {
            return lambda * radius[b] <= BLOCK_REACH;
        }

        /** {@code sum_m coefficients[m] moments[v][b, m]}, times {@code exp(-lambda centre_b)}. */
        double sum(int v, int b, double[] coefficients, double scale) {
            double[] of = moments[v];
            int base = b * BLOCK_TERMS;
            double total = 0;
            for (int m = BLOCK_TERMS - 1; m >= 0; m--) {
                total += coefficients[m] * of[base + m];
            }
            return scale * total;
        }
    }

    /** {@code (-lambda)^m / m!} for {@code m < BLOCK_TERMS}. */
    private static double[] expansion(double lambda) {
        double[] coefficients = new double[BLOCK_TERMS];
        double term = 1;
        for (int m = 0; m < BLOCK_TERMS; m++) {
            coefficients[m] = term;
            term *= -lambda / (m + 1);
        }
        return coefficients;
    }

    /**
     * Runs the node passes, splitting the nodes between the calling thread and one pool thread when
     * the work is large enough to pay for it (the passes are independent; each half sums into its
     * own accumulators).
     */
    private void accumulateNodes(Nodes nodes, double[] x, double[] w0, double[] w1, double[] w2, double[] w3,
            Blocks blocks, Sums sums) {
        long work = (long) nodes.count * (x.length + queries.length);
        if (work < PARALLEL_WORK || Runtime.getRuntime().availableProcessors() < 2) {
            accumulateNodes(nodes, 0, 1, x, w0, w1, w2, w3, blocks, sums);
            return;
        }
        Sums other = new Sums(queries.length, sums.derivatives());
        AtomicBoolean claimed = new AtomicBoolean();
        Runnable otherHalf = () -> {
            if (claimed.compareAndSet(false, true)) {
                accumulateNodes(nodes, 1, 2, x, w0, w1, w2, w3, blocks, other);
            }
        };
        ForkJoinTask<?> pooled = ForkJoinPool.commonPool().submit(otherHalf);
        accumulateNodes(nodes, 0, 2, x, w0, w1, w2, w3, blocks, sums);
        otherHalf.run();
        pooled.join();
        sums.add(other);
    }

    private void accumulateNodes(Nodes nodes, int first, int stride, double[] x, double[] w0, double[] w1,
            double[] w2, double[] w3, Blocks blocks, Sums sums) {
        for (int j = first; j < nodes.count; j += stride) {
            if (sums.derivatives()) {
                nodeWithDerivatives(nodes, j, x, w0, w1, w2, w3, blocks, sums);
            } else {
                nodeValues(nodes, j, x, w0, blocks, sums.h);
            }
        }
    }

    /** One node's pass for {@code H} only: {@code Q(q) = Q(q') exp(-lambda dS1) + sum w exp(-lambda x)}. */
    private void nodeValues(Nodes nodes, int j, double[] x, double[] w0, Blocks blocks, double[] h) {
        double s = nodes.s(j);
        double lambda = Math.exp(s);
        double weight = nodes.step * Math.exp(nodes.beta * s) / nodes.gammaFunction;
        double limit = nodes.cut / lambda;
        double[] coefficients = expansion(lambda);
        double q0 = 0;
        int k = 0;
        for (int b = 0; b < queries.length; b++) {
            if (b > 0) {
                q0 *= Math.exp(-lambda * (queryS1[b] - queryS1[b - 1]));
            }
            int end = blockEnd[b];
            if (end > k && blocks.serves(b, lambda)) {
                q0 += blocks.sum(0, b, coefficients, Math.exp(-lambda * blocks.centre[b]));
                k = end;
            }
            for (; k < end; k++) {
                if (x[k] < limit) {
                    q0 += w0[k] * Math.exp(-lambda * x[k]);
                }
            }
            h[b] += weight * q0;
        }
    }

    /** One node's pass for {@code H} and the four sums its derivatives need. */
    private void nodeWithDerivatives(Nodes nodes, int j, double[] x, double[] w0, double[] w1, double[] w2,
            double[] w3, Blocks blocks, Sums sums) {
        double s = nodes.s(j);
        double lambda = Math.exp(s);
        double[] coefficients = expansion(lambda);
        double weight = nodes.step * Math.exp(nodes.beta * s) / nodes.gammaFunction;
        double weightLog = -weight * (s - nodes.digamma);
        double weightNext = weight * lambda / nodes.beta;
        double limit = nodes.cut / lambda;
        double q0 = 0;
        double q1 = 0;
        double q2 = 0;
        double q3 = 0;
        int k = 0;
        for (int b = 0; b < queries.length; b++) {
            if (b > 0) {
                double decay = Math.exp(-lambda * (queryS1[b] - queryS1[b - 1]));
                q0 *= decay;
                q1 *= decay;
                q2 *= decay;
                q3 *= decay;
            }
            int end = blockEnd[b];
            if (end > k && blocks.serves(b, lambda)) {
                double scale = Math.exp(-lambda * blocks.centre[b]);
                q0 += blocks.sum(0, b, coefficients, scale);
                q1 += blocks.sum(1, b, coefficients, scale);
                q2 += blocks.sum(2, b, coefficients, scale);
                q3 += blocks.sum(3, b, coefficients, scale);
                k = end;
            }
            for (; k < end; k++) {
                if (x[k] < limit) {
                    double e = Math.exp(-lambda * x[k]);
                    q0 += w0[k] * e;
                    q1 += w1[k] * e;
                    q2 += w2[k] * e;
                    q3 += w3[k] * e;
                }
            }
            sums.h[b] += weight * q0;
            sums.hLog[b] += weightLog * q0;
            sums.g1[b] += weightNext * q1;
            sums.e1[b] += weight * q2;
            sums.e2[b] += weightNext * q3;
        }
    }

    /**
     * Nodes left of the first one, {@code s_j = (first - i) h} for {@code i >= 1}, summed exactly as
     * geometric series in each power of {@code lambda} after expanding {@code exp(-lambda y)} to
     * {@link #TAIL_TERMS} terms.
     */
    private void addTail(Nodes nodes, double[] u, boolean[] zero, double[] w0, double[] w1, double[] w2, double[] w3, Sums sums) {
        boolean derivatives = sums.derivatives();
        double beta = nodes.beta;
        double s0 = nodes.s(0);
        // t[m] = sum_{j < first} W_j lambda_j^m; tLog[m] = -d t[m] / d beta.
        double[] t = new double[TAIL_TERMS + 1];
        double[] tLog = new double[TAIL_TERMS + 1];
        for (int m = 0; m <= TAIL_TERMS; m++) {
            double r = (beta + m) * nodes.step;
            t[m] = nodes.step / nodes.gammaFunction * Math.exp((beta + m) * s0 - r) / -Math.expm1(-r);
            tLog[m] = -t[m] * (-nodes.digamma + s0 - nodes.step / -Math.expm1(-r));
        }
        int vectors = derivatives ? 4 : 1;
        double[][] weights = {w0, w1, w2, w3};
        // prefix[v][i] = sum over drops so far of weights[v][k] * a_k^i with a_k = u_k - S1(k-1).
        double[][] prefix = new double[vectors][TAIL_TERMS];
        double[][] power = new double[vectors][TAIL_TERMS];
        int k = 0;
        for (int b = 0; b < queries.length; b++) {
            for (int end = blockEnd[b]; k < end; k++) {
                if (zero[k]) {
                    continue;
                }
                double a = u[k] - s1Before[k];
                for (int v = 0; v < vectors; v++) {
                    double term = weights[v][k];
                    for (int i = 0; i < TAIL_TERMS; i++) {
                        prefix[v][i] += term;
                        term *= a;
                    }
                }
            }
            double sq = queryS1[b];
            for (int v = 0; v < vectors; v++) {
                // power[v][m] = sum_k w_k y_k^m = sum_i binom(m, i) sq^(m-i) prefix[v][i]
                for (int m = 0; m < TAIL_TERMS; m++) {
                    double sum = 0;
                    double binomial = 1;
                    for (int i = 0; i <= m; i++) {
                        sum += binomial * Math.pow(sq, m - i) * prefix[v][i];
                        binomial = binomial * (m - i) / (i + 1);
                    }
                    power[v][m] = sum;
                }
            }
            double factorial = 1;
            for (int m = 0; m < TAIL_TERMS; m++) {
                double sign = (m % 2 == 0 ? 1 : -1) / factorial;
                sums.h[b] += sign * t[m] * power[0][m];
                if (derivatives) {
                    sums.hLog[b] += sign * tLog[m] * power[0][m];
                    sums.g1[b] += sign * t[m + 1] / beta * power[1][m];
                    sums.e1[b] += sign * t[m] * power[2][m];
                    sums.e2[b] += sign * t[m + 1] / beta * power[3][m];
                }
                factorial *= m + 1;
            }
        }
    }

    /**
     * Drops whose {@code u_k} is 0 (a zero learning rate, or {@code eta^gamma / C} below the smallest
     * double): {@code (1 + x/u)^-beta} is 1 while {@code S_k(t) = 0} and 0 after.
     */
    private void addZeroDrops(boolean[] zero, double[] h) {
        int b = 0;
        for (int k = 0; k < zero.length; k++) {
            if (!zero[k]) {
                continue;
            }
            while (blockEnd[b] <= k) {
                b++;
            }
            for (int q = b; q < queries.length && queryS1[q] == s1Before[k]; q++) {
                h[q] += drop[k];
            }
        }
    }
}
