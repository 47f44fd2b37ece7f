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
    void aParameterAtItsBoundIsAWarningInTheTextAndTheJson() throws IOException {
        Path cliff = dir.resolve("cliff.csv");
        StringBuilder text = new StringBuilder("step,lr,loss\n1,0.1,4\n");
        for (int step = 2; step <= 60; step++) {
            text.append(step).append(",0.1,3\n");
        }
        Files.writeString(cliff, text);
        Run run = run("fit", "--law", "power", "--quiet", "--train", cliff.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("warning: alpha = "), run.out());
        Run json = run("fit", "--law", "power", "--quiet", "--json", "--train", cliff.toString());
        JsonNode warnings = new ObjectMapper().readTree(json.out()).get("warnings");
        assertTrue(warnings.isArray() && warnings.size() >= 1, json.out());
        assertEquals("alpha", warnings.get(0).get("parameters").get(0).asText());
    }

    @Test
    void lawAutoNamesTheChosenLawAndItsCrossValidation() throws IOException {
        Run run = run("fit", "--law", "auto", "--json", "--quiet",
                "--train", files("100M", "cosine_24000", "constant_24000", "wsdcon_9"),
                "--test", files("100M", "wsdcon_3"));
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> candidates = new java.util.ArrayList<>();
        String chosen = null;
        for (JsonNode row : json.get("cross_validation")) {
            candidates.add(row.get("candidate").asText());
            if (row.get("chosen").asBoolean()) {
                chosen = row.get("candidate").asText();
            }
        }
        List<String> singles = org.trainkit.curves.AutoFit.defaultCandidates().stream().map(c -> c.name()).toList();
        assertEquals(singles, candidates.subList(0, singles.size()));
        assertEquals(singles.size() * (singles.size() + 1) / 2, candidates.size(), "every single law and every pair");
        assertEquals(org.trainkit.curves.AutoFit.meanName(singles.get(0), singles.get(1)), candidates.get(singles.size()));
        assertEquals(chosen, json.get("law").asText());
        if (chosen.startsWith("mean(")) {
            assertEquals("mean", json.get("form").asText());
            assertEquals(2, json.get("members").size(), run.out());
            String member = json.get("members").get(0).get("candidate").asText();
            assertTrue(json.get("params").has(member + ".L0"), run.out());
        }
        assertTrue(json.get("warnings").isArray());
        assertTrue(json.get("notes").get("wsdcon_3.csv").isArray(), run.out());
        Run text = run("fit", "--law", "auto", "--quiet",
                "--train", files("100M", "cosine_24000", "constant_24000", "wsdcon_9"));
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("the five best of " + candidates.size() + " candidates"), text.out());
        String chosenLine = text.out().lines().filter(l -> l.endsWith("<- chosen")).findFirst().orElse("");
        assertTrue(chosenLine.startsWith("  " + chosen + " "), text.out());
        assertTrue(text.out().contains("law " + chosen + " fitted on 3 curves"), text.out());
        for (JsonNode member : json.has("members") ? json.get("members") : new ObjectMapper().createArrayNode()) {
            assertTrue(text.out().contains("  " + member.get("candidate").asText() + ": "), text.out());
        }
        Run one = run("fit", "--law", "auto", "--quiet", "--train", files("100M", "cosine_24000"));
        assertEquals(2, one.code());
        assertTrue(one.err().contains("at least 2 train curves"), one.err());
    }

    @Test
    void fromStepLeavesEarlyPointsOutOfFitAndScores() throws IOException {
        Run all = run("fit", "--law", "annealing", "--lambda", "0.999", "--json", "--quiet",
                "--train", files("25M", "cosine_24000", "constant_24000"));
        Run late = run("fit", "--law", "annealing", "--lambda", "0.999", "--json", "--quiet", "--from-step", "10000",
                "--train", files("25M", "cosine_24000", "constant_24000"));
        assertEquals(0, late.code(), late.err());
        JsonNode a = new ObjectMapper().readTree(all.out()).get("train").get("curves");
        JsonNode b = new ObjectMapper().readTree(late.out()).get("train").get("curves");
        assertTrue(a.get("cosine_24000.csv") != null && b.get("cosine_24000.csv") != null);
        assertTrue(!a.equals(b));
        Run bad = run("fit", "--law", "mpl", "--quiet", "--from-step", "-3", "--train", files("25M", "cosine_24000"));
        assertEquals(2, bad.code());
        Run none = run("fit", "--law", "mpl", "--quiet", "--from-step", "999999", "--train", files("25M", "cosine_24000"));
        assertEquals(2, none.code());
        assertTrue(none.err().contains("leaves no loss point"), none.err());
    }

    @Test
    void anExactScheduleReplacesTheInterpolatedLearningRates() throws IOException {
        String cosine = data("25M", "cosine_24000").toString();
        Run interpolated = run("fit", "--law", "annealing", "--lambda", "0.999", "--json", "--quiet",
                "--train", files("25M", "cosine_24000", "constant_24000"));
        Run exact = run("fit", "--law", "annealing", "--lambda", "0.999", "--json", "--quiet",
                "--schedule", "cosine_24000.csv='cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)'",
                "--train", files("25M", "cosine_24000", "constant_24000"));
        assertEquals(0, exact.code(), exact.err());
        assertTrue(!new ObjectMapper().readTree(interpolated.out()).get("params")
                .equals(new ObjectMapper().readTree(exact.out()).get("params")));
        Run badSpec = run("fit", "--law", "mpl", "--quiet", "--schedule", "cosine_24000.csv=cosine(peek=3e-4)",
                "--train", cosine);
        assertEquals(2, badSpec.code());
        assertTrue(badSpec.err().contains("--schedule cosine_24000.csv") && badSpec.err().contains("peek"), badSpec.err());
        Run unknown = run("fit", "--law", "mpl", "--quiet", "--schedule", "other.csv=constant(peak=1e-3, total=10)",
                "--train", cosine);
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("other.csv"), unknown.err());
    }

    @Test
    void planPrintsTheRecommendationAndRejectsABudgetShorterThanTheLog() throws IOException {
        Path log = dir.resolve("run.csv");
        StringBuilder text = new StringBuilder("step,lr,loss\n");
        org.trainkit.curves.MultiPowerLaw law = new org.trainkit.curves.MultiPowerLaw(2.65, 0.6, 0.45, 440, 1, 0.5, 0.5);
        double[] lr = new double[8000];
        for (int t = 0; t < lr.length; t++) {
            lr[t] = t < 500 ? 3e-4 * t / 499 : 3e-4;
        }
        text.append("499,3e-4,\n");
        int[] steps = java.util.stream.IntStream.iterate(500, s -> s < 8000, s -> s + 50).toArray();
        double[] loss = law.predict(lr, steps);
        for (int i = 0; i < steps.length; i++) {
            text.append(steps[i]).append(",3e-4,").append(loss[i] * (1 + 0.001 * Math.sin(i))).append('\n');
        }
        Files.writeString(log, text);
        Run plan = run("plan", "--log", log.toString(), "--total", "20000", "--resamples", "10");
        assertEquals(0, plan.code(), plan.err());
        assertTrue(plan.out().contains("recommended:") && plan.out().contains("cooldown now")
                && plan.out().contains("cosine from the start"), plan.out());
        Run json = run("plan", "--log", log.toString(), "--total", "20000", "--resamples", "10", "--json");
        JsonNode options = new ObjectMapper().readTree(json.out()).get("options");
        assertEquals("recommended", options.get(0).get("name").asText());
        Run shorter = run("plan", "--log", log.toString(), "--total", "5000");
        assertEquals(2, shorter.code());
        assertTrue(shorter.err().contains("not beyond the 7951 steps"), shorter.err());
        Path tiny = Files.writeString(dir.resolve("tiny.csv"), "step,lr,loss\n10,1e-3,3.0\n20,1e-3,2.9\n30,1e-3,2.85\n");
        Run tooShort = run("plan", "--log", tiny.toString(), "--total", "100");
        assertEquals(1, tooShort.code());
        assertTrue(tooShort.err().contains("too few to fit"), tooShort.err());
    }

    @Test
    void readsATensorBoardRunDirectoryAndNamesACorruptRecord() throws IOException {
        Path run = Files.createDirectories(dir.resolve("tb"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        org.trainkit.curves.MultiPowerLaw law = new org.trainkit.curves.MultiPowerLaw(2.65, 0.6, 0.45, 440, 1, 0.5, 0.5);
        double[] lr = new double[3000];
        for (int t = 0; t < lr.length; t++) {
            lr[t] = t < 200 ? 1e-3 * t / 199 : 1e-3 * (0.1 + 0.9 * (1 + Math.cos(Math.PI * (t - 200) / 2800.0)) / 2);
        }
        for (int step = 0; step < 3000; step += 20) {
            bytes.write(tensorBoardRecord(step, "lr", lr[step]));
            if (step >= 200) {
                bytes.write(tensorBoardRecord(step, "train/loss", law.predict(lr, new int[] {step})[0]));
            }
        }
        Path file = Files.write(run.resolve("events.out.tfevents.1.host"), bytes.toByteArray());
        Run ok = run("fit", "--law", "annealing", "--quiet", "--json", "--train", run.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(new ObjectMapper().readTree(ok.out()).get("train").get("curves").has("tb"), ok.out());
        byte[] corrupt = bytes.toByteArray();
        corrupt[40] ^= 1;
        Files.write(file, corrupt);
        Run bad = run("fit", "--law", "annealing", "--quiet", "--train", run.toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains(file.toString()) && bad.err().contains("byte offset"), bad.err());
    }

    /** One TensorBoard record holding an Event with one simple_value, CRCs computed here. */
    private static byte[] tensorBoardRecord(long step, String tag, double value) throws IOException {
        java.io.ByteArrayOutputStream v = new java.io.ByteArrayOutputStream();
        com.google.protobuf.CodedOutputStream out = com.google.protobuf.CodedOutputStream.newInstance(v);
        out.writeString(1, tag);
        out.writeFloat(2, (float) value);
        out.flush();
        java.io.ByteArrayOutputStream summary = new java.io.ByteArrayOutputStream();
        com.google.protobuf.CodedOutputStream s = com.google.protobuf.CodedOutputStream.newInstance(summary);
        s.writeBytes(1, com.google.protobuf.ByteString.copyFrom(v.toByteArray()));
        s.flush();
        java.io.ByteArrayOutputStream event = new java.io.ByteArrayOutputStream();
        com.google.protobuf.CodedOutputStream e = com.google.protobuf.CodedOutputStream.newInstance(event);
        e.writeInt64(2, step);
        e.writeBytes(5, com.google.protobuf.ByteString.copyFrom(summary.toByteArray()));
        e.flush();
        byte[] data = event.toByteArray();
        java.nio.ByteBuffer record = java.nio.ByteBuffer.allocate(16 + data.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] length = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
        record.put(length).putInt(masked(length)).put(data).putInt(masked(data));
        return record.array();
    }

    private static int masked(byte[] bytes) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes);
        long c = crc.getValue();
        return (int) ((((c >>> 15) | (c << 17)) + 0xa282ead8L) & 0xffffffffL);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
