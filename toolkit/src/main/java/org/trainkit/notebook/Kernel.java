package org.trainkit.notebook;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * A guarded bridge to the rapaio Java kernel's display calls ({@code Global.display} and
 * {@code Global.updateDisplay}). The toolkit also runs from the command line and in tests, where
 * the kernel is absent or (with the kernel jar on the class path) present but not serving a
 * notebook, so every call goes through reflection and only when this JVM was started as the kernel.
 */
final class Kernel {

    private static final String KERNEL_MAIN = "org.rapaio.jupyter.kernel.MainApp";
    private static final String GLOBAL = "org.rapaio.jupyter.kernel.global.Global";

    private static final Method DISPLAY;
    private static final Method UPDATE_DISPLAY;

    static {
        Method display = null;
        Method update = null;
        if (startedAsKernel()) {
            try {
                Class<?> global = Class.forName(GLOBAL);
                display = global.getMethod("display", String.class, Object.class);
                update = global.getMethod("updateDisplay", String.class, String.class, Object.class);
            } catch (ReflectiveOperationException | LinkageError e) {
                display = null;
                update = null;
            }
        }
        DISPLAY = display;
        UPDATE_DISPLAY = update;
    }

    private Kernel() {
    }

    /**
     * Whether this JVM is the rapaio kernel serving a notebook. Decided from the JVM's main class
     * (the {@code sun.java.command} property), not from the class path, so that loading the kernel's
     * classes never starts a kernel by accident.
     */
    private static boolean startedAsKernel() {
        String command = System.getProperty("sun.java.command", "");
        return command.startsWith(KERNEL_MAIN) || command.contains("rapaio-jupyter-kernel");
    }

    /** Whether display calls reach a notebook. */
    static boolean active() {
        return DISPLAY != null;
    }

    /** Shows {@code value} as {@code mime} in the current cell; returns the display id. */
    static String display(String mime, Object value) {
        return (String) invoke(DISPLAY, mime, value);
    }

    /** Replaces the output shown under {@code displayId} with {@code value} as {@code mime}. */
    static void updateDisplay(String displayId, String mime, Object value) {
        invoke(UPDATE_DISPLAY, displayId, mime, value);
    }

    private static Object invoke(Method method, Object... args) {
        if (method == null) {
            throw new IllegalStateException("not running inside the rapaio Java kernel");
        }
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("kernel display call failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("kernel display call not accessible", e);
        }
    }
}
