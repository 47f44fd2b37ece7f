package org.trainkit.curves;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads loss curves from CSV files, JSON Lines files and Tablesaw tables.
 *
 * <p>Each row gives an optimizer step, the learning rate at that step and the loss logged there; the
 * columns are found by name ({@link CurveColumns}, default {@code step}, {@code lr}, {@code loss}), in
 * any order, and other columns are ignored. A row with an empty loss (JSON: {@code null} or absent)
 * only gives the learning rate. Steps must be whole numbers that strictly increase; learning rates
 * finite and {@code >= 0}; losses positive and finite.
 *
 * <p><b>Per-step learning rate.</b> The laws need the learning rate of every step
 * {@code 0 .. T-1}, where {@code T} is the last row's step plus one. It is the linear interpolation
 * between consecutive rows (an exactly constant stretch between equal values), and before the first
 * row a linear warmup from 0 at step 0 to the first row's learning rate at the first row's step
 * {@code s0}: {@code lr[t] = lr(s0) * t / s0}. Two consequences: a schedule that warms up over
 * {@code W} steps reaching its peak at step {@code W-1} (as {@code numpy.linspace(0, peak, W)} does,
 * and as the multi-power-law data do with {@code W = 2160}) is reproduced exactly by an LR-only row
 * {@code W-1, peak}; and a jump in the learning rate between two logged rows is smeared into a ramp,
 * so log a row (an LR-only row is enough) at the last step before each jump, or attach the exact
 * schedule with {@link LossCurve#withSchedule}.
 *
 * <p>Bad input throws {@link CurveFormatException} whose one-line message names the file, the line and
 * the problem. A curve is named after its file without the extension.
 */
public final class LossCurves {

    private LossCurves() {
    }

    /** Reads a CSV file with the default column names. */
    public static LossCurve readCsv(Path file) {
        return readCsv(file, CurveColumns.DEFAULT);
    }

    /** Reads several CSV files with the default column names, in order. */
    public static List<LossCurve> readCsv(List<Path> files) {
        List<LossCurve> curves = new ArrayList<>();
        for (Path file : files) {
            curves.add(readCsv(file));
        }
        return List.copyOf(curves);
    }

    /** Reads a CSV file (first line: header with the column names) with the given column names. */
    public static LossCurve readCsv(Path file, CurveColumns columns) {
        String source = file.toString();
        CurveAssembler rows = new CurveAssembler(source, "line");
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .build();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVParser parser;
            try {
                parser = format.parse(reader);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw rows.error(1, "cannot read the header: " + e.getMessage());
            }
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw rows.error(1, "empty file; expected a header with columns " + names(columns));
            }
            for (String column : List.of(columns.step(), columns.lr(), columns.loss())) {
                if (!header.containsKey(column)) {
                    throw rows.error(1, "missing column '" + column + "' (the header has " + header.keySet() + ")");
                }
            }
            long line = 1;
            try {
                for (CSVRecord record : parser) {
                    line = parser.getCurrentLineNumber();
                    if (!record.isConsistent()) {
                        throw rows.error(line, "the row has " + record.size() + " fields but the header has "
                                + header.size());
                    }
                    double step = rows.number(line, columns.step(), record.get(columns.step()));
                    double lr = rows.number(line, columns.lr(), record.get(columns.lr()));
                    String lossText = record.get(columns.loss()).trim();
                    boolean hasLoss = !lossText.isEmpty();
                    double loss = hasLoss ? rows.number(line, columns.loss(), lossText) : Double.NaN;
                    rows.add(line, columns.step(), step, columns.lr(), lr, columns.loss(), hasLoss, loss);
                }
            } catch (UncheckedIOException e) {
                throw rows.error(parser.getCurrentLineNumber(), "malformed CSV: " + e.getCause().getMessage());
            }
            return rows.build(baseName(file), Math.max(line, 1));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Reads a JSON Lines file (one object per line) with the default field names. */
    public static LossCurve readJsonLines(Path file) {
        return readJsonLines(file, CurveColumns.DEFAULT);
    }

    /**
     * Reads a JSON Lines file: one JSON object per line, e.g. {@code {"step": 2160, "lr": 3e-4,
     * "loss": 4.11}}; blank lines are skipped; a {@code null} or absent loss makes an LR-only row.
     */
    public static LossCurve readJsonLines(Path file, CurveColumns columns) {
        String source = file.toString();
        CurveAssembler rows = new CurveAssembler(source, "line");
        long line = 0;
        long objects = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                objects++;
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    throw rows.error(line, "not a JSON object: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw rows.error(line, "not a JSON object");
                }
                double step = jsonNumber(rows, line, node, columns.step());
                double lr = jsonNumber(rows, line, node, columns.lr());
                JsonNode lossNode = node.get(columns.loss());
                boolean hasLoss = lossNode != null && !lossNode.isNull();
                double loss = hasLoss ? jsonNumber(rows, line, node, columns.loss()) : Double.NaN;
                rows.add(line, columns.step(), step, columns.lr(), lr, columns.loss(), hasLoss, loss);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        if (objects == 0) {
            throw rows.error(1, "empty file; expected JSON objects with fields " + names(columns));
        }
        return rows.build(baseName(file), line);
    }

    /**
     * Reads the loss and learning-rate scalars of a TensorBoard run: one event file
     * ({@code events.out.tfevents.*}), or a directory whose event files are read in name order (the
     * names start with the writer's start time) as one run. Both CRCs of every record are checked
     * (see {@link TensorBoardEvents}). Steps of each tag must increase across the files. The curve is
     * named after the directory (or the file's directory).
     *
     * @param lossTag the scalar tag of the training loss, e.g. {@code train/loss}
     * @param lrTag the scalar tag of the learning rate, e.g. {@code lr}
     * @throws CurveFormatException naming the file and the record's byte offset for a corrupt or
     *     truncated record, a loss that is not positive, or steps that do not increase; or naming the
     *     tag when it has no values
     */
    public static LossCurve readTensorBoard(Path fileOrDirectory, String lossTag, String lrTag) {
        List<Path> files;
        if (Files.isDirectory(fileOrDirectory)) {
            try (var listing = Files.list(fileOrDirectory)) {
                files = listing.filter(f -> f.getFileName().toString().contains("tfevents")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + fileOrDirectory + ": " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new CurveFormatException(fileOrDirectory.toString(), "byte offset", 0,
                        "no events.out.tfevents.* file in this directory");
            }
        } else {
            files = List.of(fileOrDirectory);
        }
        ScalarSeries series = null;
        for (Path file : files) {
            ScalarSeries next = new ScalarSeries(file.toString(), "byte offset");
            if (series != null) {
                next = series.continuedIn(file.toString());
            }
            TensorBoardEvents.read(file, lossTag, lrTag, next);
            series = next;
        }
        Path named = Files.isDirectory(fileOrDirectory) ? fileOrDirectory : fileOrDirectory.toAbsolutePath().getParent();
        String name = named == null || named.getFileName() == null ? baseName(fileOrDirectory) : named.getFileName().toString();
        return series.build(name, 0, "'" + lossTag + "'", "'" + lrTag + "'");
    }

    /**
     * Reads a W&B run-history CSV export: a header, then one row per logged step with a step column
     * (W&B writes {@code _step}) and one column per logged key; a key not logged at a step is empty.
     * Rows give a loss point where the loss column is filled and a learning-rate point where the
     * learning-rate column is; rows with neither are skipped. The learning rate of every step follows
     * {@link ScalarSeries}' rule.
     *
     * @param columns the step, learning-rate and loss column names, e.g.
     *     {@code new CurveColumns("_step", "lr", "train/loss")}
     */
    public static LossCurve readWandbCsv(Path file, CurveColumns columns) {
        String source = file.toString();
        ScalarSeries series = new ScalarSeries(source, "line");
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).build();
        long line = 1;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CSVParser parser;
            try {
                parser = format.parse(reader);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw series.error(1, "cannot read the header: " + e.getMessage());
            }
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || header.isEmpty()) {
                throw series.error(1, "empty file; expected a header with columns " + names(columns));
            }
            for (String column : List.of(columns.step(), columns.lr(), columns.loss())) {
                if (!header.containsKey(column)) {
                    throw series.error(1, "missing column '" + column + "' (the header has " + header.keySet() + ")");
                }
            }
            CurveAssembler cells = new CurveAssembler(source, "line");
            try {
                for (CSVRecord record : parser) {
                    line = parser.getCurrentLineNumber();
                    if (!record.isConsistent()) {
                        throw series.error(line, "the row has " + record.size() + " fields but the header has "
                                + header.size());
                    }
                    String lossText = record.get(columns.loss()).trim();
                    String lrText = record.get(columns.lr()).trim();
                    if (lossText.isEmpty() && lrText.isEmpty()) {
                        continue;
                    }
                    long step = wholeStep(series, line, columns.step(), cells.number(line, columns.step(),
                            record.get(columns.step())));
                    if (!lossText.isEmpty()) {
                        series.addLoss(line, columns.loss(), step, cells.number(line, columns.loss(), lossText));
                    }
                    if (!lrText.isEmpty()) {
                        series.addLr(line, columns.lr(), step, cells.number(line, columns.lr(), lrText));
                    }
                }
            } catch (UncheckedIOException e) {
                throw series.error(parser.getCurrentLineNumber(), "malformed CSV: " + e.getCause().getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return series.build(baseName(file), line, "'" + columns.loss() + "'", "'" + columns.lr() + "'");
    }

    /**
     * Reads a W&B run-history JSON Lines export: one object per line with the step field (W&B:
     * {@code _step}) and the logged keys; a key absent or {@code null} was not logged at that step.
     * Otherwise as {@link #readWandbCsv}.
     */
    public static LossCurve readWandbJsonLines(Path file, CurveColumns columns) {
        String source = file.toString();
        ScalarSeries series = new ScalarSeries(source, "line");
        CurveAssembler cells = new CurveAssembler(source, "line");
        long line = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    throw series.error(line, "not a JSON object: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw series.error(line, "not a JSON object");
                }
                JsonNode lossNode = node.get(columns.loss());
                JsonNode lrNode = node.get(columns.lr());
                boolean hasLoss = lossNode != null && !lossNode.isNull();
                boolean hasLr = lrNode != null && !lrNode.isNull();
                if (!hasLoss && !hasLr) {
                    continue;
                }
                long step = wholeStep(series, line, columns.step(), jsonNumber(cells, line, node, columns.step()));
                if (hasLoss) {
                    series.addLoss(line, columns.loss(), step, jsonNumber(cells, line, node, columns.loss()));
                }
                if (hasLr) {
                    series.addLr(line, columns.lr(), step, jsonNumber(cells, line, node, columns.lr()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
        }
        return series.build(baseName(file), Math.max(line, 1), "'" + columns.loss() + "'", "'" + columns.lr() + "'");
    }

    private static long wholeStep(ScalarSeries series, long line, String column, double step) {
        if (!Double.isFinite(step) || step != Math.rint(step) || step < 0) {
            throw series.error(line, column + " " + step + " is not a whole number >= 0");
        }
        return (long) step;
    }

    /** Reads a Tablesaw table with the default column names; the curve takes the table's name. */
    public static LossCurve fromTable(Table table) {
        return fromTable(table, CurveColumns.DEFAULT);
    }

    /**
     * Reads a Tablesaw table whose step, lr and loss columns are numeric; a missing loss makes an
     * LR-only row. Problems are reported by table row (1-based).
     */
    public static LossCurve fromTable(Table table, CurveColumns columns) {
        String source = "table " + table.name();
        CurveAssembler rows = new CurveAssembler(source, "row");
        NumericColumn<?> steps = numberColumn(rows, table, columns.step());
        NumericColumn<?> rates = numberColumn(rows, table, columns.lr());
        NumericColumn<?> losses = numberColumn(rows, table, columns.loss());
        for (int r = 0; r < table.rowCount(); r++) {
            long row = r + 1L;
            if (steps.isMissing(r)) {
                throw rows.error(row, columns.step() + " is missing");
            }
            if (rates.isMissing(r)) {
                throw rows.error(row, columns.lr() + " is missing");
            }
            boolean hasLoss = !losses.isMissing(r);
            rows.add(row, columns.step(), steps.getDouble(r), columns.lr(), rates.getDouble(r), columns.loss(),
                    hasLoss, hasLoss ? losses.getDouble(r) : Double.NaN);
        }
        return rows.build(table.name(), Math.max(table.rowCount(), 1));
    }

    /** The JSON reader, created on first use (it loads a few hundred classes that CSV reading never needs). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().configure(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS, true);
    }

    private static NumericColumn<?> numberColumn(CurveAssembler rows, Table table, String name) {
        if (!table.containsColumn(name)) {
            throw rows.error(1, "missing column '" + name + "' (the table has " + table.columnNames() + ")");
        }
        Column<?> column = table.column(name);
        if (!(column instanceof NumericColumn<?> numbers)) {
            throw rows.error(1, "column '" + name + "' is " + column.type() + "; expected numbers");
        }
        return numbers;
    }

    private static double jsonNumber(CurveAssembler rows, long line, JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            throw rows.error(line, "missing field '" + field + "'");
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        if (value.isTextual()) {
            return rows.number(line, field, value.textValue());
        }
        throw rows.error(line, field + " " + value + " is not a number");
    }

    private static String names(CurveColumns columns) {
        return columns.step() + ", " + columns.lr() + ", " + columns.loss();
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
