package org.trainkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspaceTest {

    private static final Path CWD = Path.of("/work/here");

    private static Workspace with(Map<String, String> settings) {
        return Workspace.of(settings::get, CWD);
    }

    @Test
    void withoutSettingsEverythingIsUnderTheWorkingDirectory() {
        Workspace w = with(Map.of());
        assertEquals(CWD, w.home());
        assertEquals(Path.of("/work/here/figures"), w.figures());
        assertEquals(Path.of("/work/here/data"), w.data());
        assertEquals(Path.of("/work/here/data/results"), w.results());
    }

    @Test
    void homeMovesFiguresResultsAndData() {
        Workspace w = with(Map.of(Workspace.HOME, "/repo"));
        assertEquals(Path.of("/repo"), w.home());
        assertEquals(Path.of("/repo/figures"), w.figures());
        assertEquals(Path.of("/repo/data"), w.data());
        assertEquals(Path.of("/repo/data/results"), w.results());
    }

    @Test
    void figuresAndResultsSettingsWinOverHome() {
        Workspace w = with(Map.of(Workspace.HOME, "/repo", Workspace.FIGURES, "/tmp/figs",
                Workspace.RESULTS, "/tmp/res"));
        assertEquals(Path.of("/tmp/figs"), w.figures());
        assertEquals(Path.of("/tmp/res"), w.results());
        assertEquals(Path.of("/repo/data"), w.data());
    }

    @Test
    void relativeSettingsResolveAgainstTheWorkingDirectory() {
        Workspace w = with(Map.of(Workspace.HOME, "..", Workspace.FIGURES, "out/figs"));
        assertEquals(Path.of("/work"), w.home());
        assertEquals(Path.of("/work/here/out/figs"), w.figures());
        assertEquals(Path.of("/work/data/results"), w.results());
    }

    @Test
    void blankSettingsCountAsUnset() {
        Workspace w = with(Map.of(Workspace.HOME, "  ", Workspace.FIGURES, ""));
        assertEquals(CWD, w.home());
        assertEquals(Path.of("/work/here/figures"), w.figures());
    }

    @Test
    void currentReadsSystemPropertiesBeforeEnvironment() {
        String before = System.getProperty(Workspace.FIGURES);
        System.setProperty(Workspace.FIGURES, "/tmp/trainkit-workspace-test");
        try {
            assertEquals(Path.of("/tmp/trainkit-workspace-test"), Workspace.current().figures());
        } finally {
            if (before == null) {
                System.clearProperty(Workspace.FIGURES);
            } else {
                System.setProperty(Workspace.FIGURES, before);
            }
        }
    }
}
