package org.trainkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainkit.schedules.Schedule;
import org.trainkit.schedules.ScheduleKind;
import org.trainkit.schedules.ScheduleRegistry;
import org.trainkit.schedules.Schedules;
import org.trainkit.schedules.SpecKey;
import picocli.CommandLine;

class ScheduleCommandTest {

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

    @Test
    void printsEveryStepAsExactCsv() {
        String spec = "cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)";
        Run run = run("schedule", spec);
        assertEquals(0, run.exitCode());
        assertEquals("", run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("step,lr", lines.get(0));
        assertEquals(24001, lines.size());
        Schedule schedule = Schedules.parse(spec);
        for (int t = 0; t < 24000; t++) {
            String[] cells = lines.get(t + 1).split(",");
            assertEquals(t, Integer.parseInt(cells[0]));
            assertEquals(schedule.lr(t), Double.parseDouble(cells[1]), "step " + t);
        }
        assertEquals("0,0", lines.get(1));
        assertEquals("2160,3e-4", lines.get(2161));
    }

    @Test
    void printsEveryKthStep() {
        Run run = run("schedule", "linear(peak=1e-3, final=0, warmup=100, total=5000)", "--every", "1000");
        assertEquals(0, run.exitCode());
        List<String> lines = run.out().lines().toList();
        assertEquals(List.of("step", "0", "1000", "2000", "3000", "4000"),
                lines.stream().map(l -> l.split(",")[0]).toList());
        assertEquals("1000,8.163265306122449e-4", lines.get(2));
        for (int i = 1; i < lines.size(); i++) {
            int step = (i - 1) * 1000;
            double expected = step < 100 ? 1e-3 * step / 100 : 1e-3 * (1 - (step - 100) / 4900.0);
            assertEquals(expected, Double.parseDouble(lines.get(i).split(",")[1]), 1e-18);
        }
    }

    @Test
    void listsEveryScheduleWithItsKeys() {
        Run run = run("schedule", "--list");
        assertEquals(0, run.exitCode());
        for (ScheduleKind kind : ScheduleRegistry.kinds()) {
            assertTrue(run.out().contains(kind.usage() + "\n    " + kind.description() + "\n"), kind.name());
            for (SpecKey key : kind.keys()) {
                assertTrue(run.out().contains(key.description()), kind.name() + " " + key.name());
            }
        }
        assertTrue(run.out().contains("wsd(peak, final=0, warmup=0, total, [decay_start], [decay], shape=linear)"));
    }

    @Test
    void aBadSpecExitsNonZeroWithTheOneLineMessage() {
        Run run = run("schedule", "wsd(peak=1e-3, final=0, warmup=100, total=5000, decay=1.5, shape=sqrt)");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertEquals("wsd: key 'decay' must be in (0, 1], got 1.5\n", run.err().replace("\r\n", "\n"));
        Run unknown = run("schedule", "cosin(peak=1e-3, total=10)");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().startsWith("unknown schedule 'cosin'; known: constant, cosine,"));
        Run syntax = run("schedule", "cosine(peak=1e-3 total=10)");
        assertEquals(2, syntax.exitCode());
        assertTrue(syntax.err().startsWith("bad spec at column 18: expected ',' or ')'"), syntax.err());
    }

    @Test
    void missingSpecOrBadEveryIsAUsageError() {
        Run none = run("schedule");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("give a SPEC"));
        Run every = run("schedule", "constant(peak=1e-3, total=10)", "--every", "0");
        assertEquals(2, every.exitCode());
        assertEquals("schedule: --every must be >= 1, got 0\n", every.err().replace("\r\n", "\n"));
    }

    @Test
    void aSpecSplitOverSeveralArgumentsIsJoined() {
        Run run = run("schedule", "constant(peak=1e-3,", "warmup=2,", "total=4)");
        assertEquals("step,lr\n0,0\n1,5e-4\n2,1e-3\n3,1e-3\n", run.out());
    }
}
