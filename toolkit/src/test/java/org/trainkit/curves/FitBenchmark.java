package org.trainkit.curves;

import java.util.List;
import java.util.Locale;

/**
 * Fits the multi-power law and the learning-rate annealing law to the three train curves of each
 * model size of the published data (cosine_24000, constant_24000, wsdcon_9, exact schedules) and
 * prints the test errors and fit times next to the published table (Luo et al. 2025). Run after
 * {@code mvn -B -q -DskipTests package && mvn -B -q -pl toolkit test-compile} with
 * <pre>
 *   java -cp "toolkit/target/classes:toolkit/target/test-classes:toolkit/target/lib/*" \
 *        org.trainkit.curves.FitBenchmark [repeats]
 * </pre>
 * Each fit is repeated (default 5) and the median time printed; the first repeat includes JIT warm-up.
 */
public final class FitBenchmark {

    private FitBenchmark() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Locale.setDefault(Locale.ROOT);
        System.out.printf("%-6s %-10s %8s %8s %8s %8s %8s %9s %9s %6s %s%n", "model", "law", "R2", "MAE", "RMSE",
                "PredE", "WorstE", "seconds", "first(s)", "iters", "params");
        for (String model : List.of("25M", "100M")) {
            List<LossCurve> train = PublishedSchedules.curves(model, PublishedSchedules.TRAIN);
            List<LossCurve> test = PublishedSchedules.curves(model, PublishedSchedules.TEST);
            Evaluation published = GoldenMultiPowerTest.published(model).evaluate(test);
            print(model, "published", published, Double.NaN, Double.NaN, 0, GoldenMultiPowerTest.published(model).params().toString());
            for (LawForm form : List.of(LawForm.multiPower(), LawForm.annealing(0.999), LawForm.annealing())) {
                double[] times = new double[repeats];
                FitResult fit = null;
                for (int r = 0; r < repeats; r++) {
                    fit = Fit.of(form).on(train).run();
                    times[r] = fit.seconds();
                }
                double first = times[0];
                java.util.Arrays.sort(times);
                String label = form.name() + (form.parameterNames().contains("lambda") || !form.name().equals("annealing") ? "" : "(.999)");
                print(model, label, fit.evaluate(test), times[repeats / 2], first, fit.iterations(), format(fit));
            }
        }
    }

    private static String format(FitResult fit) {
        StringBuilder text = new StringBuilder();
        fit.params().forEach((k, v) -> text.append(k).append('=').append(String.format("%.6g", v)).append(' '));
        return text.toString();
    }

    private static void print(String model, String law, Evaluation e, double seconds, double first, int iterations,
            String params) {
        System.out.printf("%-6s %-10s %8.4f %8.5f %8.5f %8.5f %8.5f %9.3f %9.3f %6d %s%n", model, law, e.r2(), e.mae(),
                e.rmse(), e.predE(), e.worstE(), seconds, first, iterations, params);
    }
}
