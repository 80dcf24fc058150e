package org.e2dl4j.nn.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.e2dl4j.nn.EquivarianceCheck;
import org.e2dl4j.nn.EquivarianceReport;
import org.e2dl4j.nn.Export;
import org.e2dl4j.nn.FieldType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The checks every equivariant layer must pass, shared by the layer tests (on NCHW maps, NCDHW volumes, or fibers):
 * equivariance on the exact (grid-preserving) elements (every element for fibers without base space, whose input type is feed-forward), DL4J's gradient check in double in MultiLayerNetwork and ComputationGraph,
 * JSON and ModelSerializer round trips, and export to stock DL4J (same output) or a clear refusal.
 * Layers are given as suppliers because a DL4J configuration must not be shared between networks.
 */
public final class LayerContract {

    private static final double GRADIENT_EPSILON = 1e-6;
    private static final double GRADIENT_MAX_RELATIVE_ERROR = 1e-5;
    /**
     * Differences below this pass: the central difference of a score S carries a rounding error of about
     * S * 2^-52 / (2 epsilon), 1e-8 at S = 100, so a true zero gradient must not fail on that noise.
     */
    private static final double GRADIENT_MIN_ABSOLUTE_ERROR = 1e-8;
    private static final int GRADIENT_MAX_PER_PARAM = 60;
    private static final double EXPORT_TOLERANCE = 1e-5;

    private LayerContract() {
    }

    /**
     * A seeded input of the type: NCHW maps, NCDHW volumes, or [batch, size] for a feed-forward type (fibers without
     * base space).
     */
    private static INDArray input(DataType dataType, InputType type, long seed, int batch) {
        if (type instanceof InputType.InputTypeFeedForward f) {
            return TestNetworks.gaussian(dataType, seed, batch, f.getSize());
        }
        if (type instanceof InputType.InputTypeConvolutional3D v) {
            return TestNetworks.gaussian(dataType, seed, batch, v.getChannels(), v.getDepth(), v.getHeight(),
                    v.getWidth());
        }
        InputType.InputTypeConvolutional c = (InputType.InputTypeConvolutional) type;
        return TestNetworks.gaussian(dataType, seed, batch, c.getChannels(), c.getHeight(), c.getWidth());
    }

