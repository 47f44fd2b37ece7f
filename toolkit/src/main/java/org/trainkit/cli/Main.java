package org.trainkit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code trainkit} command line (launched by {@code toolkit/bin/trainkit}). Each capability
 * adds its own subcommand; picocli parses the options and prints the usage.
 */
@Command(name = "trainkit", mixinStandardHelpOptions = true, version = "trainkit 0.1.0",
        description = "Tools for studying how neural networks train.",
        subcommands = {CommandLine.HelpCommand.class, FitCommand.class, PlanCommand.class, ScheduleCommand.class,
                MergeCommand.class, NotebooksCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
