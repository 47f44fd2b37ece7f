package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trainkit.schedules.Schedules;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class LossCurvesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void readsColumnsInAnyOrderIgnoringOthersWithWarmupAndInterpolation() throws IOException {
        Path file = write("run.csv", "loss,note,lr,step\n4.0,a,0.3,4\n3.0,b,0.1,8\n,c,0.1,10\n2.5,d,0.2,12\n");
        LossCurve curve = LossCurves.readCsv(file);
        assertEquals("run", curve.name());
        assertArrayEquals(new int[] {4, 8, 12}, curve.steps());
        assertArrayEquals(new double[] {4.0, 3.0, 2.5}, curve.losses());
        assertEquals(13, curve.totalSteps());
        double[] lr = curve.learningRates();
        // warmup 0 -> 0.3 over steps 0..4, then linear to 0.1 at 8, constant to 10, linear to 0.2 at 12
        double[] expected = {0, 0.075, 0.15, 0.225, 0.3, 0.25, 0.2, 0.15, 0.1, 0.1, 0.1, 0.15, 0.2};
        assertArrayEquals(expected, lr, 1e-15);
        assertEquals(0.1, lr[9]);
    }

    @Test
    void anLrOnlyRowOneStepBeforeTheFirstLossGivesTheLinspaceWarmup() throws IOException {
        Path file = write("w.csv", "step,lr,loss\n2159,0.0003,\n2176,0.0003,4.1\n2304,0.0003,4.0\n");
        double[] lr = LossCurves.readCsv(file).learningRates();
        for (int t = 0; t < 2160; t++) {
            assertEquals(3e-4 * t / 2159, lr[t], 1e-20);
        }
        for (int t = 2160; t <= 2304; t++) {
            assertEquals(3e-4, lr[t]);
        }
    }

    @Test
    void configurableColumnNamesForCsvAndJsonLines() throws IOException {
        CurveColumns columns = new CurveColumns("iteration", "learning_rate", "train_loss");
        Path csv = write("a.csv", "iteration,learning_rate,train_loss\n1,0.1,2.0\n2,0.1,1.5\n");
        Path jsonl = write("b.jsonl", "{\"iteration\": 1, \"learning_rate\": 0.1, \"train_loss\": 2.0}\n\n"
                + "{\"iteration\": 2, \"learning_rate\": 0.1, \"train_loss\": null}\n"
                + "{\"iteration\": 3, \"learning_rate\": 0.1, \"train_loss\": 1.2, \"extra\": [1]}\n");
        assertArrayEquals(new double[] {2.0, 1.5}, LossCurves.readCsv(csv, columns).losses());
        LossCurve fromJson = LossCurves.readJsonLines(jsonl, columns);
        assertEquals("b", fromJson.name());
        assertArrayEquals(new int[] {1, 3}, fromJson.steps());
        assertEquals(4, fromJson.totalSteps());
    }

    @Test
    void readsATablesawTableWithMissingLossAsLrOnly() {
        Table table = Table.create("mine", IntColumn.create("step", 0, 5, 10),
                DoubleColumn.create("lr", 0.1, 0.2, 0.3), DoubleColumn.create("loss", 3.0, Double.NaN, 2.0));
        LossCurve curve = LossCurves.fromTable(table);
        assertEquals("mine", curve.name());
        assertArrayEquals(new int[] {0, 10}, curve.steps());
        assertEquals(0.1, curve.learningRates()[0]);
        assertEquals(0.26, curve.learningRates()[8], 1e-15);
        assertEquals(3, curve.toTable().rowCount() + 1);
    }

    @Test
    void readingTheShippedDataGivesEveryRow() {
        LossCurve curve = LossCurves.readCsv(PublishedSchedules.dataDir().resolve("25M/cosine_24000.csv"));
        assertEquals(171, curve.size());
        assertEquals(2160, curve.steps()[0]);
        assertEquals(23921, curve.totalSteps());
        assertEquals(3.3044, curve.finalLoss());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty file|                                        |1|empty file",
        "header only|step,lr,loss\\n                          |1|no data rows",
        "missing column|step,lr\\n1,0.1\\n                    |1|missing column 'loss'",
        "non-numeric loss|step,lr,loss\\n1,0.1,2\\n2,0.1,abc\\n|3|loss 'abc' is not a number",
        "non-numeric step|step,lr,loss\\nx,0.1,2\\n          |2|step 'x' is not a number",
        "empty lr|step,lr,loss\\n1,,2\\n                      |2|lr is empty",
        "NaN loss|step,lr,loss\\n1,0.1,2\\n2,0.1,NaN\\n       |3|loss is NaN",
        "zero loss|step,lr,loss\\n1,0.1,0\\n                  |2|loss 0.0 is not a positive finite number",
        "negative loss|step,lr,loss\\n1,0.1,-2\\n             |2|loss -2.0 is not a positive finite number",
        "steps not increasing|step,lr,loss\\n5,0.1,2\\n5,0.1,1\\n|3|step 5 does not increase (line 2 has step 5)",
        "steps decreasing|step,lr,loss\\n5,0.1,2\\n\\n3,0.1,1\\n|4|step 3 does not increase",
        "fractional step|step,lr,loss\\n1.5,0.1,2\\n          |2|step 1.5 is not a whole number",
        "negative lr|step,lr,loss\\n1,-0.1,2\\n               |2|lr -0.1 is not a finite number >= 0",
        "ragged row|step,lr,loss\\n1,0.1\\n                   |2|the row has 2 fields but the header has 3",
        "only lr rows|step,lr,loss\\n1,0.1,\\n2,0.1,\\n        |3|no row has a loss"})
    void badCsvNamesFileLineAndProblem(String label, String text, int line, String problem) throws IOException {
        Path file = write("bad.csv", text == null ? "" : text.strip().replace("\\n", "\n"));
        CurveFormatException e = assertThrows(CurveFormatException.class, () -> LossCurves.readCsv(file));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ", line " + line + ": "), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json|{\"step\": 1, \"lr\": 0.1, \"loss\": 2}\\n{oops|2|not a JSON object",
        "not an object|[1, 2, 3]|1|not a JSON object",
        "missing lr|{\"step\": 1, \"loss\": 2}|1|missing field 'lr'",
        "text loss|{\"step\": 1, \"lr\": 0.1, \"loss\": \"high\"}|1|loss 'high' is not a number",
        "boolean step|{\"step\": true, \"lr\": 0.1, \"loss\": 2}|1|step true is not a number",
        "NaN loss|{\"step\": 1, \"lr\": 0.1, \"loss\": NaN}|1|loss is NaN",
        "empty|\\n|1|empty file"})
    void badJsonLinesNamesFileLineAndProblem(String label, String text, int line, String problem) throws IOException {
        Path file = write("bad.jsonl", text.replace("\\n", "\n"));
        CurveFormatException e = assertThrows(CurveFormatException.class, () -> LossCurves.readJsonLines(file));
        assertTrue(e.getMessage().startsWith(file + ", line " + line + ": "), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }

    @Test
    void badTablesNameTheTableRowAndProblem() {
        Table missing = Table.create("t", IntColumn.create("step", 1), DoubleColumn.create("lr", 0.1));
        assertEquals("table t, row 1: missing column 'loss' (the table has [step, lr])",
                assertThrows(CurveFormatException.class, () -> LossCurves.fromTable(missing)).getMessage());
        Table text = Table.create("t", IntColumn.create("step", 1), DoubleColumn.create("lr", 0.1),
                StringColumn.create("loss", "2"));
        assertTrue(assertThrows(CurveFormatException.class, () -> LossCurves.fromTable(text)).getMessage()
                .contains("column 'loss' is STRING; expected numbers"));
        Table negative = Table.create("t", IntColumn.create("step", 1, 2), DoubleColumn.create("lr", 0.1, 0.1),
                DoubleColumn.create("loss", 2, -1));
        assertTrue(assertThrows(CurveFormatException.class, () -> LossCurves.fromTable(negative)).getMessage()
                .startsWith("table t, row 2: loss -1.0"));
    }

    @Test
    void aMissingFileIsAnIoError() {
        assertThrows(UncheckedIOException.class, () -> LossCurves.readCsv(dir.resolve("none.csv")));
    }

    @Test
    void withScheduleDropsLoggedStepsBeyondTheSchedule() {
        LossCurve curve = LossCurve.of("c", new int[] {1, 5, 9}, new double[] {3, 2, 1}, new double[10]);
        LossCurve shorter = curve.withSchedule(Schedules.of(new double[] {0, 1, 1, 1, 1, 1, 1}));
        assertArrayEquals(new int[] {1, 5}, shorter.steps());
        assertEquals(7, shorter.totalSteps());
        assertArrayEquals(new int[] {5, 9}, curve.from(2).steps());
        assertEquals(List.of(), List.of(curve.from(100).steps()).stream().filter(a -> a.length > 0).toList());
    }

    @Test
    void beforeKeepsThePointsAndRatesOfARunStillInProgress() {
        double[] rates = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        LossCurve curve = LossCurve.of("c", new int[] {1, 5, 9}, new double[] {3, 2, 1}, rates);
        LossCurve firstPart = curve.before(6);
        assertArrayEquals(new int[] {1, 5}, firstPart.steps());
        assertArrayEquals(new double[] {3, 2}, firstPart.losses());
        assertEquals(6, firstPart.totalSteps());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, firstPart.learningRates());
        assertArrayEquals(curve.steps(), curve.before(10).steps());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> curve.before(1)).getMessage().contains("no loss is logged"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> curve.before(11)).getMessage().contains("10 steps"));
    }

    @Test
    void windowMeansAverageConsecutivePointsAtTheirMiddleStep() {
        double[] rates = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
        LossCurve perStep = LossCurve.of("log", new int[] {0, 1, 2, 3, 4, 5, 6, 7},
                new double[] {8, 6, 5, 3, 4, 2, 9, 9}, rates);
        LossCurve threes = perStep.windowMeans(3);
        assertArrayEquals(new int[] {1, 4}, threes.steps(), "the middle of steps 0-2 and 3-5; 6-7 is incomplete");
        assertArrayEquals(new double[] {19 / 3.0, 3}, threes.losses(), 1e-15);
        assertArrayEquals(rates, threes.learningRates());
        assertArrayEquals(new int[] {0, 2, 4, 6}, perStep.windowMeans(2).steps(), "the lower middle of an even window");
        assertArrayEquals(perStep.losses(), perStep.windowMeans(1).losses());
        assertEquals(1, perStep.windowMeans(8).size());
        assertThrows(IllegalArgumentException.class, () -> perStep.windowMeans(0));
        assertThrows(IllegalArgumentException.class, () -> perStep.windowMeans(9));
    }

    @Test
    void curvesCheckTheirArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> LossCurve.of("c", new int[] {3, 2}, new double[] {1, 1}, new double[5]));
        assertThrows(IllegalArgumentException.class,
                () -> LossCurve.of("c", new int[] {7}, new double[] {1}, new double[5]));
        assertThrows(IllegalArgumentException.class,
                () -> LossCurve.of("c", new int[] {1}, new double[] {1}, new double[] {0, -1}));
        assertThrows(IllegalArgumentException.class,
                () -> LossCurve.of("c", new int[] {1}, new double[] {Double.NaN}, new double[3]));
    }
}
