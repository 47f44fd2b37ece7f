package org.trainkit.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.trainkit.notebook.ExecutedNotebook;
import org.trainkit.notebook.NotebookRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code trainkit notebooks NOTEBOOK...}: executes notebooks headless through the trainkit kernel,
 * saving each executed notebook (in place by default), with a progress line per notebook and the
 * total time. Exits 1 when any notebook fails: a cell raised, it shows no figure, it has no check
 * cells; exits 2, before running anything, when an argument is not an existing {@code .ipynb} file.
 */
@Command(name = "notebooks", mixinStandardHelpOptions = true,
        description = "Execute notebooks headless through the trainkit kernel and check their outputs.")
public final class NotebooksCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "NOTEBOOK", description = "The .ipynb files to execute.")
    private List<Path> notebooks;

    @Option(names = "--output-dir", paramLabel = "DIR",
            description = "Write the executed notebooks here instead of updating them in place.")
    private Path outputDir;

    @Override
    public Integer call() throws Exception {
        for (Path notebook : notebooks) {
            if (!notebook.toString().endsWith(".ipynb") || !Files.isRegularFile(notebook)) {
                System.err.println("trainkit notebooks: " + notebook + ": not a notebook file (expected an existing .ipynb file)");
                return 2;
            }
        }
        NotebookRunner runner = NotebookRunner.trainkit();
        long start = System.nanoTime();
        int failed = 0;
        for (int i = 0; i < notebooks.size(); i++) {
            Path notebook = notebooks.get(i);
            Path target = outputDir == null ? notebook : outputDir.resolve(notebook.getFileName());
            System.out.printf("[%d/%d] %s ...%n", i + 1, notebooks.size(), notebook);
            System.out.flush();
            try {
                NotebookRunner.Result result = runner.run(notebook, target);
                ExecutedNotebook executed = result.notebook();
                List<String> problems = executed.problems();
                System.out.printf("[%d/%d] %s %s in %s (%d figures, %d check cells)%n", i + 1, notebooks.size(),
                        notebook.getFileName(), problems.isEmpty() ? "ok" : "FAILED", seconds(result.elapsed()),
                        executed.images(), executed.checkCells());
                problems.forEach(p -> System.out.println("    " + p));
                failed += problems.isEmpty() ? 0 : 1;
            } catch (NotebookRunner.NotebookFailure e) {
                System.out.printf("[%d/%d] %s FAILED%n%s%n", i + 1, notebooks.size(), notebook.getFileName(),
                        e.getMessage());
                failed++;
            }
        }
        System.out.printf("%d notebooks, %d failed, total %s%n", notebooks.size(), failed,
                seconds(Duration.ofNanos(System.nanoTime() - start)));
        return failed == 0 ? 0 : 1;
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }
}
