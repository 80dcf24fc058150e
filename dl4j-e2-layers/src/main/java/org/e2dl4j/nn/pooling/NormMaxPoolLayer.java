package org.e2dl4j.nn.pooling;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.FieldLayer;
import org.e2dl4j.nn.FieldNorms;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.NaNPropagation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.indexaccum.custom.ArgMax;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.shape.OneHot;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Implementation of {@link NormMaxPool}, on whole tensors: the {@link FieldNorms} [N, F, H, W]; the windows of
 * norms and of the input as columns (libnd4j's {@code im2col}, [.., K = kH kW, O = oH oW], after explicit padding
 * with -1 for the norms, so padding never wins, and 0 for the input); the first position of the largest norm
 * per field and window ({@code argmax} over K) as a one-hot mask, spread from fields to their channels by a
 * {@code gather}; the output is the sum over K of mask times columns. A field whose window holds a NaN norm (a
 * NaN in any of its channels) is NaN in that window, as e2cnn's pooling of the norms with PyTorch's
 * {@code max_pool2d} makes it (libnd4j's arg max skips NaN; see {@link NaNPropagation}). The backward pass puts
 * dL/dy through the same mask and back onto the image ({@code im2col_bp}).
 */
final class NormMaxPoolLayer extends FieldLayer<NormMaxPool> {

    private static final long serialVersionUID = 1L;

    private final transient PoolingGeometry geometry;
    private final transient FieldNorms norms;
    /** The field of every channel. */
    private final transient INDArray fieldOfChannel;

    public NormMaxPoolLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        NormMaxPool c = (NormMaxPool) conf.getLayer();
        FieldType type = c.getInType();
        this.geometry = c.geometry();
        int[] sizes = type.representations().stream().mapToInt(r -> r.size()).toArray();
        this.norms = new FieldNorms(sizes);
        int[] field = new int[type.size()];
        for (int f = 0; f < sizes.length; f++) {
            for (int ch = type.fieldStart(f); ch < type.fieldEnd(f); ch++) {
                field[ch] = f;
            }
        }
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            this.fieldOfChannel = Nd4j.createFromArray(field);
        }
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        ArrayType working = ArrayType.FF_WORKING_MEM;
        long[] shape = outputShape(input);
        INDArray normColumns = normColumns(input, workspaceMgr, working);
        INDArray mask = channelMask(normColumns, input, workspaceMgr, working);
        INDArray columns = columns(padded(input, 0.0, workspaceMgr, working), workspaceMgr, working);
        Nd4j.exec(new MulOp(columns, mask, columns));
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), shape, 'c');
        INDArray yColumns = y.reshape('c', y.size(0), y.size(1), y.size(2) * y.size(3));
        Nd4j.getExecutioner().exec(new Sum(columns, yColumns, 2));
        if (NaNPropagation.containsNaN(normColumns)) {
            markNaNWindows(normColumns, yColumns, workspaceMgr, working);
        }
        return y;
    }

    /** Sets the output [N, C, O] of every field to NaN in the windows where its norm is NaN somewhere. */
    private void markNaNWindows(INDArray normColumns, INDArray yColumns, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray fieldWindows = ws.createUninitialized(working, normColumns.dataType(),
                new long[] {normColumns.size(0), normColumns.size(1), normColumns.size(3)}, 'c');
        Nd4j.getExecutioner().exec(new Max(NaNPropagation.indicator(normColumns, ws, working), fieldWindows, 2));
        INDArray channelWindows = ws.createUninitialized(working, yColumns.dataType(), yColumns.shape(), 'c');
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(fieldWindows, fieldOfChannel).addOutputs(channelWindows)
                .addIntegerArguments(1).build());
        NaNPropagation.mark(yColumns, channelWindows);
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        ArrayType working = ArrayType.BP_WORKING_MEM;
        INDArray mask = channelMask(normColumns(input, workspaceMgr, working), input, workspaceMgr, working);
        INDArray dy = epsilon.reshape('c', epsilon.size(0), epsilon.size(1), epsilon.size(2) * epsilon.size(3));
        Nd4j.getExecutioner().exec(new BroadcastMulOp(mask, dy, mask, 0, 1, 3));
        INDArray xp = padded(input, 0.0, workspaceMgr, working);
        INDArray dxp = workspaceMgr.createUninitialized(working, input.dataType(), xp.shape(), 'c');
        Nd4j.exec(DynamicCustomOp.builder("im2col_bp").addInputs(xp, mask.reshape('c', columnShape(xp)))
                .addOutputs(dxp).addIntegerArguments(im2colArguments()).build());
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(), input.shape(), 'c');
        int[] p = geometry.padding();
        return dx.assign(dxp.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(p[0], p[0] + input.size(2)), NDArrayIndex.interval(p[1], p[1] + input.size(3))));
    }

    /** The windows of the field norms of x (padding -1, so it never wins) as columns [N, F, K, O]. */
    private INDArray normColumns(INDArray x, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray n = ws.createUninitialized(working, x.dataType(),
                new long[] {x.size(0), norms.groups(), x.size(2), x.size(3)}, 'c');
        norms.forward(x, n, ws, working);
        return columns(padded(n, -1.0, ws, working), ws, working);
    }

    /** One-hot over the window positions of each field's largest norm, per channel: [N, C, K, O]. */
    private INDArray channelMask(INDArray normColumns, INDArray x, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray first = ws.createUninitialized(working, DataType.LONG,
                new long[] {normColumns.size(0), normColumns.size(1), normColumns.size(3)}, 'c');
        Nd4j.exec(new ArgMax(new INDArray[] {normColumns}, new INDArray[] {first}, false, 2));
        INDArray fieldMask = ws.createUninitialized(working, x.dataType(), normColumns.shape(), 'c');
        Nd4j.exec(new OneHot(first, fieldMask, (int) normColumns.size(2), 2, 1.0, 0.0));
        INDArray mask = ws.createUninitialized(working, x.dataType(),
                new long[] {x.size(0), x.size(1), normColumns.size(2), normColumns.size(3)}, 'c');
        Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(fieldMask, fieldOfChannel).addOutputs(mask)
                .addIntegerArguments(1).build());
        return mask;
    }

    /** The windows of a padded map as columns [N, C, K, O]. */
    private INDArray columns(INDArray padded, LayerWorkspaceMgr ws, ArrayType working) {
        INDArray cols = ws.createUninitialized(working, padded.dataType(), columnShape(padded), 'c');
        Nd4j.exec(DynamicCustomOp.builder("im2col").addInputs(padded).addOutputs(cols)
                .addIntegerArguments(im2colArguments()).build());
        return cols.reshape('c', cols.size(0), cols.size(1), cols.size(2) * cols.size(3), cols.size(4) * cols.size(5));
    }

    /** The map padded by p on the top and left and p plus the ceil-mode overhang on the bottom and right. */
    private INDArray padded(INDArray a, double value, LayerWorkspaceMgr ws, ArrayType working) {
        int[] p = geometry.padding();
        long eh = geometry.overhang(0, input.size(2));
        long ew = geometry.overhang(1, input.size(3));
        INDArray out = ws.createUninitialized(working, a.dataType(),
                new long[] {a.size(0), a.size(1), a.size(2) + 2L * p[0] + eh, a.size(3) + 2L * p[1] + ew}, 'c');
        INDArray paddings = Nd4j.createFromArray(new long[][] {{0, 0}, {0, 0}, {p[0], p[0] + eh}, {p[1], p[1] + ew}});
        Nd4j.exec(DynamicCustomOp.builder("pad").addInputs(a, paddings).addOutputs(out).addIntegerArguments(0)
                .addFloatingPointArguments(value).build());
        return out;
    }

    private long[] columnShape(INDArray padded) {
        int[] k = geometry.kernel();
        return new long[] {padded.size(0), padded.size(1), k[0], k[1], geometry.outputSize(0, input.size(2)),
                geometry.outputSize(1, input.size(3))};
    }

    /** im2col arguments on the explicitly padded map: kernel, stride, no padding, dilation, explicit mode. */
    private int[] im2colArguments() {
        int[] k = geometry.kernel();
        int[] s = geometry.stride();
        int[] d = geometry.dilation();
        return new int[] {k[0], k[1], s[0], s[1], 0, 0, d[0], d[1], 0};
    }

    private long[] outputShape(INDArray x) {
        try {
            return geometry.outputShape(x.shape());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(layerConf().describe() + " (layer index " + index + "): "
                    + e.getMessage(), e);
        }
    }
}
