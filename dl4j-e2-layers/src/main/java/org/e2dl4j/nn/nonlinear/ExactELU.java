package org.e2dl4j.nn.nonlinear;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.EluBp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's ELU with a backward pass that honours alpha: in 1.0.0-M2.1 {@code ActivationELU.backprop} runs
 * libnd4j's {@code elu_bp} without alpha, i.e. as if alpha were 1. Forward values are DL4J's. Used inside this
 * library's layers only; exported layers carry the stock {@code ActivationELU}.
 */
final class ExactELU extends ActivationELU {

    private static final long serialVersionUID = 1L;

    ExactELU(double alpha) {
        super(alpha);
    }

    /** {@code f} itself, or an {@link ExactELU} of the same alpha if f is DL4J's ELU. */
    static IActivation of(IActivation f) {
        return f instanceof ActivationELU elu && !(f instanceof ExactELU) ? new ExactELU(elu.getAlpha()) : f;
    }

    /** dL/dz = dL/dy for z > 0, else alpha exp(z) dL/dy; written into {@code in}. */
    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        backpropInto(in, epsilon, in);
        return new Pair<>(in, null);
    }

    /** dL/dz as {@link #backprop}, written into {@code out} (which may be {@code in}); one pass. */
    void backpropInto(INDArray in, INDArray epsilon, INDArray out) {
        Nd4j.getExecutioner().execAndReturn(new EluBp(in, epsilon, out, getAlpha()));
    }
}
