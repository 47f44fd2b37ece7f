package org.trainkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.checkpoint.NamedTensor;
import org.trainkit.checkpoint.ParameterSet;
import org.trainkit.checkpoint.Safetensors;

class MergeCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static final class CommandLine extends picocli.CommandLine {
        CommandLine(Object command) {
            super(command);
        }
    }

    Path config;

    @BeforeEach
    void models() throws IOException {
        for (String name : List.of("a", "b")) {
            float v = name.equals("a") ? 1 : 3;
            Safetensors.write(dir.resolve(name + ".safetensors"), ParameterSet.of(List.of(
                    NamedTensor.of("0.weight", new long[] {2, 2}, new float[] {v, v, v, v}),
                    NamedTensor.of("0.bias", new long[] {2}, new float[] {v, -v}))), Map.of());
        }
        config = dir.resolve("linear.yaml");
        Files.writeString(config, """
                merge_method: linear
                models:
                  - model: %s
                    parameters: {weight: 1}
                  - model: %s
                    parameters: {weight: 1}
                """.formatted(dir.resolve("a.safetensors"), dir.resolve("b.safetensors")));
    }

    @Test
    void mergesAndReports() {
        Path out = dir.resolve("out");
        Run run = run("merge", config.toString(), out.toString(), "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("merged 2 tensors"), run.out());
        ParameterSet merged = Safetensors.readParameters(out.resolve("model.safetensors"));
        assertEquals(2f, merged.get("0.weight").data()[0]);
        assertEquals(-2f, merged.get("0.bias").data()[1]);
        assertTrue(Files.exists(out.resolve("merge_config.yaml")));
    }

    @Test
    void shardsBySizeAndDryRunWritesNothing() {
        Path out = dir.resolve("out");
        Run dry = run("merge", config.toString(), out.toString(), "--dry-run", "--out-shard-size", "16B");
        assertEquals(0, dry.exitCode(), dry.err());
        assertTrue(dry.out().contains("model-00001-of-00002.safetensors"), dry.out());
        assertFalse(Files.exists(out));
        Run real = run("merge", config.toString(), out.toString(), "--out-shard-size", "16B", "--quiet");
        assertEquals(0, real.exitCode(), real.err());
        assertTrue(Files.exists(out.resolve("model.safetensors.index.json")));
    }

    @Test
    void badInputExitsWithTwoAndAMessage() throws IOException {
        Files.writeString(config, Files.readString(config) + "tokenizer_source: base\n");
        Run run = run("merge", config.toString(), dir.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("tokenizer_source: unsupported key"), run.err());
        Run size = run("merge", config.toString(), dir.resolve("out").toString(), "--out-shard-size", "lots");
        assertEquals(2, size.exitCode());
        assertTrue(size.err().contains("size 'lots'"), size.err());
        Run missing = run("merge");
        assertEquals(2, missing.exitCode());
    }

    @Test
    void listsTheMethods() {
        Run run = run("merge", "--list");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("ties [base required; per model weight (required), density=1"), run.out());
        assertTrue(run.out().contains("della [") && run.out().contains("epsilon=0.15"), run.out());
    }
}
