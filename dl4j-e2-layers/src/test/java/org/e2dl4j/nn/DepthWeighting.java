package org.e2dl4j.nn;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A test layer on volumes: multiplies slice d of every channel by d + 1. It commutes with the rotations about the
 * depth (z) axis and with nothing that turns z over, which makes it a probe of the voxel convention and of the
 * equivariance check on volumes. Exports to nothing.
 */
public class DepthWeighting extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected DepthWeighting() {
    }

    private DepthWeighting(Builder b) {
        super(b);
    }

    /** The layer on volumes of the given type. */
    static DepthWeighting of(FieldType inType) {
        return new Builder(inType).build();
    }

    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    protected int baseSpaceDimensionality() {
        return 3;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new Impl(conf, networkDataType);
    }

    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.refused("a test layer");
    }

    static INDArray weights(long depth, DataType type) {
        return Nd4j.arange(1, depth + 1).castTo(type).reshape(1, 1, depth, 1, 1);
    }

    private static final class Builder extends EquivariantLayer.Builder<Builder> {
        Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public DepthWeighting build() {
            return checked(new DepthWeighting(this));
        }
    }

    private static final class Impl extends FieldLayer<DepthWeighting> {
        private static final long serialVersionUID = 1L;

        Impl(NeuralNetConfiguration conf, DataType dataType) {
            super(conf, dataType);
        }

        @Override
        protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
            INDArray out = workspaceMgr.dup(ArrayType.ACTIVATIONS, input);
            return out.muli(weights(input.size(2), input.dataType()));
        }

        @Override
        protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
            INDArray out = workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsilon);
            return out.muli(weights(epsilon.size(2), epsilon.dataType()));
        }
    }
}
