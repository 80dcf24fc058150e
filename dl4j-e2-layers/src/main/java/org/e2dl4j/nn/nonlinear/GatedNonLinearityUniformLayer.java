package org.e2dl4j.nn.nonlinear;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Implementation of {@link GatedNonLinearityUniform}. The input is viewed as {@code [N, F, S, HW]} (S the field
 * size, k gates first); for each gate i (one loop step per gated irrep, whole tensors inside), with
 * {@code s_i = sigmoid(x[:, :, i] - b[:, i])} and {@code psi_i}'s channels {@code c_i}:
 * <ul>
 *   <li>forward: {@code y[:, :, c_i] = s_i x[:, :, k + c_i]};</li>
 *   <li>backward: {@code dL/dx[:, :, k + c_i] = s_i dL/dy[:, :, c_i]},
 *       {@code dL/dx[:, :, i] = s_i (1 - s_i) <dL/dy[:, :, c_i], x[:, :, k + c_i]>},
 *       {@code dL/db[:, i] = -sum dL/dx[:, :, i]} over samples and pixels.</li>
 * </ul>
 */
final class GatedNonLinearityUniformLayer extends BiasedFieldLayer<GatedNonLinearityUniform> {

    private static final long serialVersionUID = 1L;

    private final int fields;
    private final int gates;
    private final int fieldSize;
    /** Start and end (exclusive) of each gated irrep's channels within an output field. */
    private final int[] starts;
    private final int[] ends;

    GatedNonLinearityUniformLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        GatedNonLinearityUniform c = (GatedNonLinearityUniform) conf.getLayer();
        this.fields = c.getInType().fieldCount();
        this.gates = c.gatesPerField();
        this.fieldSize = c.getInType().representations().get(0).size();
        this.starts = new int[gates];
        this.ends = new int[gates];
        int p = 0;
        for (int i = 0; i < gates; i++) {
            IrreducibleRepresentation psi = c.gatedIrreps().get(i);
            starts[i] = p;
            p += psi.size();
            ends[i] = p;
        }
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = fieldsView(input, fieldSize);
        INDArray[] s = sigmoids(x, training, workspaceMgr);
        long[] shape = {input.size(0), (long) fields * (fieldSize - gates), input.size(2), input.size(3)};
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, shape, 'c');
        INDArray yFields = fieldsView(y, fieldSize - gates);
        for (int i = 0; i < gates; i++) {
            INDArray out = yFields.get(channels(starts[i], ends[i]));
            Nd4j.getExecutioner().exec(new BroadcastMulOp(x.get(channels(gates + starts[i], gates + ends[i])), s[i],
                    out, 0, 1, 3));
        }
        return y;
    }

    @Override
    protected INDArray backward(INDArray epsilon, Gradient gradient, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = fieldsView(input, fieldSize);
        INDArray g = fieldsView(epsilon.dup('c'), fieldSize - gates);
        INDArray[] s = sigmoids(x, true, workspaceMgr);
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        INDArray dxFields = fieldsView(dx, fieldSize);
        INDArray db = Nd4j.create(dataType, fields, gates);
        for (int i = 0; i < gates; i++) {
            INDArray gi = g.get(channels(starts[i], ends[i]));
            INDArray xi = x.get(channels(gates + starts[i], gates + ends[i]));
            Nd4j.getExecutioner().exec(new BroadcastMulOp(gi, s[i], dxFields.get(channels(gates + starts[i],
                    gates + ends[i])), 0, 1, 3));
            INDArray dGate = gi.mul(xi).sum(2).muli(s[i]).muli(s[i].rsub(1.0));
            dxFields.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.all()).assign(dGate);
            db.getColumn(i).assign(dGate.sum(0, 2).negi());
        }
        INDArray view = gradientViews.get(GateParamInitializer.BIAS_KEY);
        view.assign(db.reshape(view.shape()));
        gradient.setGradientFor(GateParamInitializer.BIAS_KEY, view);
        return dx;
    }

    /** The sigmoid of each gate channel minus its bias, [N, F, HW] per gate. */
    private INDArray[] sigmoids(INDArray x, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray b = getParamWithNoise(GateParamInitializer.BIAS_KEY, training, workspaceMgr).reshape('c', fields, gates);
        INDArray[] s = new INDArray[gates];
        for (int i = 0; i < gates; i++) {
            INDArray gate = x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.all());
            INDArray shifted = Nd4j.create(dataType, gate.shape());
            Nd4j.getExecutioner().exec(new BroadcastSubOp(gate, b.getColumn(i).dup(), shifted, 1));
            s[i] = Transforms.sigmoid(shifted, false);
        }
        return s;
    }

    /** Channels [from, to) of every field of a [N, F, S, HW] view. */
    private static INDArrayIndex[] channels(int from, int to) {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(from, to),
                NDArrayIndex.all()};
    }

    /** [N, F * size, H, W] as [N, F, size, HW] (a view of a c-ordered array). */
    private INDArray fieldsView(INDArray a, int size) {
        return a.reshape('c', a.size(0), fields, size, a.size(2) * a.size(3));
    }
}
