package org.e2dl4j.nn;

import java.util.Collection;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.nn.nonlinear.NonlinearitySupport;
import org.e2dl4j.nn.nonlinear.PointwiseNonLinearityLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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

    /** The scalar function sigma applied to every channel (a fresh instance of DL4J's activation). */
    public abstract IActivation function();

    /**
     * Finishes construction in subclasses' constructors, after their fields are set: checks that every field
     * supports pointwise nonlinearities and fixes the sizes.
     *
     * @throws IllegalArgumentException naming the first field that does not, and what its representation supports
     */
    protected final void validate() {
        NonlinearitySupport.requireAll(describe(), getInType(), Nonlinearity.POINTWISE);
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
        return wire(new PointwiseNonLinearityLayer(conf, networkDataType), conf, listeners, layerIndex, layerParamsView,
                initializeParams);
    }
}
