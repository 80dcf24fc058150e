package org.e2dl4j.nn;

import java.util.Collection;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.e2dl4j.nn.structure.IdentityModuleLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The identity map of a field type (e2cnn's {@code IdentityModule}): {@code y = x}, input and output type
 * equal, any spatial size. Useful as a placeholder in a branch; vanishes on {@link Export}.
 */
public class IdentityModule extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected IdentityModule() {
    }

    protected IdentityModule(Builder b) {
        super(b);
        initSizes();
    }

    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
                                                       Collection<TrainingListener> listeners, int layerIndex,
                                                       INDArray layerParamsView, boolean initializeParams,
                                                       DataType networkDataType) {
        return wire(new IdentityModuleLayer(conf, networkDataType), conf, listeners, layerIndex, layerParamsView,
                initializeParams);
    }

    /** Builds an {@link IdentityModule} on the given field type. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public IdentityModule build() {
            return new IdentityModule(this);
        }
    }
}
