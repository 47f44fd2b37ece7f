package org.trainkit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.trainkit.schedules.Schedule;
import org.trainkit.schedules.ScheduleCsv;
import org.trainkit.schedules.ScheduleKind;
import org.trainkit.schedules.ScheduleRegistry;
import org.trainkit.schedules.Schedules;
import org.trainkit.schedules.SpecException;
import org.trainkit.schedules.SpecKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trainkit schedule SPEC [--every K]}: prints a learning-rate schedule as CSV {@code step,lr}
 * for steps 0..total-1 (every K-th step), with each rate in its shortest exact decimal form.
 * {@code trainkit schedule --list} names every schedule with its keys and defaults. A bad spec
 * exits with status 2 and a one-line message naming the key and why. Schedules and their
 * conventions: {@link org.trainkit.schedules} (REFERENCES.md section 2).
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = {"Print a learning-rate schedule as CSV step,lr, or list the schedules.",
                "Example: trainkit schedule 'cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)' --every 1000"})
public final class ScheduleCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "SPEC",
            description = "The schedule's text form, e.g. 'wsd(peak=1e-3, total=5000, decay=0.2, shape=sqrt)'.")
    private List<String> spec;

    @Option(names = "--every", paramLabel = "K", defaultValue = "1",
            description = "Print every K-th step only (default: ${DEFAULT-VALUE}).")
    private int every;

    @Option(names = "--list", description = "List every schedule with its keys and defaults.")
    private boolean list;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (list) {
            printList(out);
            return 0;
        }
        if (spec == null || spec.isEmpty()) {
            err.println("schedule: give a SPEC such as 'cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)',"
                    + " or --list");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        if (every < 1) {
            err.println("schedule: --every must be >= 1, got " + every);
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        Schedule schedule;
        try {
            schedule = Schedules.parse(String.join(" ", spec));
        } catch (SpecException e) {
            err.println(e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        ScheduleCsv.write(schedule, every, out);
        out.flush();
        return 0;
    }

    private static void printList(PrintWriter out) {
        for (ScheduleKind kind : ScheduleRegistry.kinds()) {
            out.println(kind.usage());
            out.println("    " + kind.description());
            int width = kind.keys().stream().mapToInt(k -> k.usage().length()).max().orElse(0);
            for (SpecKey key : kind.keys()) {
                out.printf("    %-" + width + "s  %s%n", key.usage(), key.description());
            }
        }
        out.println("Keys in [brackets]: give exactly one of them. Steps count from 0; a decay phase reaches "
                + "its final rate at step total.");
        out.flush();
    }
}
