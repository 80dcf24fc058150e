package org.e2dl4j.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions that an action is refused, and refused with a message that says why. */
public final class Rejections {

    private Rejections() {
    }

    /**
     * Asserts that {@code action} throws {@code type} (or a subtype) with a message containing every fragment.
     *
     * @param type      the exception type expected
     * @param action    the action that must be refused
     * @param fragments the words the message must contain (for instance the name of the layer and of the setting)
     * @param <T>       the exception type
     * @return the exception thrown, for further checks
     */
    public static <T extends Throwable> T assertRejected(Class<T> type, Executable action, String... fragments) {
        T e = assertThrows(type, action, () -> "expected " + type.getSimpleName() + " with a message containing "
                + String.join(", ", fragments));
        String message = e.getMessage();
        for (String fragment : fragments) {
            assertTrue(message != null && message.contains(fragment),
                    () -> "message should contain '" + fragment + "', got: " + message);
        }
        return e;
    }

    /**
     * Asserts that {@code action} is refused as a bad argument or configuration ({@link IllegalArgumentException})
     * with a message containing every fragment.
     *
     * @return the exception thrown, for further checks
     */
    public static IllegalArgumentException assertRejected(Executable action, String... fragments) {
        return assertRejected(IllegalArgumentException.class, action, fragments);
    }
}
