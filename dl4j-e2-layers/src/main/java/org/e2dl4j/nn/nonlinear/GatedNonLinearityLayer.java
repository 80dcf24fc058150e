package org.e2dl4j.nn.nonlinear;

import java.util.List;

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
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Implementation of the gated nonlinearities. In e2cnn's channel order ({@link UnitLayout}: gate channels,
 * then the gated units block by block) gate channel k gates unit k, so with {@code s = sigmoid(gamma - b)}:
 * <ul>
 *   <li>forward: {@code y_unit = s_k x_unit}; with dropGates the output is these products in input field
 *       order, otherwise the input layout with s in the gate channels;</li>
 *   <li>backward: {@code dL/dx_unit = s_k dL/dy_unit}, {@code dL/dgamma_k = s_k (1 - s_k)
 *       (<dL/dy_unit, x_unit> + dL/ds_k)}, {@code dL/db = -sum dL/dgamma} per gate field.</li>
 * </ul>
 * Channel permutations are libnd4j gathers with index arrays built once; the forward quantities are
 * recomputed in backward.
 */
final class GatedNonLinearityLayer extends BiasedFieldLayer<AbstractGatedNonLinearity> {

    private static final long serialVersionUID = 1L;

    private final UnitMaps maps;
    private final int gateChannels;
    private final boolean dropGates;
    /** With dropGates: for each output channel its unit channel (canonical); null when that is the identity. */
    private final INDArray outputToUnitChannel;
    /** The inverse of {@link #outputToUnitChannel}. */
    private final INDArray unitChannelToOutput;

