package org.trainkit.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trainkit.core.AtomicFiles;

/**
 * Executes Jupyter notebooks headless through the {@code trainkit} kernel with
 * {@code jupyter nbconvert --execute} and reads back what they produced. The executed copy is
 * written to a temporary directory and moved into place only when the run succeeded, so a failed
 * run leaves no partial output.
 *
 * <p>The trainkit kernel answers its first request within a few seconds, even with every core busy
 * (environment/kernel-start-test checks 40 starts); {@link #trainkit()} gives it 30 s. The kernel
 * used to miss that request now and then (start-up races in rapaio-jupyter-kernel 3.0.1, fixed by
 * the kernelspec's kernel-fixes jar), hence the long timeout this runner had. A notebook whose
 * kernel still did not start in time ("Kernel didn't respond") is retried once, as a backstop
 * only: a retry that was needed shows in {@link Result#attempts()}. Any other failure is final.
 *
 * @param kernel the kernelspec name
 * @param startupTimeout how long the kernel may take to start
 * @param cellTimeout how long one cell may run
 * @param environment variables added to the kernel's environment (e.g. where figures go)
 */
public record NotebookRunner(String kernel, Duration startupTimeout, Duration cellTimeout,
                             Map<String, String> environment) {

    private static final List<String> KERNEL_START_FAILURES = List.of(
            "Kernel didn't respond", "Kernel died before replying to kernel_info");

    private static final String CELL_ERROR = "An error occurred while executing the following cell";

    public NotebookRunner {
        environment = Map.copyOf(environment);
    }

    /** How long {@link #trainkit()} gives the kernel to start: several times what it needs under load. */
    private static final Duration TRAINKIT_STARTUP_TIMEOUT = Duration.ofSeconds(30);

    /** A runner for the {@code trainkit} kernel: 30 s to start (then one retry), an hour per cell. */
    public static NotebookRunner trainkit() {
        return new NotebookRunner("trainkit", TRAINKIT_STARTUP_TIMEOUT, Duration.ofHours(1), Map.of());
    }

    /** This runner with {@code name=value} added to the kernel's environment. */
    public NotebookRunner withEnv(String name, String value) {
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put(name, value);
        return new NotebookRunner(kernel, startupTimeout, cellTimeout, env);
    }

    /**
     * Executes {@code notebook} and writes the executed copy to {@code target} (which may be the
     * notebook itself, to update it in place).
     *
     * @return what the executed notebook shows, with the time it took
     * @throws NotebookFailure if nbconvert failed (a cell raised, the kernel died, ...)
     */
    public Result run(Path notebook, Path target) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("trainkit-nb");
        try {
            Path log = work.resolve("nbconvert.log");
            int attempts = 0;
            int exit;
            do {
                attempts++;
                exit = nbconvert(notebook, work, log);
            } while (exit != 0 && attempts < 2 && kernelDidNotStart(log));
            Path executed = work.resolve(notebook.getFileName());
            if (exit != 0 || !Files.exists(executed)) {
                throw new NotebookFailure(notebook, attempts, tail(log, 40));
            }
            AtomicFiles.write(target, tmp -> Files.copy(executed, tmp, StandardCopyOption.REPLACE_EXISTING));
            return new Result(ExecutedNotebook.read(target), Duration.ofNanos(System.nanoTime() - start), attempts);
        } finally {
            deleteRecursively(work);
        }
    }

    private int nbconvert(Path notebook, Path outputDir, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("jupyter", "nbconvert", "--to", "notebook", "--execute",
                "--ExecutePreprocessor.kernel_name=" + kernel,
                "--ExecutePreprocessor.startup_timeout=" + startupTimeout.toSeconds(),
                "--ExecutePreprocessor.timeout=" + cellTimeout.toSeconds(),
                "--output-dir", outputDir.toString(),
                notebook.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(notebook.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return builder.start().waitFor();
    }

    private static boolean kernelDidNotStart(Path log) throws IOException {
        String text = Files.readString(log);
        return KERNEL_START_FAILURES.stream().anyMatch(text::contains);
    }

    /** The failing cell and its error when nbconvert reports one, else the end of the log. */
    private static String tail(Path log, int lines) throws IOException {
        if (!Files.exists(log)) {
            return "(no output from nbconvert)";
        }
        String text = Files.readString(log);
        int cellError = text.indexOf(CELL_ERROR);
        if (cellError >= 0) {
            return text.substring(cellError).strip();
        }
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * One successful execution.
     *
     * @param notebook what the executed notebook shows
     * @param elapsed wall time, retries included
     * @param attempts 1, or 2 when the kernel did not start the first time
     */
    public record Result(ExecutedNotebook notebook, Duration elapsed, int attempts) {
    }

    /** nbconvert could not execute a notebook; the message carries the end of its log. */
    public static final class NotebookFailure extends IOException {
        NotebookFailure(Path notebook, int attempts, String logTail) {
            super(notebook + ": execution failed"
                    + (attempts > 1 ? " (after a retry: the kernel did not start)" : "") + "\n" + logTail);
        }
    }
}
