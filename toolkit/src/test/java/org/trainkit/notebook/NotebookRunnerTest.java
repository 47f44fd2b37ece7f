package org.trainkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotebookRunnerTest {

    @Test
    void theTrainkitRunnerGivesTheKernelThirtySecondsToStart() {
        NotebookRunner runner = NotebookRunner.trainkit();
        assertEquals("trainkit", runner.kernel());
        assertEquals(Duration.ofSeconds(30), runner.startupTimeout());
        assertEquals(Duration.ofHours(1), runner.cellTimeout());
    }

    @Test
    void withEnvKeepsTheTimeouts() {
        NotebookRunner runner = NotebookRunner.trainkit().withEnv("A", "b");
        assertEquals(Duration.ofSeconds(30), runner.startupTimeout());
        assertEquals(Map.of("A", "b"), runner.environment());
    }
}
