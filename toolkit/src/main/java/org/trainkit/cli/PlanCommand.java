package org.trainkit.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.trainkit.curves.CooldownPlan;
import org.trainkit.curves.CooldownPlanner;
import org.trainkit.curves.CurveFormatException;
import org.trainkit.curves.Fit;
import org.trainkit.curves.FitException;
import org.trainkit.curves.FitWarning;
import org.trainkit.curves.LawForm;
import org.trainkit.curves.LossCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code trainkit plan}: the cooldown plan of a run in progress ({@link CooldownPlanner}): fits a law
 * to the log so far and prints the recommended cooldown start, length and shape with the predicted
 * final loss and its bootstrap interval, beside cooling down now, over the last 10% and 20% of the
 * budget, and cosine from the start.
 */
@Command(name = "plan",
        description = {"Plan the cooldown of a run in progress from its log so far and the total budget.",
            "Reads the same formats as 'trainkit fit'.",
            "Exit codes: 0 planned, 1 bad input (including a log too short to fit), 2 bad usage (including a"
                    + " budget not beyond the log), 3 the fit did not converge."})
public final class PlanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Option(names = "--log", required = true, paramLabel = "RUN", description = "the run's log so far")
    private Path log;

    @Option(names = "--total", required = true, paramLabel = "STEPS", description = "the run's total budget in steps")
    private int total;

    @Option(names = "--law", paramLabel = "LAW", defaultValue = "mpl-shape-held",
            description = "mpl-shape-held (default: a log without a decay cannot determine the shape), mpl,"
                    + " annealing, annealing-lambda-0.999")
    private String law;

    @Option(names = "--final-fraction", paramLabel = "F", defaultValue = "0.1",
            description = "the cooldown ends at F times the current rate (default: ${DEFAULT-VALUE})")
    private double finalFraction;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "100",
            description = "block-bootstrap resamples for the intervals (default: ${DEFAULT-VALUE})")
    private int resamples;

    @Option(names = "--json", description = "print one JSON object instead of a table")
    private boolean json;

    @Mixin
    private LogOptions logs = new LogOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Fit template;
        try {
            logs.check();
            logs.checkAllUsed(List.of(log));
            template = template();
        } catch (IllegalArgumentException e) {
            return fail(err, e, 2);
        }
        LossCurve run;
        try {
            run = logs.read(List.of(log)).get(0);
        } catch (CurveFormatException | UncheckedIOException e) {
            return fail(err, e, FitCommand.BAD_INPUT);
        } catch (IllegalArgumentException e) {
            return fail(err, e, 2);
        }
        CooldownPlanner planner;
        try {
            planner = CooldownPlanner.on(run).law(template).total(total).finalFraction(finalFraction)
                    .resamples(resamples);
        } catch (IllegalArgumentException e) {
            return fail(err, e, 2);
        }
        CooldownPlan plan;
        try {
            plan = planner.plan();
        } catch (IllegalArgumentException e) {
            return fail(err, e, 2);
        } catch (FitException e) {
            return fail(err, e, e.reason() == FitException.Reason.BAD_DATA ? FitCommand.BAD_INPUT : FitCommand.FIT_FAILED);
        }
        out.println(json ? json(plan) : text(plan));
        out.flush();
        return 0;
    }

    private static int fail(PrintWriter err, RuntimeException e, int code) {
        err.println("trainkit plan: " + e.getMessage());
        err.flush();
        return code;
    }

    private Fit template() {
        return switch (law) {
            case "mpl-shape-held" -> Fit.of(LawForm.multiPower()).fixing("C", 1).fixing("beta", 0.5).fixing("gamma", 0.5);
            case "mpl" -> Fit.of(LawForm.multiPower());
            case "annealing" -> Fit.of(LawForm.annealing());
            case "annealing-lambda-0.999" -> Fit.of(LawForm.annealing(0.999));
            default -> throw new IllegalArgumentException("--law '" + law
                    + "' is not one of mpl-shape-held, mpl, annealing, annealing-lambda-0.999");
        };
    }

    private static String text(CooldownPlan plan) {
        StringBuilder text = new StringBuilder();
        CooldownPlan.Option best = plan.recommended();
        text.append(String.format(Locale.ROOT, "%d of %d steps logged at rate %.3g; law %s%n", plan.loggedSteps(),
                plan.totalSteps(), plan.currentRate(), plan.fit().form().name() + " " + plan.fit().params()));
        text.append(String.format(Locale.ROOT, "recommended: %s cooldown to %.3g starting at step %d (%d steps, %.0f%% of"
                + " the budget), predicted final loss %s (95%% interval, %s)%n", best.shape().specName(),
                plan.finalRate(), best.start(), best.length(), 100.0 * best.length() / plan.totalSteps(),
                best.predicted().format(4), plan.bootstrap().method()));
        for (FitWarning warning : plan.warnings()) {
            text.append("warning: ").append(warning.message()).append('\n');
        }
        for (String note : plan.notes()) {
            text.append("note: ").append(note).append('\n');
        }
        text.append('\n').append(String.format(Locale.ROOT, "%-56s %7s %7s %-7s %s%n", "option", "start", "length",
                "shape", "final loss [95% interval]"));
        for (CooldownPlan.Option option : plan.options()) {
            text.append(String.format(Locale.ROOT, "%-56s %7d %7d %-7s %s%n", option.name(), option.start(),
                    option.length(), option.shape().specName(), option.possible() ? option.predicted().format(4) : "-"));
        }
        return text.toString().stripTrailing();
    }

    private static String json(CooldownPlan plan) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text).useDefaultPrettyPrinter()) {
            json.writeStartObject();
            json.writeStringField("law", plan.fit().form().name());
            json.writeObjectFieldStart("params");
            for (var entry : plan.fit().params().entrySet()) {
                json.writeNumberField(entry.getKey(), entry.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("logged_steps", plan.loggedSteps());
            json.writeNumberField("total_steps", plan.totalSteps());
            json.writeStringField("bootstrap", plan.bootstrap().method());
            json.writeArrayFieldStart("options");
            for (CooldownPlan.Option option : plan.options()) {
                json.writeStartObject();
                json.writeStringField("name", option.name());
                json.writeNumberField("start", option.start());
                json.writeNumberField("length", option.length());
                json.writeStringField("shape", option.shape().specName());
                json.writeBooleanField("possible", option.possible());
                if (option.possible()) {
                    json.writeNumberField("final_loss", option.predicted().value());
                    json.writeNumberField("lower95", option.predicted().lower());
                    json.writeNumberField("upper95", option.predicted().upper());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            WarningsJson.write(json, plan.warnings());
            json.writeArrayFieldStart("notes");
            for (String note : plan.notes()) {
                json.writeString(note);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
