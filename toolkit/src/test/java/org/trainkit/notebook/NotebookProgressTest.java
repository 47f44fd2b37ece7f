package org.trainkit.notebook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.trainkit.core.ProgressBar;
import org.trainkit.core.ProgressDisplay;

class NotebookProgressTest {

    @Test
    void htmlEscapesTextAndCarriesTheProgressElement() {
        String html = NotebookProgress.html(new ProgressBar.Snapshot("<b>", 3, 4, 1, "a & b"));
        assertTrue(html.contains("&lt;b&gt;"));
        assertTrue(html.contains("a &amp; b"));
        assertTrue(html.contains("<progress") && html.contains("value=\"3\"") && html.contains("max=\"4\""));
        assertFalse(html.contains("<b>"));
    }

    @Test
    void testsDoNotRunInsideTheKernelSoNoDisplayIsActive() {
        assertFalse(Kernel.active());
        assertFalse(new NotebookProgress().available());
        assertTrue(ProgressDisplay.active().isEmpty(), "the notebook display is found but not available outside a kernel");
        assertThrows(IllegalStateException.class, () -> Kernel.display("text/html", "x"));
    }
}
