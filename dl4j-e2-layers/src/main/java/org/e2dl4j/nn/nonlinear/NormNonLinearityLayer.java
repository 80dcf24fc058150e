package org.e2dl4j.nn.nonlinear;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Implementation of {@link org.e2dl4j.nn.nonlinear.NormNonLinearity} and {@link org.e2dl4j.nn.nonlinear.InducedNormNonLinearity}.
 * With n = ||v|| per unit, u = n - b, m = f(u) / n (0 where n &lt;= 1e-10):
 * <ul>
 *   <li>forward: y = m x, per unit;</li>
 *   <li>backward: with s = &lt;dL/dy, x&gt; per unit, {@code dL/dx = m dL/dy + x s (f'(u) - m) / n^2} and
 *       {@code dL/db = -sum f'(u) s / n}, {@code dL/dlogBias = b dL/db} per field.</li>
 * </ul>
 * Per-unit norms are strided sums over the units of each block in e2cnn's channel order ({@link UnitMaps});
 * per-unit values return to the input channels in one gather. The forward quantities are recomputed in
 * backward (cheap) rather than kept across calls.
 */
final class NormNonLinearityLayer extends BiasedFieldLayer<AbstractNormNonLinearity> {

    private static final long serialVersionUID = 1L;

    /** Norms at or below this count as zero (e2cnn's epsilon). */
    static final double EPSILON = 1e-10;

    private final NormFunction function;
    private final UnitMaps maps;
    private final INDArray unitOfInputChannel;

    @SuppressWarnings("try")
    public NormNonLinearityLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        AbstractNormNonLinearity c = (AbstractNormNonLinearity) conf.getLayer();
        this.function = c.normFunction();
        UnitLayout layout = UnitLayout.of(c.getInType(), c.unitSizes());
        this.maps = new UnitMaps(layout, dataType);
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            this.unitOfInputChannel = Nd4j.createFromArray(layout.unitOfInputChannel());
        }
    }

    /** The per-unit quantities of one input: n, max(n, eps), the mask n > eps, u = n - b and m = f(u) / n. */
    private record Norms(INDArray nSafe, INDArray mask, INDArray u, INDArray m) {
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = flat(input);
        Norms s = norms(x, training, workspaceMgr, ArrayType.FF_WORKING_MEM);
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType, input.shape(), 'c');
        INDArray mIn = UnitMaps.gather(s.m(), unitOfInputChannel,
                workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, dataType, x.shape(), 'c'));
        Nd4j.exec(new MulOp(x, mIn, flat(y)));
        return y;
    }

    @Override
    protected INDArray backward(INDArray epsilon, Gradient gradient, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = flat(input);
        INDArray g = flat(epsilon);
        Norms s = norms(x, true, workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray inner = unitSums(x.mul(g), workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray fPrime = function.derivative(s.u());
        INDArray coefficient = fPrime.sub(s.m()).muli(inner).divi(s.nSafe()).divi(s.nSafe()).muli(s.mask());

        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        INDArray dxFlat = flat(dx);
        INDArray perChannel = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, x.shape(), 'c');
        Nd4j.exec(new MulOp(g, UnitMaps.gather(s.m(), unitOfInputChannel, perChannel), dxFlat));
        dxFlat.addi(x.mul(UnitMaps.gather(coefficient, unitOfInputChannel, perChannel)));

        if (!params.isEmpty()) {
            INDArray perUnit = fPrime.muli(inner).divi(s.nSafe()).muli(s.mask()).sum(2).sum(0).negi();
            INDArray bias = Transforms.exp(getParamWithNoise(NormParamInitializer.LOG_BIAS_KEY, true, workspaceMgr), true);
            INDArray view = gradientViews.get(NormParamInitializer.LOG_BIAS_KEY);
            view.assign(maps.unitsToFields(perUnit).muli(bias));
            gradient.setGradientFor(NormParamInitializer.LOG_BIAS_KEY, view);
        }
        return dx;
    }

    private Norms norms(INDArray x, boolean training, LayerWorkspaceMgr workspaceMgr, ArrayType work) {
        INDArray n = Transforms.sqrt(unitSums(x.mul(x), workspaceMgr, work), false);
        INDArray mask = n.gt(EPSILON).castTo(dataType);
        INDArray nSafe = Transforms.max(n, EPSILON, true);
        INDArray u = n;
        if (!params.isEmpty()) {
            INDArray bias = Transforms.exp(getParamWithNoise(NormParamInitializer.LOG_BIAS_KEY, training, workspaceMgr),
                    true);
            u = n.ulike();
            Nd4j.getExecutioner().exec(new BroadcastSubOp(n, maps.fieldToUnits(bias).castTo(dataType), u, 1));
        }
        INDArray m = function.value(u).divi(nSafe).muli(mask);
        return new Norms(nSafe, mask, u, m);
    }

    /** Per-unit sums of a per-channel quantity given in input order [N, C, HW]: [N, U, HW]. */
    private INDArray unitSums(INDArray perChannel, LayerWorkspaceMgr workspaceMgr, ArrayType work) {
        INDArray canonical = perChannel;
        if (maps.permutes()) {
            canonical = maps.toCanonical(perChannel, workspaceMgr.createUninitialized(work, dataType,
                    perChannel.shape(), 'c'));
        }
        INDArray sums = workspaceMgr.createUninitialized(work, dataType,
                new long[] {perChannel.size(0), maps.layout().units(), perChannel.size(2)}, 'c');
        maps.unitSums(canonical, sums);
        return sums;
    }

    /** [N, C, H, W] as [N, C, H*W] (a view of a c-ordered array). */
    private static INDArray flat(INDArray a) {
        return a.reshape('c', a.size(0), a.size(1), a.size(2) * a.size(3));
    }
}
