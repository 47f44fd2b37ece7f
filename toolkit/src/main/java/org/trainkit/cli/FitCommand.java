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
import org.trainkit.curves.Applicability;
import org.trainkit.curves.AutoFit;
import org.trainkit.curves.AutoFitResult;
import org.trainkit.curves.CurveFormatException;
import org.trainkit.curves.CurveMetrics;
import org.trainkit.curves.Evaluation;
import org.trainkit.curves.Fit;
import org.trainkit.curves.FitException;
import org.trainkit.curves.FitListener;
import org.trainkit.curves.FitProgress;
import org.trainkit.curves.FitResult;
import org.trainkit.curves.FitWarning;
import org.trainkit.curves.Law;
import org.trainkit.curves.LawForm;
import org.trainkit.curves.LossCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "Files: CSV with columns step, lr, loss (any order, extra columns ignored), JSON Lines (.jsonl),"
                    + " TensorBoard event files or run directories, W&B history exports (CSV or JSON Lines).",
            "--law auto chooses by leave-one-curve-out cross-validation on the train curves only.",
            "Warnings name parameters the curves do not determine.",
            "Exit codes: 0 fitted, 1 bad input, 2 bad usage, 3 the fit did not converge."})
public final class FitCommand implements Callable<Integer> {

    static final int BAD_INPUT = 1;
    static final int FIT_FAILED = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--law", required = true, paramLabel = "LAW",
            description = {"mpl (multi-power law), mpl-shape-held (C, beta, gamma held at 1, 0.5, 0.5), annealing"
                    + " (LR-annealing law), power (power law in steps), or auto: the best of mpl, mpl-shape-held,"
                    + " mpl-shape-ridge-1e-04/1e-05/1e-06, mpl-reference-adamw (the authors' early-stopped AdamW),"
                    + " annealing-lambda-0.999, annealing and the mean of every pair of these, by leave-one-curve-out"
                    + " cross-validation on the train curves (held-out PredE + WorstE; at least 2 train curves)"})
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

    @Mixin
    private LogOptions logs = new LogOptions();

    @Option(names = "--quiet", description = "no progress lines on standard error")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Fit template = null;
        try {
            logs.check();
            if (!law.equals("auto")) {
                template = template();
            }
            List<Path> all = new ArrayList<>(train);
            all.addAll(test);
            logs.checkAllUsed(all);
        } catch (IllegalArgumentException e) {
            err.println("trainkit fit: " + e.getMessage());
            err.flush();
            return 2;
        }
        List<LossCurve> trainCurves;
        List<LossCurve> testCurves;
        try {
            trainCurves = logs.read(train);
            testCurves = logs.read(test);
        } catch (CurveFormatException | UncheckedIOException e) {
            err.println("trainkit fit: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("trainkit fit: " + e.getMessage());
            err.flush();
            return 2;
        }
        Chosen chosen;
        long began = System.nanoTime();
        try {
            if (template == null) {
                if (trainCurves.size() < 2) {
                    err.println("trainkit fit: --law auto needs at least 2 train curves to leave one out, got "
                            + trainCurves.size());
                    err.flush();
                    return 2;
                }
                AutoFitResult auto = AutoFit.on(trainCurves).run();
                chosen = new Chosen(auto.chosenName(), auto.law(), auto.memberNames(), auto.fits(), auto);
            } else {
                FitResult fit = template.listener(progress(err, template.form())).on(trainCurves).run();
                String name = law.equals("mpl-shape-held") ? law : fit.form().name();
                chosen = new Chosen(name, fit.law(), List.of(name), List.of(fit), null);
            }
        } catch (FitException e) {
            err.println("trainkit fit: " + e.getMessage());
            err.flush();
            return FIT_FAILED;
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        if (!quiet) {
            err.printf(Locale.ROOT, "trainkit fit: %s fitted in %.3f s%n", chosen.name(), seconds);
            err.flush();
        }
        Evaluation trainErrors = Evaluation.of(chosen.law(), trainCurves);
        Evaluation testErrors = testCurves.isEmpty() ? null : Evaluation.of(chosen.law(), testCurves);
        if (json) {
            out.println(json(chosen, seconds, trainErrors, labels(train), testErrors, labels(test), testCurves));
        } else {
            table(out, chosen, seconds, trainErrors, labels(train), testErrors, labels(test), testCurves);
        }
        out.flush();
        return 0;
    }

    /**
     * What was fitted: the law's name, the law (a mean of two fits for some {@code --law auto}
     * choices), the members' names and fits, and the cross-validation behind an auto choice (null
     * otherwise).
     */
    private record Chosen(String name, Law law, List<String> memberNames, List<FitResult> fits, AutoFitResult auto) {

        String form() {
            return fits.size() == 1 ? fits.get(0).form().name() : law.name();
        }

        List<FitWarning> warnings() {
            return auto != null ? auto.warnings() : fits.get(0).warnings();
        }

        /** The applicability notes of every member for a run with these learning rates, each once. */
        List<String> notes(double[] learningRates) {
            Set<String> notes = new java.util.LinkedHashSet<>();
            for (FitResult fit : fits) {
                notes.addAll(Applicability.notes(fit, learningRates));
            }
            return List.copyOf(notes);
        }
    }

    private Fit template() {
        if (law.equals("mpl-shape-held")) {
            return Fit.of(LawForm.multiPower()).fixing("C", 1).fixing("beta", 0.5).fixing("gamma", 0.5);
        }
        return Fit.of(form());
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
            default -> throw new IllegalArgumentException("--law '" + law
                    + "' is not one of auto, mpl, mpl-shape-held, annealing, power");
        };
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

    private static String json(Chosen chosen, double seconds, Evaluation trainErrors, List<String> trainLabels,
            Evaluation testErrors, List<String> testLabels, List<LossCurve> testCurves) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("law", chosen.name());
            json.writeStringField("form", chosen.form());
            params(json, chosen.law().params());
            if (chosen.fits().size() > 1) {
                json.writeArrayFieldStart("members");
                for (int m = 0; m < chosen.fits().size(); m++) {
                    FitResult member = chosen.fits().get(m);
                    json.writeStartObject();
                    json.writeStringField("candidate", chosen.memberNames().get(m));
                    json.writeStringField("form", member.form().name());
                    params(json, member.params());
                    json.writeNumberField("objective", member.objective());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeFieldName("train");
            errors(json, trainErrors, trainLabels);
            json.writeFieldName("test");
            if (testErrors == null) {
                json.writeNull();
            } else {
                errors(json, testErrors, testLabels);
            }
            if (chosen.fits().size() == 1) {
                json.writeNumberField("objective", chosen.fits().get(0).objective());
            } else {
                json.writeNullField("objective");   // each member has its own, under "members"
            }
            json.writeObjectFieldStart("notes");
            List<LossCurve> tested = testErrors == null ? List.of() : testCurves;
            for (int i = 0; i < tested.size(); i++) {
                json.writeArrayFieldStart(testLabels.get(i));
                for (String note : chosen.notes(tested.get(i).learningRates())) {
                    json.writeString(note);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            WarningsJson.write(json, chosen.warnings());
            AutoFitResult auto = chosen.auto();
            if (auto != null) {
                json.writeArrayFieldStart("cross_validation");
                for (String candidate : auto.candidateNames()) {
                    json.writeStartObject();
                    json.writeStringField("candidate", candidate);
                    writeNumber(json, "prede", auto.crossValidatedPredE(candidate));
                    writeNumber(json, "worste", auto.crossValidatedWorstE(candidate));
                    json.writeBooleanField("chosen", candidate.equals(auto.chosenName()));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeNumberField("seconds", seconds);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void params(JsonGenerator json, Map<String, Double> params) throws IOException {
        json.writeObjectFieldStart("params");
        for (Map.Entry<String, Double> entry : params.entrySet()) {
            json.writeNumberField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    /** A number, or null where it is not finite (JSON has no infinity). */
    private static void writeNumber(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
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

    private static void table(PrintWriter out, Chosen chosen, double seconds, Evaluation trainErrors,
            List<String> trainLabels, Evaluation testErrors, List<String> testLabels, List<LossCurve> testCurves) {
        AutoFitResult auto = chosen.auto();
        if (auto != null) {
            out.println("leave-one-curve-out cross-validation on the train curves (score = PredE + WorstE held out),"
                    + " the five best of " + auto.candidateNames().size() + " candidates:");
            int longest = 24;
            for (String candidate : auto.candidateNames()) {
                longest = Math.max(longest, candidate.length());
            }
            int width = longest;
            out.printf(Locale.ROOT, "  %-" + width + "s %9s %9s%n", "candidate", "CV PredE", "CV WorstE");
            List<String> shown = new ArrayList<>(auto.ranking().subList(0, Math.min(5, auto.ranking().size())));
            if (!shown.contains(auto.chosenName())) {
                shown.add(auto.chosenName());   // chosen further down: the better ones could not fit all curves
            }
            shown.forEach(candidate -> out.printf(Locale.ROOT, "  %-" + width + "s %9.5f %9.5f%s%n", candidate,
                            auto.crossValidatedPredE(candidate), auto.crossValidatedWorstE(candidate),
                            candidate.equals(auto.chosenName()) ? "  <- chosen" : ""));
            out.println();
        }
        out.printf(Locale.ROOT, "law %s fitted on %d curves in %.3f s%n", chosen.name(), trainErrors.curves().size(),
                seconds);
        for (int m = 0; m < chosen.fits().size(); m++) {
            FitResult fit = chosen.fits().get(m);
            out.printf(Locale.ROOT, "  %s: %d iterations, summed Huber objective %.4e%n", chosen.memberNames().get(m),
                    fit.iterations(), fit.objective());
        }
        for (FitWarning warning : chosen.warnings()) {
            out.println("warning: " + warning.message());
        }
        out.println();
        int nameWidth = 10;
        for (String name : chosen.law().params().keySet()) {
            nameWidth = Math.max(nameWidth, name.length());
        }
        String parameterRow = "%-" + nameWidth + "s %14.8g%n";
        out.printf(Locale.ROOT, "%-" + nameWidth + "s %14s%n", "parameter", "value");
        chosen.law().params().forEach((name, value) -> out.printf(Locale.ROOT, parameterRow, name, value));
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
            List<LossCurve> tested = testCurves;
            for (int i = 0; i < tested.size(); i++) {
                for (String note : chosen.notes(tested.get(i).learningRates())) {
                    out.println("note (" + testLabels.get(i) + "): " + note);
                }
            }
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
