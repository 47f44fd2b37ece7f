package org.trainkit.curves;

import java.util.SplittableRandom;

/**
 * Random per-step learning-rate arrays for property tests: a linear warmup from 0 followed by
 * random segments (constant, cosine, linear or geometric decay, jumps up or down, a zero tail).
 */
final class RandomSchedules {

    private RandomSchedules() {
    }

    static double[] next(SplittableRandom random, int totalSteps) {
        double[] lr = new double[totalSteps];
        double peak = Math.exp(random.nextDouble(Math.log(1e-5), Math.log(1e-1)));
        int warmup = random.nextInt(1, totalSteps / 4);
        for (int t = 0; t < warmup; t++) {
            lr[t] = peak * t / (warmup - 1.0);
        }
        int t = warmup;
        double current = peak;
        while (t < totalSteps) {
            int length = Math.min(totalSteps - t, random.nextInt(1, totalSteps / 3 + 2));
            double target = current * Math.exp(random.nextDouble(-3, 1));
            int shape = random.nextInt(6);
            for (int i = 0; i < length; i++, t++) {
                double p = length == 1 ? 1 : i / (length - 1.0);
                lr[t] = switch (shape) {
                    case 0 -> current;
                    case 1 -> target + (current - target) * (1 + Math.cos(Math.PI * p)) / 2;
                    case 2 -> current + (target - current) * p;
                    case 3 -> Math.pow(current, 1 - p) * Math.pow(target, p);
                    case 4 -> target;
                    default -> t > totalSteps * 0.9 ? 0 : target;
                };
            }
            current = lr[t - 1] > 0 ? lr[t - 1] : peak * 0.1;
        }
        return lr;
    }

}
