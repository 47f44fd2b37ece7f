package org.trainkit.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set split into a training part and a held-out validation part, made by
 * {@link LabelledImages#split(double, long)}: disjoint views that together hold every image of the
 * set, stratified by class.
 *
 * @param train the images to train on
 * @param validation the held-out images
 */
public record TrainValidation(LabelledImages train, LabelledImages validation) {

    /** Checks that both parts are given. */
    public TrainValidation {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
    }

    /** The stratified split documented at {@link LabelledImages#split(double, long)}. */
    static TrainValidation split(LabelledImages images, double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validationFraction: expected a fraction in (0, 1), got "
                    + validationFraction);
        }
        int[][] byClass = images.positionsByClass();
        int[] train = new int[images.size()];
        int[] validation = new int[images.size()];
        int trainCount = 0;
        int validationCount = 0;
        for (int c = 0; c < byClass.length; c++) {
            int[] positions = byClass[c];
            Draws.shuffle(positions, seed, "split", c);
            int held = (int) Math.round(validationFraction * positions.length);
            System.arraycopy(positions, 0, validation, validationCount, held);
            System.arraycopy(positions, held, train, trainCount, positions.length - held);
            validationCount += held;
            trainCount += positions.length - held;
        }
        if (trainCount == 0 || validationCount == 0) {
            throw new IllegalArgumentException("validationFraction: " + validationFraction + " of the "
                    + images.size() + " images of " + images.name() + " leaves the " + (trainCount == 0 ? "train"
                    : "validation") + " part empty; expected a fraction that gives each part an image");
        }
        String suffix = ", seed " + seed;
        return new TrainValidation(
                images.view("train " + Args.percent(1 - validationFraction) + suffix, sorted(train, trainCount)),
                images.view("validation " + Args.percent(validationFraction) + suffix,
                        sorted(validation, validationCount)));
    }

    private static int[] sorted(int[] positions, int count) {
        int[] part = Arrays.copyOf(positions, count);
        Arrays.sort(part);
        return part;
    }
}
