package org.e2dl4j.nn.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.executioner.OpExecutioner;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * R2Conv inside real DL4J training: fit with workspaces under SCOPE_PANIC profiling (arrays leaking out of
 * their workspace fail the run), listeners, evaluation, and the inference filter cache following every way
 * parameters change. (ProfilingMode is deprecated in favour of ProfilerConfig, but SCOPE_PANIC names exactly
 * the workspace check used here.)
 */
@SuppressWarnings("deprecation")
class R2ConvTrainingTest {

    private static final GSpace C4 = GSpaces.rot2dOnR2(4);

    @AfterEach
    void resetProfiling() {
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.DISABLED);
    }

    private static MultiLayerConfiguration classifier(WorkspaceMode mode) {
        FieldType in = FieldType.trivial(C4, 1);
        FieldType hidden = FieldType.regular(C4, 2);
        return new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(0.05)).dataType(DataType.FLOAT)
                .trainingWorkspaceMode(mode).inferenceWorkspaceMode(mode).list()
                .layer(new R2Conv.Builder(in, hidden, 3).padding(1).activation(Activation.RELU).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new R2Conv.Builder(hidden, FieldType.trivial(C4, 2), 3).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX)
                        .nOut(2).build())
                .setInputType(InputType.convolutional(7, 7, 1)).build();
    }

    /** Bright-centre images are class 0, dark-centre class 1: learnable by an invariant network. */
    private static DataSet data(int n, long seed) {
        INDArray x = TestNetworks.gaussian(DataType.FLOAT, seed, n, 1, 7, 7).muli(0.3);
        INDArray y = Nd4j.zeros(DataType.FLOAT, n, 2);
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            x.get(org.nd4j.linalg.indexing.NDArrayIndex.point(i), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 5),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 5)).addi(label == 0 ? 1.5 : -1.5);
            y.putScalar(i, label, 1);
        }
        return new DataSet(x, y);
    }

    @Test
    void fitUnderScopePanicLearnsWithListenersAndEvaluation() {
        MultiLayerNetwork net = new MultiLayerNetwork(classifier(WorkspaceMode.ENABLED));
        net.init();
        List<Double> scores = new ArrayList<>();
        net.setListeners(new BaseTrainingListener() {
            @Override
            public void iterationDone(Model model, int iteration, int epoch) {
                scores.add(model.score());
            }
        });
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.SCOPE_PANIC);
        DataSet train = data(16, 1);
        for (int epoch = 0; epoch < 15; epoch++) {
            net.fit(new ListDataSetIterator<>(train.asList(), 8));
        }
        Evaluation eval = net.evaluate(new ListDataSetIterator<>(data(16, 2).asList(), 8));
        assertEquals(30, scores.size(), "listener called once per iteration");
        assertTrue(scores.get(scores.size() - 1) < 0.5 * scores.get(0), "loss should drop: " + scores);
        assertTrue(eval.accuracy() >= 0.9, "accuracy on held-out data: " + eval.stats());
    }

    @Test
    void graphFitUnderScopePanicChangesTheParameters() {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(2)
                .updater(new Adam(0.01)).dataType(DataType.FLOAT).graphBuilder().addInputs("in")
                .addLayer("conv", new R2Conv.Builder(FieldType.trivial(C4, 1), FieldType.regular(C4, 1), 3).build(),
                        "in")
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.MAX).build(), "conv")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nOut(2).build(), "pool")
                .setOutputs("out").setInputTypes(InputType.convolutional(7, 7, 1)).build());
        graph.init();
        INDArray before = graph.params().dup();
        Nd4j.getExecutioner().setProfilingMode(OpExecutioner.ProfilingMode.SCOPE_PANIC);
        graph.fit(data(8, 3));
        assertNotEquals(before, graph.params(), "fit must update the parameters");
    }

    @Test
    void trainingWithoutWorkspacesGivesTheSameParameters() {
        MultiLayerNetwork a = new MultiLayerNetwork(classifier(WorkspaceMode.ENABLED));
        MultiLayerNetwork b = new MultiLayerNetwork(classifier(WorkspaceMode.NONE));
        a.init();
        b.init();
        DataSet d = data(8, 4);
        for (int i = 0; i < 3; i++) {
            a.fit(d);
            b.fit(d);
        }
        INDArray diff = a.params().sub(b.params());
        assertTrue(diff.amaxNumber().doubleValue() < 1e-5, "workspace modes ENABLED and NONE should train alike");
    }

    /** The output a freshly built network with the same parameters gives: the reference for the cache. */
    private static INDArray freshOutput(MultiLayerNetwork net, INDArray x) {
        MultiLayerNetwork fresh = new MultiLayerNetwork(net.getLayerWiseConfigurations().clone());
        fresh.init(net.params().dup(), true);
        return fresh.output(x);
    }

    @Test
    void inferenceCacheFollowsEveryParameterChange() {
        MultiLayerNetwork net = new MultiLayerNetwork(classifier(WorkspaceMode.ENABLED));
        net.init();
        INDArray x = data(4, 5).getFeatures();
        INDArray first = net.output(x);

        net.fit(data(8, 6));
        assertEquals(freshOutput(net, x), net.output(x), "after fit");

        net.setParams(net.params().mul(0.5));
        assertEquals(freshOutput(net, x), net.output(x), "after setParams on the network");

        net.getLayer(0).setParam("W", net.getLayer(0).getParam("W").mul(-1));
        assertEquals(freshOutput(net, x), net.output(x), "after setParam on the layer");

        net.params().muli(1.5);
        assertEquals(freshOutput(net, x), net.output(x), "after changing the flat parameter vector in place");
        assertNotEquals(first, net.output(x), "parameters did change");
    }
}
