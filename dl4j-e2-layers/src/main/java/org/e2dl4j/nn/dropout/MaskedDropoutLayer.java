package org.e2dl4j.nn.dropout;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.nn.FieldLayer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.random.impl.BernoulliDistribution;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The implementation of {@link org.e2dl4j.nn.dropout.FieldDropout} and {@link org.e2dl4j.nn.dropout.PointwiseDropout}. In training
 * it draws a Bernoulli(1 - p) mask [N, U, H, W] over the configuration's units, scales it by 1 / (1 - p), spreads
 * it to the channels (libnd4j's {@code gather} along axis 1, when units are fields) and multiplies; the mask is
 * kept (in the INPUT workspace, alive until the backward pass) so that {@code dL/dx = dL/dy * mask}. In inference
 * it copies the input. The generator is reseeded per step from the network seed, the layer index and the
 * iteration and epoch counts.
 */
final class MaskedDropoutLayer extends FieldLayer<EquivariantDropout> {

    private static final long serialVersionUID = 1L;

    private final double p;
    /** The unit of each channel as an index array, or null when every channel is its own unit. */
    private final INDArray unitIndex;
    private final int units;
    private Random random;
    /** The scaled channel mask of the last training forward pass, or null after an inference pass. */
    private INDArray mask;

    public MaskedDropoutLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
        EquivariantDropout c = (EquivariantDropout) conf.getLayer();
        this.p = c.getP();
        int[] unitOf = c.unitOfChannel();
        this.units = java.util.Arrays.stream(unitOf).max().orElse(-1) + 1;
        if (units == unitOf.length) {
            this.unitIndex = null;
        } else {
            try (MemoryWorkspace ignored = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                this.unitIndex = Nd4j.createFromArray(unitOf);
            }
        }
    }

    @Override
    protected boolean foldsVolumes() {
        return true;
    }

    @Override
    protected INDArray forward(INDArray input, boolean training, LayerWorkspaceMgr workspaceMgr) {
        mask = null;
        if (!training || p == 0) {
            return workspaceMgr.dup(ArrayType.ACTIVATIONS, input);
        }
        long[] shape = input.shape();
        INDArray unitMask = workspaceMgr.createUninitialized(ArrayType.INPUT, input.dataType(),
                new long[] {shape[0], units, shape[2], shape[3]}, 'c');
        Nd4j.getExecutioner().exec(new BernoulliDistribution(unitMask, 1 - p), seededRandom());
        unitMask.muli(1 / (1 - p));
        if (unitIndex == null) {
            mask = unitMask;
        } else {
            mask = workspaceMgr.createUninitialized(ArrayType.INPUT, input.dataType(), shape, 'c');
            Nd4j.exec(DynamicCustomOp.builder("gather").addInputs(unitMask, unitIndex).addOutputs(mask)
                    .addIntegerArguments(1).build());
        }
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(), shape, 'c');
        return out.assign(input).muli(mask);
    }

    @Override
    protected INDArray backward(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        INDArray grad = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, epsilon.dataType(),
                epsilon.shape(), 'c');
        grad.assign(epsilon);
        return mask == null ? grad : grad.muli(mask);
    }

    /** The layer's generator, seeded for this step (network seed, layer index, iteration, epoch). */
    private Random seededRandom() {
        if (random == null) {
            random = Nd4j.getRandomFactory().getNewRandomInstance(0);
        }
        random.setSeed(mix(mix(mix(conf().getSeed()) + index) + getIterationCount()) + getEpochCount());
        return random;
    }

    /** A 64-bit mixing function (SplitMix64's finalizer), so that nearby inputs give unrelated seeds. */
    private static long mix(long z) {
        long x = (z + 0x9E3779B97F4A7C15L);
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
