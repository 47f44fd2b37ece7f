package org.trainkit.curves;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The mean of several laws' predictions at every step: equal-weight model averaging, which lowers
 * the variance of a prediction when the members err in different directions (Breiman 1996,
 * "Bagging predictors", on averaging unstable fits). {@link AutoFit} scores the mean of every pair
 * of its candidates beside the candidates themselves.
 *
 * <p>Its parameters are the members', each keyed {@code member.parameter} (for example
 * {@code mpl-shape-held.L0}).
 *
 * @param names a name per member, distinct (the candidates' names in {@link AutoFit})
 * @param members the laws averaged, at least two
 */
public record MeanLaw(List<String> names, List<Law> members) implements Law {

    public MeanLaw {
        names = List.copyOf(names);
        members = List.copyOf(members);
        if (members.size() < 2) {
            throw new IllegalArgumentException("a mean of laws needs at least 2 members, got " + members.size());
        }
        if (names.size() != members.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + members.size() + " members");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("member names repeat: " + names);
        }
        members.forEach(m -> Objects.requireNonNull(m, "member"));
    }

    @Override
    public String name() {
        return "mean";
    }

    @Override
    public Map<String, Double> params() {
        Map<String, Double> params = new LinkedHashMap<>();
        for (int m = 0; m < members.size(); m++) {
            String prefix = names.get(m) + ".";
            members.get(m).params().forEach((key, value) -> params.put(prefix + key, value));
        }
        return params;
    }

    @Override
    public double[] predict(double[] learningRates, int[] steps) {
        double[] mean = new double[steps.length];
        for (Law member : members) {
            double[] predicted = member.predict(learningRates, steps);
            for (int i = 0; i < mean.length; i++) {
                mean[i] += predicted[i];
            }
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= members.size();
        }
        return mean;
    }
}
