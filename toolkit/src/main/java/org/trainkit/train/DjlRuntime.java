package org.trainkit.train;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.nio.file.Path;

/**
 * Prepares DJL before its engine loads: offline mode (the PyTorch native library comes from the
 * {@code pytorch-native-cpu} jar on the class path, never from the network) and a cache directory
 * under the user's cache ({@code $XDG_CACHE_HOME/djl}, else {@code ~/.cache/djl}), never inside
 * the repository; and one PyTorch thread for intra-op and inter-op work. One thread is as fast as
 * two for trainkit's small models on a 2-core machine (measured with {@code TrainerBenchmark}: MLP
 * 784-256-10 at batch 128 about 250 vs 230 steps/s, the small CNN about 32 steps/s either way) and,
 * unlike two spinning OpenMP threads, does not collapse when another process competes for the
 * cores (two threads fell to 16-80 steps/s under load). Settings already given as environment
 * variables or system properties win.
 */
public final class DjlRuntime {

    /** The engine trainkit trains with. */
    public static final String ENGINE = "PyTorch";

    private static final String THREADS = "ai.djl.pytorch.num_threads";
    private static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    private DjlRuntime() {
    }

    /** The PyTorch engine, after the settings above are in place. */
    public static synchronized Engine pytorch() {
        if (absent("DJL_CACHE_DIR")) {
            System.setProperty("DJL_CACHE_DIR", userCache().resolve("djl").toString());
        }
        if (absent("DJL_OFFLINE") && System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, "1");
        }
        if (System.getProperty(INTEROP_THREADS) == null) {
            System.setProperty(INTEROP_THREADS, "1");
        }
        return Engine.getEngine(ENGINE);
    }

    /** One line saying which DJL and PyTorch run, on how many threads, with which cache. */
    public static String describe() {
        Engine engine = pytorch();
        return "DJL " + Engine.getDjlVersion() + ", " + engine.getEngineName() + " " + engine.getVersion() + " on "
                + engine.defaultDevice() + ", " + System.getProperty(THREADS) + " intra-op thread(s), cache "
                + Utils.getCacheDir() + (Utils.isOfflineMode() ? ", offline" : ", online");
    }

    private static boolean absent(String name) {
        return System.getenv(name) == null && System.getProperty(name) == null;
    }

    private static Path userCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg);
        }
        return Path.of(System.getProperty("user.home"), ".cache");
    }
}
