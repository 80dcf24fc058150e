package org.e2dl4j.nn.nonlinear;

import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.NonlinearitySupport;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The configuration shared by the pointwise nonlinearities ({@link ReLU}, {@link ELU}, {@link LeakyReLU},
 * {@link PointwiseNonLinearity}): one scalar function sigma applied to every channel, {@code y_c = sigma(x_c)}.
 * This commutes with rho(g) exactly when every rho(g) is a permutation matrix, so every field's
 * representation must support e2cnn's 'pointwise' nonlinearities (trivial, regular, quotient fields); the
 * output type is the input type and the spatial size is kept. Exports to a stock {@code ActivationLayer}.
 */
public abstract class AbstractPointwiseNonLinearity extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    /** For Jackson. */
    protected AbstractPointwiseNonLinearity() {
    }

    protected AbstractPointwiseNonLinearity(Builder<?> b) {
        super(b);
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** Every field supports pointwise nonlinearities (trivial, regular, quotient). */
    @Override
    protected void validate() {
        super.validate();
        NonlinearitySupport.requireAll(who(), getInType(), Nonlinearity.POINTWISE);
    }

    /** The scalar function sigma applied to every channel (a fresh instance of DL4J's activation). */
    public abstract IActivation function();

    @Override
    public FieldType outType() {
        return getInType();
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new PointwiseNonLinearityLayer(conf, networkDataType);
    }

    /** A stock {@code ActivationLayer} with the same activation (as e2cnn's export gives {@code torch.nn.ReLU}). */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer trained) {
        return StockExport.replacedBy(new ExportedLayer(new ActivationLayer.Builder().activation(function())
                .name(getLayerName()).build(), Map.of()));
    }
}
