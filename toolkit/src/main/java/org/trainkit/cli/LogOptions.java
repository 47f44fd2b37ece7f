package org.trainkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trainkit.curves.CurveColumns;
import org.trainkit.curves.LossCurve;
import org.trainkit.curves.LossCurves;
import org.trainkit.schedules.Schedules;
import picocli.CommandLine.Option;

/**
 * The options that say how to read training logs, shared by {@code trainkit fit} and
 * {@code trainkit plan}: the format (found from the name unless given), column and tag names, a
 * curve's exact schedule as a text form, and the first step to fit.
 */
final class LogOptions {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto (default: a directory or a name with 'tfevents' is TensorBoard, .jsonl/.json JSON Lines,"
                    + " else CSV), csv, jsonl, tensorboard, wandb-csv, wandb-jsonl")
    String format;

    @Option(names = "--columns", paramLabel = "STEP,LR,LOSS", defaultValue = "step,lr,loss",
            description = "csv/jsonl: column (or JSON field) names of step, learning rate and loss (default: ${DEFAULT-VALUE})")
    String columns;

    @Option(names = "--loss-tag", paramLabel = "TAG", defaultValue = "train/loss",
            description = "tensorboard and wandb: the scalar tag or column of the loss (default: ${DEFAULT-VALUE})")
    String lossTag;

    @Option(names = "--lr-tag", paramLabel = "TAG", defaultValue = "lr",
            description = "tensorboard and wandb: the scalar tag or column of the learning rate (default: ${DEFAULT-VALUE})")
    String lrTag;

    @Option(names = "--step-column", paramLabel = "NAME", defaultValue = "_step",
            description = "wandb: the step column (default: ${DEFAULT-VALUE})")
    String stepColumn;

    @Option(names = "--schedule", paramLabel = "FILE=SPEC",
            description = {"the exact learning-rate schedule of one file's run as a schedule text form, replacing its"
                    + " logged learning rates, e.g. run.csv='cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)';"
                    + " FILE is the path as given or its file name; repeatable"})
    List<String> schedules = new ArrayList<>();

    @Option(names = "--from-step", paramLabel = "N", defaultValue = "0",
            description = "loss points before step N are neither fitted nor scored; their learning rates still count")
    int fromStep;

    /**
     * Reads the files, attaches exact schedules and applies {@code --from-step}.
     *
     * @throws IllegalArgumentException for a bad option value (exit 2)
     * @throws org.trainkit.curves.CurveFormatException for a bad file (exit 1)
     */
    List<LossCurve> read(List<Path> files) {
        Map<String, String> specs = schedules();
        List<LossCurve> curves = new ArrayList<>();
        for (Path file : files) {
            LossCurve curve = readOne(file);
            String spec = specs.remove(file.toString());
            String byName = specs.remove(file.getFileName().toString());
            spec = spec != null ? spec : byName;
            if (spec != null) {
                try {
                    curve = curve.withSchedule(Schedules.parse(spec));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--schedule " + file.getFileName() + ": " + e.getMessage(), e);
                }
            }
            if (fromStep > 0) {
                curve = curve.from(fromStep);
                if (curve.size() == 0) {
                    throw new IllegalArgumentException("--from-step " + fromStep + " leaves no loss point in " + file);
                }
            }
            curves.add(curve);
        }
        return curves;
    }

    /** Checks the options that do not depend on the files. */
    void check() {
        if (fromStep < 0) {
            throw new IllegalArgumentException("--from-step must be >= 0, got " + fromStep);
        }
        if (!List.of("auto", "csv", "jsonl", "tensorboard", "wandb-csv", "wandb-jsonl").contains(format)) {
            throw new IllegalArgumentException("--format '" + format
                    + "' is not one of auto, csv, jsonl, tensorboard, wandb-csv, wandb-jsonl");
        }
        csvColumns();
        schedules();
    }

    /** Schedules given for files that are not read. */
    void checkAllUsed(List<Path> files) {
        Map<String, String> specs = schedules();
        for (Path file : files) {
            specs.remove(file.toString());
            specs.remove(file.getFileName().toString());
        }
        if (!specs.isEmpty()) {
            throw new IllegalArgumentException("--schedule names " + specs.keySet() + ", which is not among the files read");
        }
    }

    private LossCurve readOne(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String kind = format;
        if (kind.equals("auto")) {
            kind = Files.isDirectory(file) || name.contains("tfevents") ? "tensorboard"
                    : name.endsWith(".jsonl") || name.endsWith(".json") ? "jsonl" : "csv";
        }
        CurveColumns wandb = new CurveColumns(stepColumn, lrTag, lossTag);
        return switch (kind) {
            case "tensorboard" -> LossCurves.readTensorBoard(file, lossTag, lrTag);
            case "wandb-csv" -> LossCurves.readWandbCsv(file, wandb);
            case "wandb-jsonl" -> LossCurves.readWandbJsonLines(file, wandb);
            case "jsonl" -> LossCurves.readJsonLines(file, csvColumns());
            default -> LossCurves.readCsv(file, csvColumns());
        };
    }

    private CurveColumns csvColumns() {
        String[] parts = columns.split(",", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("--columns needs three names STEP,LR,LOSS, got '" + columns + "'");
        }
        return new CurveColumns(parts[0].trim(), parts[1].trim(), parts[2].trim());
    }

    private Map<String, String> schedules() {
        Map<String, String> specs = new LinkedHashMap<>();
        for (String entry : schedules) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                throw new IllegalArgumentException("--schedule needs FILE=SPEC, got '" + entry + "'");
            }
            String key = entry.substring(0, eq).trim();
            String spec = entry.substring(eq + 1).trim();
            if (spec.length() >= 2 && (spec.startsWith("'") && spec.endsWith("'"))) {
                spec = spec.substring(1, spec.length() - 1);
            }
            try {
                Schedules.parse(spec);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--schedule " + key + ": " + e.getMessage(), e);
            }
            if (specs.put(key, spec) != null) {
                throw new IllegalArgumentException("--schedule gives " + key + " twice");
            }
        }
        return specs;
    }
}
