package org.trainkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FitCommandTest {

    @TempDir
    Path dir;

    /** Exit code, standard output, standard error. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path data(String model, String name) {
        for (Path root : List.of(Path.of("../data/mpl-loss-curves"), Path.of("data/mpl-loss-curves"))) {
            if (Files.isDirectory(root)) {
                return root.resolve(model).resolve(name + ".csv");
            }
        }
        throw new IllegalStateException("data not found");
    }

    static String files(String model, String... names) {
        return String.join(",", java.util.Arrays.stream(names).map(n -> data(model, n).toString()).toList());
    }

    @Test
    void jsonReportsParamsTrainTestAndSeconds() throws IOException {
        Run run = run("fit", "--law", "annealing", "--lambda", "0.999", "--json", "--quiet",
                "--train", files("25M", "cosine_24000", "constant_24000", "wsdcon_9"),
                "--test", files("25M", "wsdcon_3", "wsd_20000_24000"));
        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("annealing", json.get("law").asText());
        assertEquals(List.of("L0", "A", "alpha", "C", "lambda"), fieldNames(json.get("params")));
        assertEquals(0.999, json.get("params").get("lambda").asDouble());
        for (String set : List.of("train", "test")) {
            for (String metric : List.of("r2", "mae", "rmse", "prede", "worste")) {
                assertTrue(json.get(set).get(metric).isNumber(), set + "." + metric);
            }
        }
        assertEquals(List.of("cosine_24000.csv", "constant_24000.csv", "wsdcon_9.csv"),
                fieldNames(json.get("train").get("curves")));
        JsonNode wsd = json.get("test").get("curves").get("wsd_20000_24000.csv");
        assertTrue(wsd.get("prede").asDouble() > 0 && wsd.get("worste").asDouble() >= wsd.get("prede").asDouble());
        double mean = (json.get("test").get("curves").get("wsdcon_3.csv").get("prede").asDouble()
                + wsd.get("prede").asDouble()) / 2;
        assertEquals(mean, json.get("test").get("prede").asDouble(), 1e-15);
        assertTrue(json.get("seconds").asDouble() > 0);
    }

    @Test
    void tableWithoutTestAndProgressOnStandardError() {
        Run run = run("fit", "--law", "power", "--train", files("100M", "constant_24000"));
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().startsWith("law power fitted on 1 curves"), run.out());
        assertTrue(run.out().contains("train  constant_24000.csv"), run.out());
        assertTrue(run.out().contains("train  mean"), run.out());
        assertTrue(run.err().contains("trainkit fit: power fitted in"), run.err());
        Run json = run("fit", "--law", "power", "--json", "--quiet", "--train", files("100M", "constant_24000"));
        assertTrue(json.out().contains("\"test\" : null"), json.out());
    }

    @Test
    void sameFileNamesFromTwoFoldersAreKeptApart() throws IOException {
        Run run = run("fit", "--law", "power", "--json", "--quiet", "--train",
                files("25M", "constant_24000") + "," + files("100M", "constant_24000"));
        assertEquals(0, run.code(), run.err());
        JsonNode curves = new ObjectMapper().readTree(run.out()).get("train").get("curves");
        assertEquals(2, curves.size());
    }

    @Test
    void badInputExitsOneWithFileLineAndProblem() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "step,lr,loss\n1,0.1,2\n2,0.1,-3\n");
        Run run = run("fit", "--law", "mpl", "--train", bad.toString());
        assertEquals(1, run.code());
        assertEquals("trainkit fit: " + bad + ", line 3: loss -3.0 is not a positive finite number\n", run.err());
        assertEquals("", run.out());

        Path missing = dir.resolve("missing.csv");
        Files.writeString(missing, "step,loss\n1,2\n");
        Run noColumn = run("fit", "--law", "mpl", "--train", data("25M", "wsdcon_9") + "," + missing);
        assertEquals(1, noColumn.code());
        assertTrue(noColumn.err().startsWith("trainkit fit: " + missing + ", line 1: missing column 'lr'"), noColumn.err());
        assertEquals(1, noColumn.err().lines().count());

        Path empty = dir.resolve("empty.jsonl");
        Files.writeString(empty, "");
        Run emptyRun = run("fit", "--law", "power", "--train", data("25M", "wsdcon_9").toString(), "--test", empty.toString());
        assertEquals(1, emptyRun.code());
        assertTrue(emptyRun.err().contains(empty + ", line 1: empty file"), emptyRun.err());

        Path order = dir.resolve("order.csv");
        Files.writeString(order, "lr,step,loss\n0.1,5,2\n0.1,4,1\n");
        Run orderRun = run("fit", "--law", "power", "--train", order.toString());
        assertEquals(1, orderRun.code());
        assertTrue(orderRun.err().contains("line 3: step 4 does not increase"), orderRun.err());

        Run absent = run("fit", "--law", "power", "--train", dir.resolve("nope.csv").toString());
        assertEquals(1, absent.code());
        assertTrue(absent.err().contains("nope.csv"), absent.err());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, run("fit", "--law", "quadratic", "--train", data("25M", "wsdcon_9").toString()).code());
        assertEquals(2, run("fit", "--law", "annealing", "--lambda", "big", "--train", data("25M", "wsdcon_9").toString()).code());
        assertEquals(2, run("fit", "--law", "mpl").code());
        assertEquals(2, run("fit", "--law", "mpl", "--columns", "a,b", "--train", data("25M", "wsdcon_9").toString()).code());
    }

    @Test
    void aFitThatCannotConvergeExitsThree() throws IOException {
        Path cliff = dir.resolve("cliff.csv");
        StringBuilder text = new StringBuilder("step,lr,loss\n1,0.1,4\n");
        for (int step = 2; step <= 60; step++) {
            text.append(step).append(",0.1,3\n");
        }
        Files.writeString(cliff, text);
        Run run = run("fit", "--law", "power", "--quiet", "--train", cliff.toString());
        assertEquals(3, run.code());
        assertTrue(run.err().startsWith("trainkit fit: power fit: parameter alpha"), run.err());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
