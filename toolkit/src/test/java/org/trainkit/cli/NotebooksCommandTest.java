package org.trainkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NotebooksCommandTest {

    @TempDir
    Path dir;

    private String runExpectingError(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new Main()).execute(args);
            assertEquals(2, exit);
        } finally {
            System.setErr(saved);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMissingNotebookIsRejectedBeforeAnythingRuns() {
        Path missing = dir.resolve("missing.ipynb");
        String message = runExpectingError("notebooks", missing.toString());
        assertTrue(message.contains(missing + ": not a notebook file"), message);
    }

    @Test
    void aFileThatIsNotANotebookIsRejected() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        String message = runExpectingError("notebooks", text.toString());
        assertTrue(message.contains("notes.txt: not a notebook file (expected an existing .ipynb file)"), message);
    }
}
