package org.trainkit.reweight;

/** A per-class value looked up by a sample's label, with an error naming the strategy when the label is out of range. */
final class ClassLabels {

    private ClassLabels() {
    }

    static double lookup(String strategy, double[] perClass, int label) {
        if (label < 0 || label >= perClass.length) {
            throw new IllegalArgumentException(strategy + ": label " + label + " outside the " + perClass.length
                    + " classes the strategy was started with (0.." + (perClass.length - 1) + ")");
        }
        return perClass[label];
    }
}
