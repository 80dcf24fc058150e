package org.e2dl4j.nn.invariant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.NonlinearitySupport;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Group pooling (e2cnn's {@code GroupPooling}): each field of a permutation representation (regular, quotient,
 * trivial) becomes one scalar, the maximum of its channels, {@code y_f(p) = max over c in field f of x_c(p)}.
 * Since rho(g) only permutes a field's channels, the output is invariant in the fiber and transforms as
 * trivial fields: the output type is one trivial field per input field, [N, fields, H, W]. Every field must
 * support pointwise nonlinearities (e2cnn's requirement).
 *
 * <pre>
 *   new GroupPooling.Builder(FieldType.regular(gspace, 48)).build()
 * </pre>
 * Runs as one libnd4j max pooling per distinct field size. Unlike e2cnn's, its export needs no custom
 * class: a short chain of stock 1x1 {@code ConvolutionLayer}s with ReLU computes the same maxima
 * ({@code max(a, b) = relu(a - b) + relu(b) - relu(-b)}, fields of any sizes).
 */
public class GroupPooling extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected GroupPooling() {
    }

    protected GroupPooling(Builder b) {
        super(b);
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** Every field supports pointwise nonlinearities (a permutation representation). */
    @Override
    protected void validate() {
        super.validate();
        NonlinearitySupport.requireAll(who(), getInType(), Nonlinearity.POINTWISE);
    }

    /** One trivial field per input field. */
    @Override
    public FieldType outType() {
        return FieldType.trivial(getInType().gspace(), getInType().fieldCount());
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new GroupPoolingLayer(conf, networkDataType);
    }

    /**
     * Exports a {@link GroupPooling} to stock layers only: the {@link MaxTree} of its fields as 1x1
     * {@code ConvolutionLayer}s without bias (ReLU after every level but the last, NoOp updaters so that the fixed
     * weights stay fixed when the exported network is trained). A type of trivial fields only is the identity and
     * vanishes.
     */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        MaxTree tree = new MaxTree(GroupPoolingLayer.fieldSizes(getInType()));
        if (tree.reluLevels().isEmpty()) {
            return List.of();
        }
        List<ExportedLayer> parts = new ArrayList<>();
        String name = getLayerName();
        boolean volumes = getInType().gspace().dimensionality() == 3;
        for (int i = 0; i < tree.reluLevels().size(); i++) {
            parts.add(conv1x1(name == null ? null : name + "_level" + i, tree.reluLevels().get(i), Activation.RELU,
                    volumes));
        }
        parts.add(conv1x1(name, tree.readout(), Activation.IDENTITY, volumes));
        return parts;
    }

    /** A frozen bias-free 1 x 1 convolution (1 x 1 x 1 on NCDHW volumes) applying {@code matrix} at every point. */
    private static ExportedLayer conv1x1(String name, double[][] matrix, Activation activation, boolean volumes) {
        if (volumes) {
            Convolution3D conv = new Convolution3D.Builder(1, 1, 1).nIn(matrix[0].length).nOut(matrix.length)
                    .stride(1, 1, 1).padding(0, 0, 0).convolutionMode(ConvolutionMode.Truncate)
                    .dataFormat(Convolution3D.DataFormat.NCDHW).hasBias(false).activation(activation)
                    .weightInit(WeightInit.ZERO).updater(new NoOp()).biasUpdater(new NoOp()).name(name).build();
            return ExportedLayer.fixed(conv, Map.of("W", Nd4j.createFromArray(matrix).reshape(matrix.length,
                    matrix[0].length, 1, 1, 1)));
        }
        ConvolutionLayer conv = new ConvolutionLayer.Builder(1, 1).nIn(matrix[0].length).nOut(matrix.length)
                .stride(1, 1).padding(0, 0).convolutionMode(ConvolutionMode.Truncate).dataFormat(CNN2DFormat.NCHW)
                .hasBias(false).activation(activation).weightInit(WeightInit.ZERO).updater(new NoOp())
                .biasUpdater(new NoOp()).name(name).build();
        return ExportedLayer.fixed(conv, Map.of("W", Nd4j.createFromArray(matrix).reshape(matrix.length,
                matrix[0].length, 1, 1)));
    }

    /** Builds a {@link GroupPooling} on the given field type. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public GroupPooling build() {
            return checked(new GroupPooling(this));
        }
    }
}
