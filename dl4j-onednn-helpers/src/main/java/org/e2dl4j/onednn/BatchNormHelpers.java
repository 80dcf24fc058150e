package org.e2dl4j.onednn;

import java.lang.reflect.Field;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.layers.normalization.BatchNormalizationHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gives every stock {@code BatchNormalization} layer of an instantiated network the faster
 * {@link RowBatchNormHelper} in place of the helper DL4J chose (its oneDNN one, or none): the same function, the
 * same running averages, computed as per-row reductions and per-row scalings of the NCHW map instead of reductions
 * along its strided axes and libnd4j's {@code batchnorm_bp}.
 *
 * <p>DL4J 1.0.0-M2.1 picks a layer's helper by a class name fixed in the layer and keeps it in a package-private
 * field, with no setter; this class writes that field by reflection, which works while DL4J sits on the class path
 * (as an unnamed module). DL4J creates the helpers anew whenever it instantiates layers ({@code init()},
 * {@code clone()}, {@code ModelSerializer.restore...}), so call {@link #install} again after each of these. Layers
 * inside wrappers ({@code FrozenLayer}, {@code FrozenLayerWithBackprop}) keep their helper. The helper works on the
 * CPU backend: its per-channel scalars are written through the host buffer.
 */
public final class BatchNormHelpers {

    private static final String CPU = "CPU";

    private BatchNormHelpers() {
    }

    /**
     * Installs the helper in every top-level stock batch-norm layer of {@code network} whose data type is float or
     * double and whose gamma and beta are learned (others keep theirs).
     *
     * @return the number of layers that got it
     * @throws IllegalStateException when the ND4J backend is not the CPU one
     */
    public static int install(MultiLayerNetwork network) {
        return install(network.getLayers());
    }

    /** As {@link #install(MultiLayerNetwork)}, for the layers of a computation graph. */
    public static int install(ComputationGraph graph) {
        return install(graph.getLayers());
    }

    /** Whether {@code layer} computes with this module's batch-norm helper. */
    public static boolean installed(Layer layer) {
        return layer instanceof BatchNormalization && layer.getHelper() instanceof RowBatchNormHelper;
    }

    private static int install(Layer[] layers) {
        String backend = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend");
        if (!CPU.equalsIgnoreCase(backend)) {
            throw new IllegalStateException("batch-norm helpers: expected the " + CPU + " backend (nd4j-native), got "
                    + backend);
        }
        Field field = helperField();
        int count = 0;
        for (Layer layer : layers) {
            if (layer instanceof BatchNormalization bn) {
                RowBatchNormHelper helper = new RowBatchNormHelper(
                        bn.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).dataType());
                org.deeplearning4j.nn.conf.layers.BatchNormalization conf =
                        (org.deeplearning4j.nn.conf.layers.BatchNormalization) bn.conf().getLayer();
                if (helper.checkSupported(conf.getEps(), conf.isLockGammaBeta())) {
                    set(field, bn, helper);
                    count++;
                }
            }
        }
        return count;
    }

    private static void set(Field field, BatchNormalization layer, BatchNormalizationHelper helper) {
        try {
            field.set(layer, helper);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("batch-norm helpers: cannot write " + field, e);
        }
    }

    private static Field helperField() {
        try {
            Field f = BatchNormalization.class.getDeclaredField("helper");
            if (!BatchNormalizationHelper.class.equals(f.getType())) {
                throw new IllegalStateException("batch-norm helpers: " + f + " is not of type "
                        + BatchNormalizationHelper.class.getName() + "; this module needs DL4J 1.0.0-M2.1");
            }
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            throw new IllegalStateException("batch-norm helpers: DL4J's BatchNormalization has no field 'helper' of"
                    + " type BatchNormalizationHelper; this module needs DL4J 1.0.0-M2.1", e);
        }
    }
}
