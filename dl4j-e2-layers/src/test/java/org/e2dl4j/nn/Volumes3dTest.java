package org.e2dl4j.nn;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Volumes (NCDHW, field types of R^3) through the core: {@link EquivarianceCheck} on the grid-preserving elements,
 * {@link EquivariantSequence} and {@link EquivariantGraphBuilder} with 3D convolutional input types, the layer root's
 * type checks. The probe is {@link DepthWeighting} (slice d times d + 1): equivariant under rotations about z, not
 * under what turns z over.
 */
class Volumes3dTest {

    @Test
    void equivarianceCheckTellsRotationsAboutZFromTurnsOfZ() {
        FieldType c4 = FieldType.regular(GSpaces.rot2dOnR3(4), 2);
        EquivarianceReport ok = EquivarianceCheck.of(x -> x.mul(DepthWeighting.weights(x.size(2), x.dataType())), c4,
                c4).dataType(DataType.DOUBLE).inputSize(5, 4, 4).assertEquivariant();
        assertEquals(4, ok.errors().size(), "the four quarter turns of C_4");
        assertTrue(ok.errors().stream().allMatch(e -> e.exact() && e.maxAbsoluteError() < 1e-12), ok.toString());

        FieldType d4 = FieldType.regular(GSpaces.dihedralOnR3(4), 1);
        EquivarianceReport bad = EquivarianceCheck.of(x -> x.mul(DepthWeighting.weights(x.size(2), x.dataType())),
                d4, d4).dataType(DataType.DOUBLE).inputSize(5, 4, 4).run();
        assertEquals(8, bad.errors().size());
        long failing = bad.errors().stream().filter(e -> e.maxAbsoluteError() > 0.1).count();
        assertEquals(4, failing, "the four flips of dihedralOnR3 turn z over: " + bad);
        assertFalse(bad.withinTolerance());
    }

    /**
     * ReLU commutes with the permutation matrices of a regular field of the cube's rotations; a linear map commutes
     * with all 48 symmetries of the cube.
     */
    @Test
    void equivarianceCheckOnTheCube() {
        FieldType t = FieldType.regular(GSpaces.octaOnR3(), 1);
        EquivarianceReport ok = EquivarianceCheck.of(x -> org.nd4j.linalg.ops.transforms.Transforms.relu(x, true), t,
                t).dataType(DataType.DOUBLE).inputSize(3, 3, 3).batchSize(1).assertEquivariant();
        assertEquals(24, ok.errors().size());
        GSpace full = GSpaces.fullOctaOnR3();
        FieldType u = FieldType.of(full, full.irreps().get(5), 1);
        assertEquals(48, EquivarianceCheck.of(x -> x.mul(3), u, u).dataType(DataType.DOUBLE).inputSize(3, 3, 3)
                .assertEquivariant().errors().size());
        FieldType v = FieldType.irrep(GSpaces.rot3dOnR3(), 1, 1);
        EquivarianceReport bad = EquivarianceCheck.of(x -> x.mul(DepthWeighting.weights(x.size(2), x.dataType())), v,
                v).dataType(DataType.DOUBLE).inputSize(3, 3, 3).run();
        assertEquals(24, bad.errors().size(), "the 24 rotations of the cube");
        long failing = bad.errors().stream().filter(e -> e.maxAbsoluteError() > 0.1).count();
        assertEquals(20, failing, "all but the 4 rotations about z move the depth axis: " + bad);
    }

    @Test
    void equivarianceCheckSeesAWrongFiberAction() {
        GSpace gs = GSpaces.rot2dOnR3(4);
        FieldType t = FieldType.regular(gs, 1);
        // reversing the channels of a regular C_4 field conjugates the shift into its inverse: not equivariant
        EquivarianceReport r = EquivarianceCheck.of(x -> Nd4j.concat(1, channel(x, 3), channel(x, 2),
                channel(x, 1), channel(x, 0)), t, t).dataType(DataType.DOUBLE)
                .run();
        assertFalse(r.withinTolerance(), r.toString());
        assertEquals(EquivarianceCheck.DEFAULT_VOLUME_SIZE, 9);
    }