    @SuppressWarnings("try")
    public GatedNonLinearityLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        AbstractGatedNonLinearity c = (AbstractGatedNonLinearity) conf.getLayer();
        UnitLayout layout = UnitLayout.of(c.getInType(), c.unitSizes());
        this.maps = new UnitMaps(layout, dataType);
        this.gateChannels = layout.gateChannels();
        this.dropGates = c.dropsGates();
        int[] toUnit = gatedOutputOrder(layout, c.gateLabels(), c);
        boolean identity = true;
        for (int o = 0; o < toUnit.length; o++) {
            identity &= toUnit[o] == o;
        }
        try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            this.outputToUnitChannel = !dropGates || identity ? null : Nd4j.createFromArray(toUnit);
            int[] inverse = new int[toUnit.length];
            for (int o = 0; o < toUnit.length; o++) {
                inverse[toUnit[o]] = o;
            }
            this.unitChannelToOutput = outputToUnitChannel == null ? null : Nd4j.createFromArray(inverse);
        }
    }

    /** For each channel of the gated fields in input order, its canonical unit channel. */
    private static int[] gatedOutputOrder(UnitLayout layout, List<String> labels, AbstractGatedNonLinearity c) {
        int[] canonical = layout.inverseOrder();
        int[] toUnit = new int[layout.unitChannels()];
        int o = 0;
        for (int f = 0; f < labels.size(); f++) {
            if (AbstractGatedNonLinearity.GATED.equals(labels.get(f))) {
                for (int ch = c.getInType().fieldStart(f); ch < c.getInType().fieldEnd(f); ch++) {
                    toUnit[o++] = canonical[ch] - layout.gateChannels();
                }
            }
        }
        return toUnit;
    }

    /** The quantities of one input in canonical order: the gated channels, the gates s and s broadcast to them. */
    private record Gates(INDArray gated, INDArray s, INDArray sPerChannel) {
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = flat(input);
        Gates g = gates(x, training, workspaceMgr, ArrayType.FF_WORKING_MEM);
        INDArray y = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
                new long[] {x.size(0), layerConf().outType().size(), input.size(2), input.size(3)}, 'c');
        INDArray yFlat = flat(y);
        if (dropGates) {
            if (outputToUnitChannel == null) {
                Nd4j.exec(new MulOp(g.gated(), g.sPerChannel(), yFlat));
            } else {
                UnitMaps.gather(g.gated().mul(g.sPerChannel()), outputToUnitChannel, yFlat);
            }
            return y;
        }
        INDArray canonicalOut = maps.permutes()
                ? workspaceMgr.createUninitialized(ArrayType.FF_WORKING_MEM, dataType, x.shape(), 'c') : yFlat;
        gatePart(canonicalOut).assign(g.s());
        Nd4j.exec(new MulOp(g.gated(), g.sPerChannel(), unitPart(canonicalOut)));
        if (maps.permutes()) {
            maps.fromCanonical(canonicalOut, yFlat);
        }
        return y;
    }

    @Override
    protected INDArray backward(INDArray epsilon, Gradient gradient, LayerWorkspaceMgr workspaceMgr) {
        INDArray x = flat(input);
        INDArray eps = flat(epsilon);
        Gates g = gates(x, true, workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray dyUnits;
        INDArray dyGates = null;
        if (dropGates) {
            dyUnits = outputToUnitChannel == null ? eps : UnitMaps.gather(eps, unitChannelToOutput,
                    workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, g.gated().shape(), 'c'));
        } else {
            INDArray dyCanonical = maps.permutes() ? maps.toCanonical(eps,
                    workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, x.shape(), 'c')) : eps;
            dyUnits = unitPart(dyCanonical);
            dyGates = gatePart(dyCanonical);
        }
        INDArray dsUnits = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, g.s().shape(), 'c');
        maps.unitSums(dyUnits.mul(g.gated()), dsUnits);
        if (dyGates != null) {
            dsUnits.addi(dyGates);
        }
        INDArray dGamma = dsUnits.muli(g.s()).muli(g.s().rsub(1.0));

        INDArray dxCanonical = maps.permutes()
                ? workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, dataType, x.shape(), 'c')
                : null;
        INDArray dx = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, input.shape(), 'c');
        INDArray target = dxCanonical == null ? flat(dx) : dxCanonical;
        gatePart(target).assign(dGamma);
        Nd4j.exec(new MulOp(dyUnits, g.sPerChannel(), unitPart(target)));
        if (dxCanonical != null) {
            maps.fromCanonical(dxCanonical, flat(dx));
        }

        INDArray view = gradientViews.get(GateParamInitializer.BIAS_KEY);
        view.assign(maps.unitsToFields(dGamma.sum(2).sum(0)).negi());
        gradient.setGradientFor(GateParamInitializer.BIAS_KEY, view);
        return dx;
    }

    private Gates gates(INDArray x, boolean training, LayerWorkspaceMgr workspaceMgr, ArrayType work) {
        INDArray canonical = maps.permutes()
                ? maps.toCanonical(x, workspaceMgr.createUninitialized(work, dataType, x.shape(), 'c')) : x;
        INDArray bias = getParamWithNoise(GateParamInitializer.BIAS_KEY, training, workspaceMgr);
        INDArray gamma = gatePart(canonical);
        INDArray s = workspaceMgr.createUninitialized(work, dataType, gamma.shape(), 'c');
        Nd4j.getExecutioner().exec(new BroadcastSubOp(gamma, maps.fieldToUnits(bias).castTo(dataType), s, 1));
        Transforms.sigmoid(s, false);
        INDArray gated = unitPart(canonical);
        INDArray perChannel = maps.expand(s, workspaceMgr.createUninitialized(work, dataType, gated.shape(), 'c'));
        return new Gates(gated, s, perChannel);
    }

    private INDArray gatePart(INDArray canonical) {
        return canonical.get(NDArrayIndex.all(), NDArrayIndex.interval(0, gateChannels), NDArrayIndex.all());
    }

    private INDArray unitPart(INDArray canonical) {
        return canonical.get(NDArrayIndex.all(), NDArrayIndex.interval(gateChannels, canonical.size(1)),
                NDArrayIndex.all());
    }

    /** [N, C, H, W] as [N, C, H*W] (a view of a c-ordered array). */
    private static INDArray flat(INDArray a) {
        return a.reshape('c', a.size(0), a.size(1), a.size(2) * a.size(3));
    }
}
