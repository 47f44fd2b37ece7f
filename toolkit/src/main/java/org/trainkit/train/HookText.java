package org.trainkit.train;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.trainkit.checkpoint.NamedTensor;
import org.trainkit.checkpoint.ParameterSet;

/**
 * Stable descriptions of what a run was given, for its {@link RunSettings}: text that is the same
 * in every JVM for the same hook or parameters (never an identity hash or a lambda's class
 * counter).
 */
final class HookText {

    private HookText() {
    }

    /**
     * A hook's description: its {@code toString()} when its class writes one (records print their
     * settings), else its class name; a lambda is {@code lambda in <enclosing class>}, the same for
     * every lambda of that class, so hooks that should tell runs apart need a {@code toString()}.
     */
    static String describe(Object hook) {
        Class<?> type = hook.getClass();
        String className = type.getName();
        int lambda = className.indexOf("$$Lambda");
        if (lambda >= 0) {
            return "lambda in " + className.substring(0, lambda);
        }
        try {
            if (type.getMethod("toString").getDeclaringClass() != Object.class) {
                return hook.toString();
            }
        } catch (NoSuchMethodException e) {
            throw new AssertionError("every object has toString()", e);
        }
        return className;
    }

    /** {@code sha256:<hex>} of the names, shapes and values of {@code parameters}. */
    static String fingerprint(ParameterSet parameters) {
        long bytes = 0;
        for (NamedTensor tensor : parameters) {
            bytes += tensor.name().length() * 4L + 4 + tensor.shape().length * 8L + tensor.size() * 4L;
        }
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(bytes));
        for (NamedTensor tensor : parameters) {
            byte[] name = tensor.name().getBytes(StandardCharsets.UTF_8);
            buffer.putInt(name.length).put(name);
            for (long d : tensor.shape()) {
                buffer.putLong(d);
            }
            for (float v : tensor.data()) {
                buffer.putFloat(v);
            }
        }
        return "sha256:" + RunSettings.sha256(Arrays.copyOf(buffer.array(), buffer.position()));
    }
}
