package org.trainkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebook in {@code notebooks/} through the trainkit kernel (into
 * {@code target/notebooks}, figures and results into {@code target/}) and fails on an error
 * output, on a notebook without an image, or on a notebook whose check cells fail or are missing.
 * Needs {@code environment/setup} to have installed the kernelspec.
 */
class NotebooksIT {

    private static final Path NOTEBOOKS = Path.of("..", "notebooks");
    private static final Path TARGET = Path.of("target");

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsCleanly() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notebooks = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks in " + NOTEBOOKS.toAbsolutePath());
        NotebookRunner runner = NotebookRunner.trainkit()
                .withEnv("TRAINKIT_FIGURES", TARGET.resolve("figures").toAbsolutePath().toString())
                .withEnv("TRAINKIT_RESULTS", TARGET.resolve("results").toAbsolutePath().toString());
        return notebooks.stream().map(notebook -> DynamicTest.dynamicTest(notebook.getFileName().toString(), () -> {
            Path out = TARGET.resolve("notebooks").resolve(notebook.getFileName());
            NotebookRunner.Result result = runner.run(notebook, out);
            System.out.printf("%s: %.1f s, %d figures, %d check cells%n", notebook.getFileName(),
                    result.elapsed().toMillis() / 1000.0, result.notebook().images(),
                    result.notebook().checkCells());
            assertEquals(List.of(), result.notebook().problems(), notebook + " executed with problems");
        }));
    }
}
