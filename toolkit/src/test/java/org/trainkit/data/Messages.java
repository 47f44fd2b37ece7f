package org.trainkit.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Asserts that bad arguments fail with a message naming the argument and what was expected. */
final class Messages {

    private Messages() {
    }

    /** Asserts an {@link IllegalArgumentException} whose message contains every one of {@code parts}. */
    static void rejects(Executable call, String... parts) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "message \"" + message + "\" lacks \"" + part + "\"");
        }
    }
}
