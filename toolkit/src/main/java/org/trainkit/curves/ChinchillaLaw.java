package org.trainkit.curves;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinchilla form of the final loss as a function of model size N and training tokens D
 * (Hoffmann et al. 2022, "Training Compute-Optimal Large Language Models", approach 3):
 * {@code L(N, D) = E + A / N^alpha + B / D^beta}. The replication by Besiroglu et al. (2024) estimates
 * {@code A = 482.01, B = 2085.43, E = 1.817, alpha = 0.348, beta = 0.366}; the original paper
 * {@code 406.4, 410.7, 1.69, 0.34, 0.28}.
 *
 * @param e the irreducible loss E
 * @param a the model-size coefficient A
 * @param b the data coefficient B
 * @param alpha the model-size exponent
 * @param beta the data exponent
 */
public record ChinchillaLaw(double e, double a, double b, double alpha, double beta) {

    /** The Besiroglu et al. (2024) replication estimate. */
    public static final ChinchillaLaw REPLICATION = new ChinchillaLaw(1.817, 482.01, 2085.43, 0.348, 0.366);

    /** The predicted loss of a model with {@code parameters} parameters trained on {@code tokens} tokens. */
    public double loss(double parameters, double tokens) {
        return e + a * Math.pow(parameters, -alpha) + b * Math.pow(tokens, -beta);
    }

    /** Parameter names to values: E, A, B, alpha, beta. */
    public Map<String, Double> params() {
        Map<String, Double> params = new LinkedHashMap<>();
        params.put("E", e);
        params.put("A", a);
        params.put("B", b);
        params.put("alpha", alpha);
        params.put("beta", beta);
        return params;
    }
}
