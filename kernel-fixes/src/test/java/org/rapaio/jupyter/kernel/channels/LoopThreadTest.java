package org.rapaio.jupyter.kernel.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The replacement LoopThread: running before its thread starts, surviving a failing body. */
class LoopThreadTest {

    @Test
    void everyStartedLoopRunsItsBody() throws Exception {
        // The original lost this race now and then (its thread could see "not running" and exit);
        // many short-lived threads started at once, while others spin, give it every chance.
        int n = 300;
        List<LoopThread> loops = new ArrayList<>();
        CountDownLatch ran = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            AtomicInteger count = new AtomicInteger();
            loops.add(new LoopThread("test-loop-" + i, 1, () -> {
                if (count.incrementAndGet() == 3) {
                    ran.countDown();
                }
            }));
        }
        loops.forEach(LoopThread::start);
        try {
            assertTrue(ran.await(30, TimeUnit.SECONDS), ran.getCount() + " of " + n + " loops never ran 3 times");
        } finally {
            loops.forEach(LoopThread::shutdown);
            for (LoopThread loop : loops) {
                loop.join(10_000);
                assertFalse(loop.isAlive(), loop.getName() + " did not stop after shutdown");
            }
        }
    }

    @Test
    void anExceptionIsPrintedAndTheLoopGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch afterFailures = new CountDownLatch(1);
        LoopThread loop = new LoopThread("failing-loop", 1, () -> {
            int call = calls.incrementAndGet();
            if (call <= 3) {
                throw new IllegalStateException("body failure " + call);
            }
            if (call == 5) {
                afterFailures.countDown();
            }
        });
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            loop.start();
            assertTrue(afterFailures.await(10, TimeUnit.SECONDS), "the loop stopped after its body threw");
        } finally {
            loop.shutdown();
            loop.join(10_000);
            System.setErr(stderr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("[LoopThread failing-loop] loop body failed"), log);
        assertTrue(log.contains("IllegalStateException: body failure 1"), log);
        assertTrue(log.contains("IllegalStateException: body failure 3"), log);
        assertTrue(log.contains("3 times in a row"), log);
    }

    @Test
    void anErrorDoesNotEndTheLoopEither() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch recovered = new CountDownLatch(1);
        LoopThread loop = new LoopThread("erroring-loop", 1, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new AssertionError("first call");
            }
            recovered.countDown();
        });
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            loop.start();
            assertTrue(recovered.await(10, TimeUnit.SECONDS));
        } finally {
            loop.shutdown();
            loop.join(10_000);
            System.setErr(stderr);
        }
    }

    @Test
    void shutdownStopsTheLoopAndJoinReturns() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LoopThread loop = new LoopThread("stopping-loop", 5, calls::incrementAndGet);
        loop.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (calls.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(calls.get() >= 2);
        loop.shutdown();
        loop.join(10_000);
        assertFalse(loop.isAlive());
        int after = calls.get();
        Thread.sleep(50);
        assertEquals(after, calls.get());
    }

    @Test
    void aLoopShutDownBeforeItStartsRunsNoIteration() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LoopThread loop = new LoopThread("never-loop", 1, calls::incrementAndGet);
        loop.shutdown();
        loop.start();
        loop.join(10_000);
        assertFalse(loop.isAlive());
        assertEquals(0, calls.get());
    }

    @Test
    void anInterruptEndsTheLoop() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        LoopThread loop = new LoopThread("interrupted-loop", 20, running::countDown);
        loop.start();
        assertTrue(running.await(10, TimeUnit.SECONDS));
        loop.interrupt();
        loop.join(10_000);
        assertFalse(loop.isAlive());
    }
}
