package org.trainkit.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.trainkit.checkpoint.CheckpointFormatException;
import org.trainkit.merge.MergeConfig;
import org.trainkit.merge.MergeMethods;
import org.trainkit.merge.MergePlan;
import org.trainkit.merge.MergeReport;
import org.trainkit.merge.Merger;
import org.trainkit.merge.Sizes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trainkit merge CONFIG.yaml OUTPUT_DIR [--out-shard-size 5GB] [--seed N] [--dry-run]}: merges
 * safetensors checkpoints as the YAML config (the popular Python merge tool's format) says, through
 * {@link org.trainkit.merge.Merger}. {@code --list} names every method with its parameters. A bad
 * config, a bad size or inputs that do not fit (an {@link org.trainkit.merge.MergeInputException}) exit with status 2 and a message naming the key or listing the
 * mismatches; nothing is written then.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge safetensors checkpoints as a YAML merge config says.",
                "Example: trainkit merge ties.yaml merged/ --out-shard-size 2GB"})
public final class MergeCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG.yaml", description = "The merge config.")
    private Path config;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUTPUT_DIR", description = "Where the merged model goes.")
    private Path output;

    @Option(names = "--out-shard-size", paramLabel = "SIZE", defaultValue = "5GB",
            description = "The largest output shard, e.g. 5GB, 500MB, 1.5G (default: ${DEFAULT-VALUE}).")
    private String shardSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of DARE and DELLA (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Computing threads (default: one per core).")
    private Integer threads;

    @Option(names = "--dry-run", description = "Print the plan (tensors, methods, output size and shards); write nothing.")
    private boolean dryRun;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Option(names = "--list", description = "List the merge methods with their parameters and defaults.")
    private boolean list;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            MergeMethods.names().forEach(name -> out.println(MergeMethods.describe(name)));
            out.flush();
            return 0;
        }
        if (config == null || (output == null && !dryRun)) {
            err.println("merge: give CONFIG.yaml and OUTPUT_DIR (or --dry-run, or --list)");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
        try {
            long shardBytes = Sizes.parse(shardSize);
            Merger merger = Merger.of(MergeConfig.read(config)).shardSize(shardBytes).seed(seed).progress(!quiet);
            if (threads != null) {
                merger.threads(threads);
            }
            if (dryRun) {
                MergePlan plan = merger.plan();
                out.print(plan.text());
                out.println("dry run: nothing written");
                out.flush();
                return 0;
            }
            MergeReport report = merger.run(output);
            out.println(report.summary());
            out.flush();
            return 0;
        } catch (IllegalArgumentException | UncheckedIOException | CheckpointFormatException e) {
            err.println("merge: " + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.USAGE;
        }
    }
}