    private static INDArray channel(INDArray x, int c) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(c, c + 1)).dup();
    }

    @Test
    void equivarianceCheckRefusesWhatVolumesCannotDo() {
        FieldType t = FieldType.regular(GSpaces.rot2dOnR3(8), 1);
        EquivarianceCheck check = EquivarianceCheck.of(x -> x, t, t);
        assertRejected(() -> check.inputSize(5, 5), "lives on R^3", "inputSize(depth, height, width)");
        assertRejected(() -> check.elements(java.util.List.of(GroupElement.finite(0, 1, 8))), "r1/8",
                "does not map the voxel grid onto itself");
        FieldType planar = FieldType.regular(GSpaces.rot2dOnR2(4), 1);
        assertRejected(() -> EquivarianceCheck.of(x -> x, planar, planar).inputSize(3, 3, 3),
                "2-dimensional base space");
    }

    @Test
    void aSequenceOnVolumesBuildsAndRunsANetwork() {
        GSpace gs = GSpaces.dihedralOnR3(4);
        FieldType rotationsOnly = FieldType.regular(GSpaces.rot2dOnR3(4), 1);
        EquivariantSequence seq = EquivariantSequence.builder(rotationsOnly)
                .add(DepthWeighting::of)
                .add(DepthWeighting::of)
                .build();
        MultiLayerConfiguration conf = seq.configuration(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE),
                3, 4, 5);
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()), "JSON round trip");
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, 4, 3, 4, 5);
        INDArray y = net.output(x);
        INDArray w = DepthWeighting.weights(3, DataType.DOUBLE);
        assertEquals(0, y.sub(x.mul(w).mul(w)).amaxNumber().doubleValue(), 1e-12);
        assertEquals("[2, 4, 3, 4, 5]", Arrays.toString(y.shape()));

        FieldType other = FieldType.regular(gs, 1);
        assertRejected(() -> seq.inputType(4, 5), "FieldInputType", "R^3", "FieldVolumeInputType");
        assertRejected(() -> FieldVolumeInputType.of(FieldType.trivial(GSpaces.rot2dOnR2(4), 1), 2, 2, 2),
                "FieldVolumeInputType", "G-space of R^3", "2-dimensional");
        // a layer on another type is refused at configuration build time, naming both types
        assertRejected(() -> new NeuralNetConfiguration.Builder().list().layer(DepthWeighting.of(rotationsOnly))
                .setInputType(FieldVolumeInputType.of(other, 3, 4, 4)).build(), "DepthWeighting",
                "field type mismatch", "Rot2dOnR3(4)", "DihedralOnR3(4)");
        assertRejected(() -> new NeuralNetConfiguration.Builder().list().layer(DepthWeighting.of(rotationsOnly))
                .setInputType(InputType.convolutional(4, 4, 4)).build(), "DepthWeighting",
                "expected a 3D convolutional (NCDHW) input");
        assertRejected(() -> new NeuralNetConfiguration.Builder().list().layer(DepthWeighting.of(rotationsOnly))
                .setInputType(InputType.convolutional3D(Convolution3D.DataFormat.NDHWC, 3, 4, 4, 4)).build(),
                "only NCDHW volumes", "InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, d, h, w, c)");
        assertRejected(() -> new NeuralNetConfiguration.Builder().list().layer(DepthWeighting.of(rotationsOnly))
                .setInputType(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, 3, 4, 4, 5)).build(),
                "the input has 5 channels", "has 4");
        assertRejected(() -> DepthWeighting.of(FieldType.trivial(GSpaces.rot2dOnR2(4), 1)),
                "expected a field type on a G-space with a 3-dimensional base space", "2-dimensional base space");
        // a plain 3D input type of the right channel count is accepted
        new NeuralNetConfiguration.Builder().list().layer(DepthWeighting.of(rotationsOnly))
                .setInputType(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW, 3, 4, 4, 4)).build();
    }

    @Test
    void aGraphOnVolumesBuildsAndRuns() {
        FieldType t = FieldType.trivial(GSpaces.invOnR3(), 2);
        ComputationGraphConfiguration conf = EquivariantGraphBuilder
                .on(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).graphBuilder())
                .addInput("in", t)
                .addLayer("w", DepthWeighting::of, "in")
                .setOutputs("w")
                .build(2, 3, 3);
        assertEquals(conf, ComputationGraphConfiguration.fromJson(conf.toJson()), "JSON round trip");
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 2, 2, 3, 3);
        INDArray y = graph.outputSingle(x);
        assertEquals(0, y.sub(x.mul(DepthWeighting.weights(2, DataType.DOUBLE))).amaxNumber().doubleValue(), 1e-12);
    }

    @Test
    void splittingVolumesByLabelsIsRefusedClearly() {
        FieldType t = FieldType.regular(GSpaces.rot2dOnR3(4), 2);
        EquivariantGraphBuilder g = EquivariantGraphBuilder
                .on(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).graphBuilder())
                .addInput("in", t);
        java.util.Map<String, String> parts = g.splitByLabels("split", "in", java.util.List.of("a", "b"));
        g.setOutputs(parts.get("a"), parts.get("b"));
        assertRejected(org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException.class, () -> g.build(2, 3, 3),
                "FieldSubsetVertex", "volumes (NCDHW) cannot be split", "rank 2 to 4");
    }

    /** The direct sum and the residual sum of volumes carry their field types to the next layer. */
    @Test
    void directSumsAndResidualSumsOfVolumesAreTyped() {
        GSpace gs = GSpaces.rot2dOnR3(4);
        FieldType t = FieldType.regular(gs, 1);
        ComputationGraphConfiguration conf = EquivariantGraphBuilder
                .on(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE).graphBuilder())
                .addInput("in", t)
                .addLayer("w", DepthWeighting::of, "in")
                .addSum("res", "w", "in")
                .addDirectSum("cat", "res", "in")
                .addLayer("out", DepthWeighting::of, "cat")
                .setOutputs("out")
                .build(2, 3, 3);
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, 4, 2, 3, 3);
        INDArray w = DepthWeighting.weights(2, DataType.DOUBLE);
        INDArray expected = Nd4j.concat(1, x.mul(w).add(x), x).mul(w);
        assertEquals(0, graph.outputSingle(x).sub(expected).amaxNumber().doubleValue(), 1e-12);
        FieldType sum = t.plus(t);
        InputType[] types = conf.getLayerActivationTypes(FieldVolumeInputType.of(t, 2, 3, 3)).values()
                .toArray(new InputType[0]);
        assertTrue(Arrays.stream(types).anyMatch(it -> it instanceof FieldVolumeInputType f
                && f.getFieldType().equals(sum)), "the direct sum's type reaches the last layer: "
                + Arrays.toString(types));
    }
}
