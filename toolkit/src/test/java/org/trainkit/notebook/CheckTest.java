package org.trainkit.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void aHoldingCheckPrintsPass() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Check.that(true, "accuracy %.3f is above %.1f", new Object[] {0.85432, 0.8},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals("PASS: accuracy 0.854 is above 0.8" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailingCheckThrowsWithTheClaim() {
        AssertionError error = assertThrows(AssertionError.class, () -> Check.that(false, "loss decreased"));
        assertEquals("FAIL: loss decreased", error.getMessage());
    }

    @Test
    void aMessageWithoutArgumentsIsNotFormatted() {
        AssertionError error = assertThrows(AssertionError.class, () -> Check.that(false, "100% done"));
        assertEquals("FAIL: 100% done", error.getMessage());
    }
}
