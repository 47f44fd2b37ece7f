package org.rapaio.jupyter.kernel.channels;

/**
 * The thread behind one channel of the rapaio Java kernel (shell, control, heartbeat): it runs a
 * loop body (poll the channel's socket, handle what arrived), sleeps, and does it again until it is
 * shut down or interrupted.
 *
 * <p>Replaces the class of the same name in rapaio-jupyter-kernel 3.0.1 (same constructor and
 * methods, which the channels call), fixing two ways a loop ended for good and left the kernel
 * deaf while its heartbeat still answered:
 * <ul>
 *   <li><b>Start-up race.</b> The original set its "running" flag only after {@code Thread.start()}
 *       returned; when the new thread ran first it saw the flag still false and exited at once,
 *       silently. Here the loop is running from construction: {@link #start()} only starts the
 *       thread, and only {@link #shutdown()} or an interrupt stops the loop.</li>
 *   <li><b>An exception ended the loop.</b> The body was not guarded, so one exception (for
 *       instance a message arriving before the handlers were in place) killed the thread. Here an
 *       exception or error from the body is printed to stderr and the loop goes on.</li>
 * </ul>
 * Shutting down is cooperative, as in the original: the loop notices at the end of the current
 * iteration. The thread is never interrupted by {@link #shutdown()} (an interrupt closes the NIO
 * channels ZeroMQ polls on).
 */
public final class LoopThread extends Thread {

    /** After this many failures in a row, only every this many-th is printed. */
    private static final int QUIET_AFTER = 100;

    private volatile boolean running = true;
    private final long sleep;
    private final Runnable loopBody;

    /**
     * A loop thread, running from now on: once started it runs {@code loopBody} every
     * {@code sleep} milliseconds until shut down.
     *
     * @param name the thread's name (shown in thread dumps)
     * @param sleep milliseconds to sleep after each run of the body
     * @param loopBody one iteration of the loop
     */
    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    /** Runs the body until {@link #shutdown()} or an interrupt; exceptions from it are printed. */
    @Override
    public void run() {
        int failuresInARow = 0;
        while (running) {
            try {
                loopBody.run();
                failuresInARow = 0;
            } catch (Throwable e) {
                if (!running) {
                    break; // shut down while the body ran (its socket closed under it): expected
                }
                failuresInARow++;
                if (failuresInARow <= QUIET_AFTER || failuresInARow % QUIET_AFTER == 0) {
                    report(e, failuresInARow);
                }
            }
            if (!running) {
                break;
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    private void report(Throwable e, int failuresInARow) {
        synchronized (System.err) {
            System.err.println("[LoopThread " + getName() + "] loop body failed"
                    + (failuresInARow > 1 ? " (" + failuresInARow + " times in a row)" : "")
                    + "; the loop goes on:");
            e.printStackTrace(System.err);
        }
    }

    /**
     * Starts the thread. The loop is already running (it was from construction), so the thread
     * cannot miss it whichever runs first; a loop shut down before it started runs no iteration.
     */
    @Override
    public synchronized void start() {
        super.start();
    }

    /** Asks the loop to stop after its current iteration; {@link #join()} waits for that. */
    public void shutdown() {
        running = false;
    }
}
