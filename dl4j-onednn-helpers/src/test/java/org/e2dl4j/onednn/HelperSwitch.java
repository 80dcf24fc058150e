package org.e2dl4j.onednn;

import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;

/**
 * Builds networks with DL4J's helpers switched on or off and puts {@value OneDnnHelpers#DISABLE_PROPERTY} back
 * exactly as it was (unset included), so that no test leaks the enabled state into another.
 */
final class HelperSwitch {

    private HelperSwitch() {
    }

    /** Skips the calling test, with the reason, unless the oneDNN helpers can work in this JVM. */
    static void assumeOneDnn() {
        OneDnnSupport support = OneDnnHelpers.support();
        Assumptions.assumeTrue(support.usable(), () -> "DL4J's oneDNN helpers cannot work here: " + support.reason());
    }

    /** What {@code build} returns when run with the helpers on (after {@link OneDnnHelpers#enable()}) or off. */
    static <T> T with(boolean helpers, Supplier<T> build) {
        String previous = System.getProperty(OneDnnHelpers.DISABLE_PROPERTY);
        try {
            if (helpers) {
                OneDnnHelpers.enable().requireUsable();
            } else {
                OneDnnHelpers.disable();
            }
            return build.get();
        } finally {
            restore(previous);
        }
    }

    /** Sets the property back to {@code previous}, or clears it when {@code previous} is null. */
    static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(OneDnnHelpers.DISABLE_PROPERTY);
        } else {
            System.setProperty(OneDnnHelpers.DISABLE_PROPERTY, previous);
        }
    }
}
