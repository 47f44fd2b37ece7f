package org.trainkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutedNotebookTest {

    @TempDir
    Path dir;

    private Path notebook(String cells) throws IOException {
        return Files.writeString(dir.resolve("n.ipynb"), "{\"cells\": [" + cells + "], \"nbformat\": 4}");
    }

    private static String code(String tags, int count, String outputs) {
        return "{\"cell_type\": \"code\", \"execution_count\": " + count + ", \"source\": \"x\","
                + " \"metadata\": {\"tags\": [" + tags + "]}, \"outputs\": [" + outputs + "]}";
    }

    private static final String IMAGE = "{\"output_type\": \"display_data\", \"data\": {\"image/png\": \"iVBO\"}}";
    private static final String ERROR = "{\"output_type\": \"error\", \"ename\": \"AssertionError\", \"evalue\": \"loss did not fall\"}";

    @Test
    void cleanNotebookWithFigureAndCheckHasNoProblems() throws IOException {
        ExecutedNotebook nb = ExecutedNotebook.read(notebook(code("", 1, IMAGE) + "," + code("\"check\"", 2, "")));
        assertEquals(1, nb.images());
        assertEquals(1, nb.checkCells());
        assertEquals(List.of(), nb.problems());
    }

    @Test
    void errorOutputIsAProblemNamingTheCell() throws IOException {
        ExecutedNotebook nb = ExecutedNotebook.read(notebook(code("", 1, IMAGE) + "," + code("\"check\"", 2, ERROR)));
        assertEquals(List.of("cell 2: AssertionError: loss did not fall"), nb.problems());
    }

    @Test
    void missingFigureMissingChecksAndUnexecutedCellsAreProblems() throws IOException {
        ExecutedNotebook nb = ExecutedNotebook.read(notebook(code("", 1, "") + "," + code("", 0, "").replace("0,", "null,")));
        List<String> problems = nb.problems();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("no image output"));
        assertTrue(problems.get(1).startsWith("no check cells"));
        assertTrue(problems.get(2).startsWith("1 code cells were not executed"));
    }

    @Test
    void aFileThatIsNotANotebookIsAnError() throws IOException {
        Path file = Files.writeString(dir.resolve("x.ipynb"), "{\"hello\": 1}");
        IOException e = assertThrows(IOException.class, () -> ExecutedNotebook.read(file));
        assertTrue(e.getMessage().contains("x.ipynb"), e.getMessage());
    }
}
