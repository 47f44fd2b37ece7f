package org.trainkit.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an executed Jupyter notebook produced, read from its {@code .ipynb} JSON: its error
 * outputs, how many images it shows, and how its check cells (code cells tagged {@code check})
 * ended. {@link #problems()} lists everything that makes the run a failure.
 *
 * @param file the executed notebook
 * @param errors one line per error output ({@code ename: evalue}, with the cell number)
 * @param images the number of {@code image/png} outputs
 * @param checkCells the number of cells tagged {@code check}
 * @param unexecutedCells code cells that were not executed (no execution count)
 */
public record ExecutedNotebook(Path file, List<String> errors, int images, int checkCells,
                               int unexecutedCells) {

    /** The tag that marks a notebook's own check cells. */
    public static final String CHECK_TAG = "check";

    public ExecutedNotebook {
        errors = List.copyOf(errors);
    }

    /** Reads an executed notebook. */
    public static ExecutedNotebook read(Path file) throws IOException {
        JsonNode cells = new ObjectMapper().readTree(file.toFile()).path("cells");
        if (!cells.isArray()) {
            throw new IOException(file + ": not a notebook (no 'cells' array)");
        }
        List<String> errors = new ArrayList<>();
        int images = 0;
        int checks = 0;
        int unexecuted = 0;
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (!"code".equals(cell.path("cell_type").asText())) {
                continue;
            }
            if (isTagged(cell, CHECK_TAG)) {
                checks++;
            }
            if (cell.path("execution_count").isNull() && !cell.path("source").asText("x").isBlank()) {
                unexecuted++;
            }
            for (JsonNode output : cell.path("outputs")) {
                if ("error".equals(output.path("output_type").asText())) {
                    errors.add("cell " + (i + 1) + ": " + output.path("ename").asText() + ": "
                            + output.path("evalue").asText());
                }
                if (output.path("data").has("image/png")) {
                    images++;
                }
            }
        }
        return new ExecutedNotebook(file, errors, images, checks, unexecuted);
    }

    private static boolean isTagged(JsonNode cell, String tag) {
        for (JsonNode t : cell.path("metadata").path("tags")) {
            if (tag.equals(t.asText())) {
                return true;
            }
        }
        return false;
    }

    /** Why this run counts as failed: error outputs, no image, no check cells; empty if it passed. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(errors);
        if (images == 0) {
            problems.add("no image output (every notebook shows at least one figure)");
        }
        if (checkCells == 0) {
            problems.add("no check cells (code cells tagged '" + CHECK_TAG + "')");
        }
        if (unexecutedCells > 0) {
            problems.add(unexecutedCells + " code cells were not executed");
        }
        return List.copyOf(problems);
    }
}
