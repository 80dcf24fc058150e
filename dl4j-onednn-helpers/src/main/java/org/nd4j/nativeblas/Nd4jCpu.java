package org.nd4j.nativeblas;

import org.e2dl4j.onednn.Libnd4jOneDnn;

/**
 * The name under which DL4J 1.0.0-M2.1 asks libnd4j's CPU environment whether oneDNN is in use.
 *
 * <p>{@code org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper.mklDnnEnabled()} loads
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by name and calls {@code getInstance().isUseMKLDNN()};
 * ND4J 1.0.0-M2.1 binds that environment as {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment}
 * with the method {@code isUseONEDNN()}, so without this class the lookup fails and DL4J never keeps its oneDNN
 * helpers. This class is that name and nothing more: {@link Environment#isUseMKLDNN()} answers with
 * {@link Libnd4jOneDnn#inUse()}.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /**
     * libnd4j's CPU environment as DL4J M2.1's {@code BaseMKLDNNHelper} expects it: a singleton with
     * {@code isUseMKLDNN()}.
     */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        /** The one instance (its state is libnd4j's). */
        public static Environment getInstance() {
            return INSTANCE;
        }

        /**
         * Whether oneDNN runs libnd4j's ops: libnd4j was built with it and has it switched on.
         *
         * @throws IllegalStateException when the ND4J backend is not nd4j-native 1.0.0-M2.1; DL4J then leaves its
         *                               helpers off for the rest of the JVM's life
         */
        public boolean isUseMKLDNN() {
            return Libnd4jOneDnn.inUse();
        }
    }
}
