package org.e2dl4j.nn.nonlinear;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.FieldLayer;
import org.e2dl4j.nn.nonlinear.FourierMatrices.Filter;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Implementation of the Fourier nonlinearities: the map [N, C F, H, W] is viewed as [N C, F, H, W] (one "image" per
 * field), {@code z = A x} and {@code y = A+ s(z)} are 1x1 convolutions over it ({@link FourierMatrices}), and the
 * backward pass is {@code dL/dx = A^T (s'(z) * (A+^T dL/dy))} with z recomputed from the input. Volumes [N, C F, D, H,
 * W] are computed as the maps [N, C F, D H, W] ({@link FieldLayer#foldsVolumes()}).
 */
final class FourierPointwiseLayer extends FieldLayer<AbstractFourierPointwise> {

    private static final long serialVersionUID = 1L;

    private final transient FourierMatrices matrices;
    private final IActivation function;
    private final int fields;

    public FourierPointwiseLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        AbstractFourierPointwise c = (AbstractFourierPointwise) conf.getLayer();
        this.matrices = new FourierMatrices(c.transform());
        this.function = ExactELU.of(c.activation());
        this.fields = c.getInType().fieldCount();
    }

    /** Point by point: a volume is computed as the folded map. */
    @Override
    protected boolean foldsVolumes() {
        return true;
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = samples(input, workspaceMgr, ArrayType.FF_WORKING_MEM);
        INDArray s = function.getActivation(z, training);
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, s.dataType(),
                perField(input, matrices.outSize()), 'c');
        matrices.apply(Filter.PROJECTION, s, y);
        return y.reshape('c', input.size(0), (long) fields * matrices.outSize(), input.size(2), input.size(3));
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = samples(input, workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray ds = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, z.dataType(), z.shape(), 'c');
        matrices.apply(Filter.PROJECTION_TRANSPOSED, split(epsilon, matrices.outSize()), ds);
        INDArray dz = function.backprop(z, ds).getFirst();
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dz.dataType(),
                perField(input, matrices.inSize()), 'c');
        matrices.apply(Filter.SAMPLING_TRANSPOSED, dz, dx);
        return dx.reshape('c', input.shape());
    }

    /** z = A x in the given working memory, [N C, |grid|, H, W]. */
    private INDArray samples(INDArray x, LayerWorkspaceMgr workspaceMgr, ArrayType working) {
        INDArray z = workspaceMgr.createUninitialized(working, x.dataType(), perField(x, matrices.samples()), 'c');
        matrices.apply(Filter.SAMPLING, split(x, matrices.inSize()), z);
        return z;
    }

    /** The map [N, C size, H, W] as [N C, size, H, W] (a view of a c-ordered copy where needed). */
    private INDArray split(INDArray x, int size) {
        INDArray c = Shape.hasDefaultStridesForShape(x) && x.ordering() == 'c' ? x : x.dup('c');
        return c.reshape('c', perField(x, size));
    }

    private long[] perField(INDArray x, int size) {
        return new long[] {x.size(0) * fields, size, x.size(2), x.size(3)};
    }
}
