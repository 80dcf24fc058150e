package org.e2dl4j.onednn;

/**
 * Whether DL4J 1.0.0-M2.1's oneDNN layer helpers can work in this JVM, and if not, why not.
 *
 * @param usable whether {@code BaseMKLDNNHelper.mklDnnEnabled()} holds: the CPU backend, platform helpers allowed
 *               by ND4J's environment, and libnd4j running its ops through oneDNN
 * @param reason one sentence: what was found (for a usable JVM, the backend and its BLAS)
 */
public record OneDnnSupport(boolean usable, String reason) {

    /** Checks that there is a reason. */
    public OneDnnSupport {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("oneDNN support: expected a reason, got " + (reason == null ? "null" : "a blank string"));
        }
    }

    /**
     * This support, when usable.
     *
     * @throws IllegalStateException with the reason, when not
     */
    public OneDnnSupport requireUsable() {
        if (!usable) {
            throw new IllegalStateException("DL4J's oneDNN helpers cannot be used: " + reason);
        }
        return this;
    }
}