    /**
     * f(g.x) = g.f(x) for every grid-preserving testing element of the input type's G-space, in float, with
     * relative error at most {@code tolerance}.
     */
    public static void assertEquivariant(String name, InputType type, Supplier<List<Layer>> layers, FieldType in,
                                  FieldType out, double tolerance) {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 21, type, layers.get());
        EquivarianceCheck check = EquivarianceCheck.of(net, in, out).dataType(DataType.FLOAT);
        if (type instanceof InputType.InputTypeConvolutional c) {
            check = check.inputSize((int) c.getHeight(), (int) c.getWidth());
        }
        if (type instanceof InputType.InputTypeConvolutional3D v) {
            check = check.inputSize((int) v.getDepth(), (int) v.getHeight(), (int) v.getWidth());
        }
        EquivarianceReport report = check.run();
        assertFalse(report.exactErrors().isEmpty(), name + ": no grid-preserving element was checked");
        assertTrue(report.maxExactRelativeError() <= tolerance,
                name + ": expected relative equivariance error <= " + tolerance + " on exact elements, got "
                        + report);
    }

    /**
     * DL4J's numerical gradient check in double, in a MultiLayerNetwork and in a ComputationGraph (ND4J's
     * default data types are set to DOUBLE for the check and restored afterwards). The excluded parameters (keys
     * as "1_var" in the MultiLayerNetwork, "l1_var" in the graph) are not checked and are held at their values from
     * before the check on every evaluation: a layer may set them itself during the check's backward pass (batch
     * norms' running statistics), which must not move the scores the finite differences compare.
     */
    public static void assertGradientsCorrect(String name, InputType type, Supplier<List<Layer>> layers,
                                       String... excludeParams) {
        DataType previousData = Nd4j.dataType();
        DataType previousFloat = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
        try {
            checkGradients(name, type, layers, excludeParams);
        } finally {
            Nd4j.setDefaultDataTypes(previousData, previousFloat);
        }
    }

    private static void checkGradients(String name, InputType type, Supplier<List<Layer>> layers,
                                       String... excludeParams) {
        Set<String> excluded = Set.of(excludeParams);
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 11, type, layers.get());
        INDArray x = input(DataType.DOUBLE, type, 1, 2);
        INDArray y = TestNetworks.gaussian(DataType.DOUBLE, 2, net.output(x).shape());
        Map<String, INDArray> netHeld = held(net.paramTable(), excluded);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(x).labels(y)
                        .epsilon(GRADIENT_EPSILON).maxRelError(GRADIENT_MAX_RELATIVE_ERROR)
                        .minAbsoluteError(GRADIENT_MIN_ABSOLUTE_ERROR).subset(true).maxPerParam(GRADIENT_MAX_PER_PARAM)
                        .excludeParams(excluded).callEachIter(n -> restore(n.paramTable(), netHeld))),
                "MultiLayerNetwork gradient check failed for " + name);
        ComputationGraph graph = TestNetworks.graphWithLoss(DataType.DOUBLE, 12, type, layers.get());
        INDArray gx = input(DataType.DOUBLE, type, 3, 2);
        INDArray gy = TestNetworks.gaussian(DataType.DOUBLE, 4, graph.outputSingle(gx).shape());
        Map<String, INDArray> graphHeld = held(graph.paramTable(), excluded);
        assertTrue(GradientCheckUtil.checkGradients(new GradientCheckUtil.GraphConfig().net(graph)
                        .inputs(new INDArray[] {gx}).labels(new INDArray[] {gy}).epsilon(GRADIENT_EPSILON)
                        .maxRelError(GRADIENT_MAX_RELATIVE_ERROR).minAbsoluteError(GRADIENT_MIN_ABSOLUTE_ERROR)
                        .subset(true).maxPerParam(GRADIENT_MAX_PER_PARAM).excludeParams(excluded)
                        .callEachIter(g -> restore(g.paramTable(), graphHeld))),
                "ComputationGraph gradient check failed for " + name);
    }

    /** Copies of the network's parameters named in {@code keys}. */
    private static Map<String, INDArray> held(Map<String, INDArray> params, Set<String> keys) {
        Map<String, INDArray> held = new HashMap<>();
        for (String key : keys) {
            if (params.containsKey(key)) {
                held.put(key, params.get(key).dup());
            }
        }
        return held;
    }

    private static void restore(Map<String, INDArray> params, Map<String, INDArray> held) {
        held.forEach((key, value) -> params.get(key).assign(value));
    }

    /** The configurations (MultiLayer and graph) come back equal from JSON. */
    public static void assertJsonRoundTrip(String name, InputType type, Supplier<List<Layer>> layers) {
        MultiLayerConfiguration conf = TestNetworks.withLoss(DataType.FLOAT, 5, type, layers.get())
                .getLayerWiseConfigurations();
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()), name + ": MultiLayer JSON round trip");
        ComputationGraphConfiguration graph = TestNetworks.graphWithLoss(DataType.FLOAT, 5, type, layers.get())
                .getConfiguration();
        assertEquals(graph, ComputationGraphConfiguration.fromJson(graph.toJson()), name + ": graph JSON round trip");
    }

    /** ModelSerializer restores the same configuration, parameters and outputs (after one training step). */
    public static void assertSerializerRoundTrip(String name, InputType type, Supplier<List<Layer>> layers, Path dir)
            throws Exception {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 6, type, layers.get());
        INDArray x = input(DataType.FLOAT, type, 7, 3);
        net.fit(x, TestNetworks.gaussian(DataType.FLOAT, 8, net.output(x).shape()));
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);
        assertEquals(net.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations(), name + ": configuration");
        assertEquals(net.params(), restored.params(), name + ": parameters");
        assertEquals(net.output(x), restored.output(x), name + ": output after restore");

        ComputationGraph graph = TestNetworks.graphWithLoss(DataType.FLOAT, 6, type, layers.get());
        File gfile = dir.resolve("graph.zip").toFile();
        ModelSerializer.writeModel(graph, gfile, true);
        ComputationGraph grestored = ModelSerializer.restoreComputationGraph(gfile, true);
        assertEquals(graph.outputSingle(x), grestored.outputSingle(x), name + ": graph output after restore");
    }

    /**
     * The exported MultiLayerNetwork and ComputationGraph contain only stock classes and give the same output
     * (relative difference at most 1e-5 in float).
     */
    public static void assertExportEquivalent(String name, InputType type, Supplier<List<Layer>> layers) {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 9, type, layers.get());
        INDArray x = input(DataType.FLOAT, type, 10, 3);
        net.fit(x, TestNetworks.gaussian(DataType.FLOAT, 11, net.output(x).shape()));
        MultiLayerNetwork std = Export.toStandard(net);
        assertFalse(std.getLayerWiseConfigurations().toJson().contains("org.e2dl4j"),
                name + ": exported configuration still refers to org.e2dl4j classes");
        assertClose(net.output(x), std.output(x), name + ": exported MultiLayerNetwork output");

        ComputationGraph graph = TestNetworks.graphWithLoss(DataType.FLOAT, 9, type, layers.get());
        ComputationGraph gstd = Export.toStandard(graph);
        assertFalse(gstd.getConfiguration().toJson().contains("org.e2dl4j"),
                name + ": exported graph configuration still refers to org.e2dl4j classes");
        assertClose(graph.outputSingle(x), gstd.outputSingle(x), name + ": exported ComputationGraph output");
        assertFixedWhileTraining(name, graph, gstd, x);
    }

    /**
     * Training the exported graph leaves the parameters of every stock layer that stands for a parameter-free layer
     * of the source (a blur, a pooling matrix, a mask: parts named after the source vertex, {@code name_exportK} and
     * {@code name}) as exported. The graphs use the NoOp updater, under which DL4J subtracts the raw gradient from
     * any layer that is not frozen.
     */
    private static void assertFixedWhileTraining(String name, ComputationGraph source, ComputationGraph exported,
            INDArray x) {
        Map<String, INDArray> fixed = new HashMap<>();
        for (org.deeplearning4j.nn.graph.vertex.GraphVertex v : exported.getVertices()) {
            String origin = v.getVertexName().replaceFirst("_export\\d+$", "");
            if (v.hasLayer() && v.getLayer().numParams() > 0 && source.getVertex(origin) != null
                    && source.getVertex(origin).hasLayer() && source.getVertex(origin).getLayer().numParams() == 0) {
                fixed.put(v.getVertexName(), v.getLayer().params().dup());
            }
        }
        if (fixed.isEmpty()) {
            return;
        }
        INDArray y = TestNetworks.gaussian(DataType.FLOAT, 13, exported.outputSingle(x).shape());
        for (int step = 0; step < 2; step++) {
            exported.fit(new INDArray[] {x}, new INDArray[] {y});
        }
        for (Map.Entry<String, INDArray> e : fixed.entrySet()) {
            INDArray after = exported.getVertex(e.getKey()).getLayer().params();
            double drift = e.getValue().sub(after).amaxNumber().doubleValue();
            assertTrue(drift == 0, name + ": training the exported graph changed the fixed parameters of '" + e.getKey()
                    + "' (" + exported.getVertex(e.getKey()).getLayer().getClass().getSimpleName() + ") by up to "
                    + drift + ", expected them unchanged");
        }
    }

    /** Export refuses the network with a message naming the layer class. */
    public static void assertExportRefused(String name, InputType type, Supplier<List<Layer>> layers, String layerClass) {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 9, type, layers.get());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Export.toStandard(net),
                name + ": export should be refused");
        assertTrue(e.getMessage().contains(layerClass), name + ": the refusal should name " + layerClass + ", got: "
                + e.getMessage());
    }

    private static void assertClose(INDArray expected, INDArray got, String what) {
        double scale = Math.max(1e-12, expected.amaxNumber().doubleValue());
        double err = expected.sub(got).amaxNumber().doubleValue() / scale;
        assertTrue(err <= EXPORT_TOLERANCE, what + ": expected relative difference <= " + EXPORT_TOLERANCE + ", got "
                + err);
    }
}
