package org.trainkit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.trainkit.curves.CurveColumns;
import org.trainkit.curves.CurveFormatException;
import org.trainkit.curves.CurveMetrics;
import org.trainkit.curves.Evaluation;
import org.trainkit.curves.Fit;
import org.trainkit.curves.FitException;
import org.trainkit.curves.FitListener;
import org.trainkit.curves.FitProgress;
import org.trainkit.curves.FitResult;
import org.trainkit.curves.LawForm;
import org.trainkit.curves.LossCurve;
import org.trainkit.curves.LossCurves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainkit fit}: fits a loss-curve law (package {@code org.trainkit.curves}) to training
 * curves read from CSV or JSON Lines files, and reports the parameters and the errors on the train
 * and test curves, as a table or as one JSON object.
 */
@Command(name = "fit",
        description = {"Fit a loss-curve law to training curves and report its errors on train and test curves.",
            "Files: CSV with columns step, lr, loss (any order, extra columns ignored), or JSON Lines (.jsonl).",
            "Exit codes: 0 fitted, 1 bad input, 2 bad usage, 3 the fit did not converge."})
public final class FitCommand implements Callable<Integer> {

    static final int BAD_INPUT = 1;
    static final int FIT_FAILED = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--law", required = true, paramLabel = "LAW",
            description = "mpl (multi-power law), annealing (LR-annealing law) or power (power law in steps)")
    private String law;

    @Option(names = "--train", required = true, split = ",", paramLabel = "FILE",
            description = "curves to fit jointly, comma-separated")
    private List<Path> train;

    @Option(names = "--test", split = ",", paramLabel = "FILE", description = "curves to predict, comma-separated")
    private List<Path> test = new ArrayList<>();

    @Option(names = "--json", description = "print one JSON object instead of a table")
    private boolean json;

    @Option(names = "--lambda", paramLabel = "VALUE|fit", defaultValue = "fit",
            description = "annealing law only: a fixed lambda in (0, 1), or 'fit' to fit it (default)")
    private String lambda;

    @Option(names = "--columns", paramLabel = "STEP,LR,LOSS", defaultValue = "step,lr,loss",
            description = "column (or JSON field) names of step, learning rate and loss (default: ${DEFAULT-VALUE})")
    private String columns;

    @Option(names = "--quiet", description = "no progress lines on standard error")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LawForm form;
        CurveColumns names;
        try {
            form = form();
            names = columns();
        } catch (IllegalArgumentException e) {
            err.println("trainkit fit: " + e.getMessage());
            err.flush();
            return 2;
        }
        List<LossCurve> trainCurves;
        List<LossCurve> testCurves;
        try {
            trainCurves = read(train, names);
            testCurves = read(test, names);
        } catch (CurveFormatException | UncheckedIOException e) {
            err.println("trainkit fit: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        FitResult fit;
        try {
            fit = Fit.of(form).on(trainCurves).listener(progress(err, form)).run();
        } catch (FitException e) {
            err.println("trainkit fit: " + e.getMessage());
            err.flush();
            return FIT_FAILED;
        }
        if (!quiet) {
            err.printf(Locale.ROOT, "trainkit fit: %s fitted in %.3f s (%d iterations)%n", form.name(), fit.seconds(),
                    fit.iterations());
            err.flush();
        }
        Evaluation trainErrors = fit.evaluate(trainCurves);
        Evaluation testErrors = testCurves.isEmpty() ? null : fit.evaluate(testCurves);
        if (json) {
            out.println(json(fit, trainErrors, labels(train), testErrors, labels(test)));
        } else {
            table(out, fit, trainErrors, labels(train), testErrors, labels(test));
        }
        out.flush();
        return 0;
    }

    private LawForm form() {
        return switch (law) {
            case "mpl" -> LawForm.multiPower();
            case "power" -> LawForm.power();
            case "annealing" -> {
                if (lambda.equals("fit")) {
                    yield LawForm.annealing();
                }
                double value;
                try {
                    value = Double.parseDouble(lambda);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--lambda '" + lambda + "' is neither a number nor 'fit'");
                }
                yield LawForm.annealing(value);
            }
            default -> throw new IllegalArgumentException("--law '" + law + "' is not one of mpl, annealing, power");
        };
    }

    private CurveColumns columns() {
        String[] parts = columns.split(",", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("--columns needs three names STEP,LR,LOSS, got '" + columns + "'");
        }
        return new CurveColumns(parts[0].trim(), parts[1].trim(), parts[2].trim());
    }

    private static List<LossCurve> read(List<Path> files, CurveColumns names) {
        List<LossCurve> curves = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            curves.add(name.endsWith(".jsonl") || name.endsWith(".json")
                    ? LossCurves.readJsonLines(file, names)
                    : LossCurves.readCsv(file, names));
        }
        return curves;
    }

    /** Each file's name, or the path as given where two files share a name. */
    private static List<String> labels(List<Path> files) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (Path file : files) {
            if (!seen.add(file.getFileName().toString())) {
                repeated.add(file.getFileName().toString());
            }
        }
        return files.stream()
                .map(f -> repeated.contains(f.getFileName().toString()) ? f.toString() : f.getFileName().toString())
                .toList();
    }

    private FitListener progress(PrintWriter err, LawForm form) {
        if (quiet) {
            return FitListener.NONE;
        }
        return (FitProgress p) -> {
            if (p.stage().equals("start") && p.done() == 1) {
                err.printf(Locale.ROOT, "trainkit fit: %s start from grid search, objective %.4e%n", form.name(),
                        p.objective());
                err.flush();
            } else if (p.stage().equals("optimise") && p.done() % 10 == 0) {
                err.printf(Locale.ROOT, "trainkit fit: %s iteration %d, objective %.4e%n", form.name(), p.done(),
                        p.objective());
                err.flush();
            }
        };
    }

    private static String json(FitResult fit, Evaluation trainErrors, List<String> trainLabels, Evaluation testErrors,
            List<String> testLabels) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("law", fit.form().name());
            json.writeObjectFieldStart("params");
            for (Map.Entry<String, Double> entry : fit.params().entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeFieldName("train");
            errors(json, trainErrors, trainLabels);
            json.writeFieldName("test");
            if (testErrors == null) {
                json.writeNull();
            } else {
                errors(json, testErrors, testLabels);
            }
            json.writeNumberField("seconds", fit.seconds());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void errors(JsonGenerator json, Evaluation evaluation, List<String> labels) throws IOException {
        json.writeStartObject();
        json.writeNumberField("r2", evaluation.r2());
        json.writeNumberField("mae", evaluation.mae());
        json.writeNumberField("rmse", evaluation.rmse());
        json.writeNumberField("prede", evaluation.predE());
        json.writeNumberField("worste", evaluation.worstE());
        json.writeObjectFieldStart("curves");
        List<CurveMetrics> metrics = evaluation.curves();
        for (int i = 0; i < metrics.size(); i++) {
            json.writeObjectFieldStart(labels.get(i));
            json.writeNumberField("prede", metrics.get(i).predE());
            json.writeNumberField("worste", metrics.get(i).worstE());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void table(PrintWriter out, FitResult fit, Evaluation trainErrors, List<String> trainLabels,
            Evaluation testErrors, List<String> testLabels) {
        out.printf(Locale.ROOT, "law %s fitted on %d curves in %.3f s (%d iterations, summed Huber objective %.4e)%n",
                fit.form().name(), fit.curves().size(), fit.seconds(), fit.iterations(), fit.objective());
        out.println();
        out.printf(Locale.ROOT, "%-10s %14s%n", "parameter", "value");
        fit.params().forEach((name, value) -> out.printf(Locale.ROOT, "%-10s %14.8g%n", name, value));
        out.println();
        int width = 5;
        for (String label : trainLabels) {
            width = Math.max(width, label.length());
        }
        for (String label : testLabels) {
            width = Math.max(width, label.length());
        }
        String header = "%-5s  %-" + width + "s %6s %8s %9s %9s %9s %9s%n";
        String row = "%-5s  %-" + width + "s %6d %8.4f %9.5f %9.5f %9.5f %9.5f%n";
        out.printf(Locale.ROOT, header, "set", "curve", "points", "R2", "MAE", "RMSE", "PredE", "WorstE");
        rows(out, row, "train", trainErrors, trainLabels);
        if (testErrors != null) {
            rows(out, row, "test", testErrors, testLabels);
        }
    }

    private static void rows(PrintWriter out, String format, String set, Evaluation evaluation, List<String> labels) {
        List<CurveMetrics> metrics = evaluation.curves();
        int points = 0;
        for (int i = 0; i < metrics.size(); i++) {
            CurveMetrics m = metrics.get(i);
            points += m.points();
            out.printf(Locale.ROOT, format, set, labels.get(i), m.points(), m.r2(), m.mae(), m.rmse(), m.predE(),
                    m.worstE());
        }
        out.printf(Locale.ROOT, format, set, "mean", points, evaluation.r2(), evaluation.mae(), evaluation.rmse(),
                evaluation.predE(), evaluation.worstE());
    }
}
