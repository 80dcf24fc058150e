package org.e2dl4j.onednn;

import org.deeplearning4j.config.DL4JSystemProperties;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Switches on DL4J 1.0.0-M2.1's own oneDNN helpers of the stock {@code ConvolutionLayer},
 * {@code BatchNormalization} and {@code SubsamplingLayer} on the CPU backend.
 *
 * <p>DL4J creates a layer's helper when the layer is instantiated ({@code MultiLayerNetwork.init()},
 * {@code ComputationGraph.init()}, {@code ModelSerializer.restore...}), and only while the system property
 * {@value #DISABLE_PROPERTY} is {@code "false"} (DL4J's default is {@code "true"}). {@link #enable()} sets it, the
 * same as {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false} on the command line; networks instantiated
 * before keep running without helpers. The helpers then pass DL4J's own check only because this module supplies
 * the environment class that the check looks up ({@link org.nd4j.nativeblas.Nd4jCpu.Environment}).
 */
public final class OneDnnHelpers {

    /** DL4J's switch: helpers are created only while it is {@code "false"}. */
    public static final String DISABLE_PROPERTY = DL4JSystemProperties.DISABLE_HELPER_PROPERTY;

    private static final String CPU = "CPU";

    private OneDnnHelpers() {
    }

    /**
     * Whether the helpers can work in this JVM, checked as DL4J checks it: the ND4J backend is the CPU one, ND4J's
     * environment allows platform helpers, and libnd4j runs its ops through oneDNN ({@link Libnd4jOneDnn#inUse()}:
     * nd4j-native with the classifier {@code linux-x86_64-onednn}, or another {@code -onednn} platform).
     */
    public static OneDnnSupport support() {
        String backend = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend");
        if (!CPU.equalsIgnoreCase(backend)) {
            return new OneDnnSupport(false, "the ND4J backend is " + backend + ", expected " + CPU
                    + " (nd4j-native); on CUDA, DL4J's helpers are the cuDNN ones of deeplearning4j-cuda");
        }
        if (!Nd4j.getEnvironment().helpersAllowed()) {
            return new OneDnnSupport(false, "ND4J's environment does not allow platform helpers"
                    + " (Nd4j.getEnvironment().allowHelpers(false) was called)");
        }
        if (!Libnd4jOneDnn.builtWithOneDnn()) {
            return new OneDnnSupport(false, "libnd4j was built without oneDNN (its build information lists no"
                    + " HAVE_ONEDNN): use nd4j-native with the classifier linux-x86_64-onednn");
        }
        try {
            if (!Libnd4jOneDnn.switchedOn()) {
                return new OneDnnSupport(false, "libnd4j has oneDNN switched off (setUseONEDNN(false) on its environment)");
            }
        } catch (IllegalStateException e) {
            return new OneDnnSupport(false, e.getMessage());
        }
        if (!BaseMKLDNNHelper.mklDnnEnabled()) {
            return new OneDnnSupport(false, "DL4J's BaseMKLDNNHelper.mklDnnEnabled() is false although libnd4j uses"
                    + " oneDNN: its environment lookup failed earlier in this JVM, and DL4J remembers the failure");
        }
        return new OneDnnSupport(true, "CPU backend with oneDNN, BLAS "
                + Nd4j.getExecutioner().getEnvironmentInformation().getProperty("blas.vendor"));
    }

    /**
     * Switches the helpers on for the layers instantiated from now on, when {@link #support()} says they can work;
     * otherwise leaves {@value #DISABLE_PROPERTY} as it is (on CUDA, setting it would switch on the cuDNN helpers
     * instead).
     *
     * @return the support found; {@link OneDnnSupport#requireUsable()} turns a refusal into an exception
     */
    public static OneDnnSupport enable() {
        OneDnnSupport support = support();
        if (support.usable()) {
            System.setProperty(DISABLE_PROPERTY, "false");
        }
        return support;
    }

    /** Switches the helpers off again (DL4J's default) for the layers instantiated from now on. */
    public static void disable() {
        System.setProperty(DISABLE_PROPERTY, DL4JSystemProperties.HELPER_DISABLE_DEFAULT_VALUE);
    }

    /** Whether layers instantiated now get their helpers: {@value #DISABLE_PROPERTY} is {@code "false"}. */
    public static boolean isEnabled() {
        return !Boolean.parseBoolean(System.getProperty(DISABLE_PROPERTY, DL4JSystemProperties.HELPER_DISABLE_DEFAULT_VALUE));
    }
}
