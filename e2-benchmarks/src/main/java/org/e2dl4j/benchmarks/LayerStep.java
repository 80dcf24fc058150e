package org.e2dl4j.benchmarks;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * One initialized layer of a {@link LayerCase} with a fixed Gaussian input and output gradient, run as a network's
 * training step runs it: training-mode forward, then backward, in {@link TrainingWorkspaces}; or as inference.
 * Parameters are nudged before each training step as an update would, so a steerable layer pays its filter
 * expansion every step, as in training.
 */
final class LayerStep {

    private static final double NUDGE = 1.0 + 1e-7;

    private final Layer layer;
    private final INDArray input;
    private final INDArray outputGradient;
    private final LayerWorkspaceMgr workspaces;

    LayerStep(LayerCase c, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(seed)
                .updater(new Adam(1e-3)).dataType(DataType.FLOAT).list().layer(c.config().get())
                .setInputType(c.inputType()).build());
        net.init();
        net.initGradientsView();
        this.layer = net.getLayer(0);
        Nd4j.getRandom().setSeed(seed);
        this.input = Nd4j.randn(DataType.FLOAT, c.batch());
        INDArray out = layer.activate(input, false, LayerWorkspaceMgr.noWorkspaces());
        this.outputGradient = Nd4j.randn(DataType.FLOAT, out.shape());
        this.workspaces = TrainingWorkspaces.forOwner(c.name() + "_" + seed);
    }

    /** Training-mode forward and backward; returns the input gradient's first value (kept from dead-code removal). */
    double train() {
        if (layer.numParams() > 0) {
            layer.params().muli(NUDGE);
        }
        try (MemoryWorkspace act = workspaces.notifyScopeEntered(ArrayType.ACTIVATIONS)) {
            layer.setInput(input, workspaces);
            try (MemoryWorkspace ff = workspaces.notifyScopeEntered(ArrayType.FF_WORKING_MEM)) {
                layer.activate(true, workspaces);
            }
            try (MemoryWorkspace grad = workspaces.notifyScopeEntered(ArrayType.ACTIVATION_GRAD);
                 MemoryWorkspace bp = workspaces.notifyScopeEntered(ArrayType.BP_WORKING_MEM)) {
                return layer.backpropGradient(outputGradient, workspaces).getSecond().getDouble(0);
            }
        }
    }

    /** Inference-mode forward, outside workspaces (as {@code output} returns a detached array). */
    double infer() {
        return layer.activate(input, false, LayerWorkspaceMgr.noWorkspaces()).getDouble(0);
    }

    /** The shape of the input gradient of one training step: the input's shape for every correct layer. */
    long[] inputGradientShape() {
        try (MemoryWorkspace act = workspaces.notifyScopeEntered(ArrayType.ACTIVATIONS)) {
            layer.setInput(input, workspaces);
            try (MemoryWorkspace ff = workspaces.notifyScopeEntered(ArrayType.FF_WORKING_MEM)) {
                layer.activate(true, workspaces);
            }
            try (MemoryWorkspace grad = workspaces.notifyScopeEntered(ArrayType.ACTIVATION_GRAD);
                 MemoryWorkspace bp = workspaces.notifyScopeEntered(ArrayType.BP_WORKING_MEM)) {
                return layer.backpropGradient(outputGradient, workspaces).getSecond().shape();
            }
        }
    }

    long[] inputShape() {
        return input.shape();
    }
}
