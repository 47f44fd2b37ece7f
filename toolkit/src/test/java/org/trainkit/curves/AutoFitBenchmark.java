package org.trainkit.curves;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Benchmark (not a test): {@link AutoFit} (leave-one-curve-out, then with the later-segment fold
 * as well) on the three train curves of each model size of the
 * published multi-power-law data (Luo et al. 2025), exact schedules; prints the cross-validation
 * table, the chosen candidate (a single law or the mean of two), and every candidate's errors on the six test curves (which the choice
 * never sees) beside the published parameters' PredE/WorstE (25M 0.00110/0.00409, 100M
 * 0.00142/0.00583).
 *
 * <pre>
 *   java -cp "toolkit/target/classes:toolkit/target/test-classes:toolkit/target/lib/*" \
 *        org.trainkit.curves.AutoFitBenchmark
 * </pre>
 */
public final class AutoFitBenchmark {

    private AutoFitBenchmark() {
    }

    /** A candidate's law from the single laws fitted on all train curves: one of them, or the mean of two. */
    private static Law law(List<String> members, Map<String, Law> singles) {
        if (members.stream().anyMatch(m -> !singles.containsKey(m))) {
            return null;
        }
        return members.size() == 1 ? singles.get(members.get(0))
                : new MeanLaw(members, members.stream().map(singles::get).toList());
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        for (String model : List.of("25M", "100M")) {
            List<LossCurve> train = PublishedSchedules.curves(model, PublishedSchedules.TRAIN);
            List<LossCurve> test = PublishedSchedules.curves(model, PublishedSchedules.TEST);
            long began = System.nanoTime();
            AutoFitResult auto = AutoFit.on(train).run();
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.println(model + ": " + auto.table().printAll());
            Evaluation chosen = auto.evaluate(test);
            Evaluation published = GoldenMultiPowerTest.published(model).evaluate(test);
            System.out.printf("%s chosen %s in %.1f s: test PredE %.5f WorstE %.5f (published %.5f / %.5f)%n", model,
                    auto.chosenName(), seconds, chosen.predE(), chosen.worstE(), published.predE(), published.worstE());
            System.out.println("      params " + auto.law().params() + " warnings " + auto.warnings());
            Map<String, Law> singles = new LinkedHashMap<>();
            for (AutoFit.Candidate candidate : AutoFit.defaultCandidates()) {
                try {
                    singles.put(candidate.name(), candidate.fit().on(train).run().law());
                } catch (FitException e) {
                    System.out.println("   " + candidate.name() + " fails on all train curves: " + e.getMessage());
                }
            }
            for (String candidate : auto.ranking()) {
                Law law = law(auto.membersOf(candidate), singles);
                String errors = law == null ? "not fitted" : String.format("test PredE %.5f WorstE %.5f",
                        law.evaluate(test).predE(), law.evaluate(test).worstE());
                System.out.printf("   %-52s CV PredE %.5f CV WorstE %.5f | %s%n", candidate,
                        auto.crossValidatedPredE(candidate), auto.crossValidatedWorstE(candidate), errors);
            }
            AutoFitResult later = AutoFit.on(train).laterSegments(2.0 / 3).run();
            Evaluation laterChosen = later.evaluate(test);
            System.out.println(model + ", with the later-segment fold: " + later.table().printAll());
            System.out.printf("%s with the later-segment fold chose %s: test PredE %.5f WorstE %.5f%n", model,
                    later.chosenName(), laterChosen.predE(), laterChosen.worstE());
        }
    }
}
