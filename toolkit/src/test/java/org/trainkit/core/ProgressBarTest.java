package org.trainkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    /** A sink that records what it was asked to draw. */
    private static final class Recorder implements ProgressBar.Sink {
        final List<ProgressBar.Snapshot> shown = new ArrayList<>();
        int finished;

        @Override
        public void show(ProgressBar.Snapshot snapshot) {
            shown.add(snapshot);
        }

        @Override
        public void finish() {
            finished++;
        }
    }

    private long now;

    @Test
    void redrawsAreThrottledButTheFinalStateIsAlwaysShown() {
        Recorder sink = new Recorder();
        ProgressBar bar = new ProgressBar("work", 1000, sink, () -> now);
        for (int i = 0; i < 1000; i++) {
            now += 100_000; // 0.1 ms per unit: 100 ms in total, less than one redraw interval
            bar.advance("unit " + i);
        }
        bar.close();
        assertEquals(2, sink.shown.size(), "first advance and close");
        ProgressBar.Snapshot last = sink.shown.get(1);
        assertEquals(1000, last.done());
        assertEquals("unit 999", last.status());
        assertEquals(1, sink.finished);
    }

    @Test
    void redrawsAtMostOncePerInterval() {
        Recorder sink = new Recorder();
        ProgressBar bar = new ProgressBar("work", 100, sink, () -> now);
        for (int i = 0; i < 100; i++) {
            now += 50_000_000L; // 50 ms per unit: 5 s in total
            bar.advance("");
        }
        int drawnWhileRunning = sink.shown.size();
        assertTrue(drawnWhileRunning >= 24 && drawnWhileRunning <= 26,
                "5 s at one redraw per 200 ms, got " + drawnWhileRunning);
        bar.close();
        bar.close();
        assertEquals(drawnWhileRunning + 1, sink.shown.size());
        assertEquals(1, sink.finished, "closing twice finishes once");
    }

    @Test
    void setClampsToTheRange() {
        Recorder sink = new Recorder();
        ProgressBar bar = new ProgressBar("work", 10, sink, () -> now);
        bar.set(25, null);
        assertEquals(10, bar.done());
        bar.set(-3, "back");
        assertEquals(0, bar.done());
        assertThrows(IllegalArgumentException.class, () -> new ProgressBar("bad", -1, sink, () -> 0L));
    }

    @Test
    void terminalLineShowsBarPercentCountsTimesAndStatus() {
        ProgressBar.Snapshot half = new ProgressBar.Snapshot("training", 50, 100, 12.0, "loss 0.5");
        assertEquals("training [###############---------------]  50%  50/100  0:12 elapsed, 0:12 left  loss 0.5",
                half.text());
        ProgressBar.Snapshot done = new ProgressBar.Snapshot("training", 100, 100, 75.0, "");
        assertEquals("training [##############################] 100%  100/100  1:15 elapsed", done.text());
    }

    @Test
    void terminalSinkRewritesOneLineAndEndsIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar.TerminalSink sink = new ProgressBar.TerminalSink(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        sink.show(new ProgressBar.Snapshot("a", 1, 2, 0, "long status text"));
        sink.show(new ProgressBar.Snapshot("a", 2, 2, 0, ""));
        sink.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        String[] lines = out.split("\r");
        assertEquals(3, lines.length, "two carriage-return redraws: " + out);
        assertTrue(lines[1].endsWith("long status text"));
        assertTrue(lines[2].endsWith(System.lineSeparator()), "finish ends the line");
        String second = lines[2].substring(0, lines[2].length() - System.lineSeparator().length());
        assertEquals(lines[1].length(), second.length(), "the shorter line is padded over the longer one");
        assertTrue(second.startsWith("a [##############################] 100%"));
    }
}
