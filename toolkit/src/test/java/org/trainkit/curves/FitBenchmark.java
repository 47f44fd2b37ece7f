package org.trainkit.curves;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a test): fits the multi-power law and the learning-rate annealing law to the three
 * train curves (cosine_24000, constant_24000, wsdcon_9) of each model size of the published data
 * (Luo et al. 2025) and prints the errors on the six test curves and the fit times next to the
 * published table. Two protocols: {@code exact}, the curves with their exact schedules attached (the
 * protocol of the paper's evaluation, which the golden test checks), and {@code csv}, the CSV files
 * alone with the documented interpolation rule (what {@code trainkit fit} sees). Also prints the
 * train objective (summed Huber) of the published parameters against the fitted optimum, the fit
 * restarted from the published parameters, per-curve test errors, and a
 * multi-power fit with its shape held at the reference start ({@code C = 1, beta = gamma = 0.5}).
 *
 * <p>Run from the repository root:
 * <pre>
 *   mvn -B -q -DskipTests package &amp;&amp; mvn -B -q -pl toolkit test-compile
 *   java -cp "toolkit/target/classes:toolkit/target/test-classes:toolkit/target/lib/*" \
 *        org.trainkit.curves.FitBenchmark [repeats]
 * </pre>
 * Each fit runs {@code repeats} times (default 7) in the same JVM; {@code first} is the first run
 * (JIT warm-up included), {@code median} the median of all runs.
 */
public final class FitBenchmark {

    private FitBenchmark() {
    }

    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Locale.setDefault(Locale.ROOT);
        System.out.printf("%-5s %-8s %-16s %7s %8s %8s %8s %8s %11s %8s %8s %5s%n", "model", "protocol", "law", "R2",
                "MAE", "RMSE", "PredE", "WorstE", "objective", "first_s", "median_s", "iters");
        for (String model : List.of("25M", "100M")) {
            for (String protocol : List.of("exact", "csv")) {
                List<LossCurve> train = curves(model, PublishedSchedules.TRAIN, protocol);
                List<LossCurve> test = curves(model, PublishedSchedules.TEST, protocol);
                MultiPowerLaw published = GoldenMultiPowerTest.published(model);
                PreparedCurves prepared = PreparedCurves.of(LawForm.multiPower(), train, Fit.DEFAULT_HUBER_DELTA);
                double publishedObjective = prepared.problem.objective(values(published), null);
                print(model, protocol, "mpl published", published.evaluate(test), publishedObjective, Double.NaN,
                        Double.NaN, 0);
                for (LawForm form : List.of(LawForm.multiPower(), LawForm.annealing(), LawForm.annealing(0.999))) {
                    double[] seconds = new double[repeats];
                    FitResult fit = null;
                    for (int r = 0; r < repeats; r++) {
                        fit = Fit.of(form).on(train).run();
                        seconds[r] = fit.seconds();
                    }
                    double first = seconds[0];
                    Arrays.sort(seconds);
                    String label = form.name().equals("mpl") ? "mpl fitted"
                            : form.parameterNames().contains("lambda") ? "annealing" : "annealing l=.999";
                    print(model, protocol, label, fit.evaluate(test), fit.objective(), first, seconds[repeats / 2],
                            fit.iterations());
                    System.out.println("      params " + fit.params());
                    System.out.println("      test PredE per curve " + perCurve(fit.evaluate(test)));
                }
                FitResult restarted = Fit.of(LawForm.multiPower()).on(train).startingFrom(values(published)).run();
                print(model, protocol, "mpl from publ.", restarted.evaluate(test), restarted.objective(),
                        restarted.seconds(), Double.NaN, restarted.iterations());
                System.out.println("      test PredE per curve, published " + perCurve(published.evaluate(test)));
                FitResult shape = Fit.of(LawForm.multiPower()).on(train).fixing("C", MultiPowerLawForm.START_C)
                        .fixing("beta", MultiPowerLawForm.START_BETA).fixing("gamma", MultiPowerLawForm.START_GAMMA).run();
                print(model, protocol, "mpl C,b,g fixed", shape.evaluate(test), shape.objective(), shape.seconds(),
                        Double.NaN, shape.iterations());
                System.out.println("      params " + shape.params());
            }
        }
    }

    private static List<LossCurve> curves(String model, List<String> names, String protocol) {
        if (protocol.equals("exact")) {
            return PublishedSchedules.curves(model, names);
        }
        Path dir = PublishedSchedules.dataDir().resolve(model);
        return LossCurves.readCsv(names.stream().map(n -> dir.resolve(n + ".csv")).toList());
    }

    private static String perCurve(Evaluation evaluation) {
        StringBuilder text = new StringBuilder();
        for (CurveMetrics curve : evaluation.curves()) {
            text.append(String.format("%s %.5f  ", curve.name(), curve.predE()));
        }
        return text.toString();
    }

    private static double[] values(MultiPowerLaw law) {
        return law.params().values().stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static void print(String model, String protocol, String law, Evaluation e, double objective, double first,
            double median, int iterations) {
        System.out.printf("%-5s %-8s %-16s %7.4f %8.5f %8.5f %8.5f %8.5f %11.4e %8.3f %8.3f %5d%n", model, protocol,
                law, e.r2(), e.mae(), e.rmse(), e.predE(), e.worstE(), objective, first, median, iterations);
    }
}
