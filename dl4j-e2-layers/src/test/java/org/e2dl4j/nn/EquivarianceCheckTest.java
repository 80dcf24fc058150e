package org.e2dl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.e2dl4j.testing.Rejections.assertRejected;

import java.util.List;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.nn.conv.R2Conv;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class EquivarianceCheckTest {

    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);

    @Test
    void plainConvolutionIsReportedAsNotEquivariant() {
        FieldType regular = FieldType.regular(D4, 1);
        EquivarianceReport r = EquivarianceCheck.of(new ConvolutionLayer.Builder(3, 3).nIn(8).nOut(8).build(),
                regular, regular, DataType.FLOAT).inputSize(9, 9).run();
        assertEquals(8, r.errors().size(), "one entry per element of D4");
        assertEquals(0.0, r.errors().get(0).maxAbsoluteError(), 1e-6, "the identity commutes with anything");
        assertTrue(r.maxExactRelativeError() > 0.1, "an unconstrained convolution is far from equivariant:\n" + r);
    }

    @Test
    void invariantOutputOfRankTwoIsChecked() {
        FieldType in = FieldType.trivial(D4, 1);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.FLOAT).list()
                .layer(new R2Conv.Builder(in, FieldType.trivial(D4, 3), 3).build())
                .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).build())
                .setInputType(InputType.convolutional(9, 9, 1)).validateOutputLayerConfig(false).build());
        net.init();
        EquivarianceReport r = EquivarianceCheck.of(net, in, FieldType.trivial(D4, 3)).inputSize(9, 9).run();
        assertTrue(r.maxExactRelativeError() < 1e-5, "pooled scalar fields are invariant:\n" + r);
    }

    /** A one-layer R2Conv network trivial(1) -> regular(D4) x 1 on 9 x 9 maps. */
    private static MultiLayerNetwork convolution() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(1)
                .dataType(DataType.DOUBLE).list()
                .layer(new R2Conv.Builder(FieldType.trivial(D4, 1), FieldType.regular(D4, 1), 3).padding(1).build())
                .setInputType(InputType.convolutional(9, 9, 1)).validateOutputLayerConfig(false).build());
        net.init();
        return net;
    }

    private static EquivarianceReport check(java.util.function.UnaryOperator<INDArray> f) {
        return EquivarianceCheck.of(f, FieldType.trivial(D4, 1), FieldType.regular(D4, 1)).inputSize(9, 9)
                .dataType(DataType.DOUBLE).run();
    }

    private static void assertDegenerate(EquivarianceReport r, String reason) {
        assertTrue(r.degenerate(), "expected a degenerate report, got:\n" + r);
        assertTrue(r.degeneracy().contains(reason), "expected the reason '" + reason + "', got: " + r.degeneracy());
        assertTrue(r.toString().startsWith("DEGENERATE: " + r.degeneracy()), r.toString());
        assertEquals(Double.POSITIVE_INFINITY, r.maxExactRelativeError(), "a degenerate map fails every threshold");
        assertEquals(Double.POSITIVE_INFINITY, r.maxRelativeError());
        assertEquals(Double.POSITIVE_INFINITY, r.maxAbsoluteError());
    }

    @Test
    void anEquivariantNetworkIsNotDegenerate() {
        EquivarianceReport r = EquivarianceCheck.of(convolution(), FieldType.trivial(D4, 1), FieldType.regular(D4, 1))
                .inputSize(9, 9).run();
        assertFalse(r.degenerate(), r.toString());
        assertTrue(r.maxExactRelativeError() < 1e-10, r.toString());
    }

    @Test
    void aNetworkWhoseLastLayerMultipliesByZeroIsDegenerate() {
        MultiLayerNetwork net = convolution();
        net.params().assign(0);
        EquivarianceReport zeroWeights = EquivarianceCheck.of(net, FieldType.trivial(D4, 1), FieldType.regular(D4, 1))
                .inputSize(9, 9).run();
        assertDegenerate(zeroWeights, "the output is all zeros");
        MultiLayerNetwork working = convolution();
        assertDegenerate(check(x -> working.output(x).muli(0)), "the output is all zeros");
    }

    @Test
    void constantNonFiniteAndInputIndependentOutputsAreDegenerate() {
        MultiLayerNetwork net = convolution();
        assertDegenerate(check(x -> net.output(x).muli(0).addi(3)), "constant (every entry 3.0)");
        assertDegenerate(check(x -> net.output(x).assign(Double.NaN)), "NaN or infinite values (1296 of 1296 entries)");
        // a per-channel bias alone: not constant over channels, but the same whatever the input
        assertDegenerate(check(x -> {
            INDArray y = net.output(x).muli(0);
            for (int c = 0; c < 8; c++) {
                y.get(NDArrayIndex.all(), NDArrayIndex.point(c)).addi(c);
            }
            return y;
        }), "the same for all 2 random inputs");
        assertFalse(check(x -> {
            INDArray y = net.output(x);
            y.putScalar(new long[] {0, 0, 4, 4}, Double.NaN);
            return y;
        }).maxExactRelativeError() < 1, "one NaN entry makes the check fail");
    }

    @Test
    void anEquivariantNetworkPassesE2cnnsDefaultTolerance() {
        EquivarianceReport r = EquivarianceCheck.of(convolution(), FieldType.trivial(D4, 1), FieldType.regular(D4, 1))
                .inputSize(9, 9).assertEquivariant();
        assertEquals(EquivarianceCheck.DEFAULT_ATOL, r.atol());
        assertEquals(EquivarianceCheck.DEFAULT_RTOL, r.rtol());
        for (EquivarianceReport.ElementError e : r.errors()) {
            assertEquals(2L * 8 * 81, e.compared(), "every entry of the 2 x 8 x 9 x 9 output");
            assertEquals(0, e.outsideTolerance(), e.toString());
        }
    }

    /**
     * f(x) = x + a bump of 0.5 at (example 1, row 2, column 3): f(g.x) keeps the bump there, g.f(x) moves it to
     * where g sends that pixel, so each non-identity element of C4 fails at exactly these two entries (the quarter
     * turn sends (2, 3) of a 9 x 9 grid to (5, 2), the half turn to (6, 5), three quarters to (3, 6)), and the
     * worst is one of them.
     */
    @Test
    void aLocalDefectIsFoundAtTheRightPositionAndReported() {
        GSpace c4 = GSpaces.rot2dOnR2(4);
        FieldType scalar = FieldType.trivial(c4, 1);
        EquivarianceCheck check = EquivarianceCheck.of(x -> {
            INDArray y = x.dup();
            y.putScalar(new long[] {1, 0, 2, 3}, y.getDouble(1, 0, 2, 3) + 0.5);
            return y;
        }, scalar, scalar).inputSize(9, 9).dataType(DataType.DOUBLE);
        EquivarianceReport r = check.run();
        assertTrue(r.errors().get(0).withinTolerance(), "the identity element");
        int[][] moved = {{5, 2}, {6, 5}, {3, 6}};
        for (int k = 1; k < 4; k++) {
            EquivarianceReport.ElementError e = r.errors().get(k);
            assertEquals(2, e.outsideTolerance(), "element " + k + ":\n" + r);
            assertEquals(0.5, e.maxAbsoluteError(), 1e-12);
            EquivarianceReport.Position w = e.worst();
            List<Long> at = List.of(w.example(), w.channel(), w.row(), w.column());
            assertTrue(at.equals(List.of(1L, 0L, 2L, 3L))
                    || at.equals(List.of(1L, 0L, (long) moved[k - 1][0], (long) moved[k - 1][1])),
                    "worst position of element " + k + ": " + w);
            assertEquals(0.5, w.error(), 1e-12, "the bump");
        }
        AssertionError failure = assertThrows(AssertionError.class, check::assertEquivariant);
        for (String fragment : new String[] {"atol 1.0e-07, rtol 1.0e-05", "element r1/4 (exact): 2 of 162 entries",
                "worst at (example 1, channel 0, row ", "error 5.000e-01 > allowed"}) {
            assertTrue(failure.getMessage().contains(fragment), "'" + fragment + "' in: " + failure.getMessage());
        }
        assertTrue(check.tolerance(0.5 + 1e-9, 0).run().withinTolerance(), "a bump of 0.5 within atol 0.5");
        assertFalse(check.tolerance(0.5 - 1e-9, 0).run().withinTolerance(), "and not within less");
    }

    @Test
    void aNaNInTheTransformedOutputFailsTheTolerance() {
        GSpace c4 = GSpaces.rot2dOnR2(4);
        FieldType scalar = FieldType.trivial(c4, 1);
        INDArray[] first = new INDArray[1];
        EquivarianceReport r = EquivarianceCheck.of(x -> {
            INDArray y = x.dup();
            if (first[0] != null && !first[0].equals(x)) {
                y.putScalar(new long[] {0, 0, 4, 4}, Double.NaN);
            }
            first[0] = first[0] == null ? x.dup() : first[0];
            return y;
        }, scalar, scalar).inputSize(9, 9).dataType(DataType.DOUBLE).run();
        assertFalse(r.degenerate(), "f(x) itself is finite");
        EquivarianceReport.ElementError quarter = r.errors().get(1);
        assertEquals(1, quarter.outsideTolerance(), "the NaN entry counts as outside");
        assertTrue(Double.isNaN(quarter.maxAbsoluteError()), "and is not dropped from the maximum");
        assertEquals(List.of(0L, 4L, 4L), List.of(quarter.worst().example(), quarter.worst().row(),
                quarter.worst().column()), "the NaN is the worst position");
        assertFalse(r.withinTolerance());
    }

    @Test
    void interpolatedElementsAreHeldToTheToleranceOnTheCentralDisk() {
        GSpace so2 = GSpaces.rot2dOnR2(-1, 2);
        FieldType scalar = FieldType.trivial(so2, 1);
        EquivarianceReport r = EquivarianceCheck.of(x -> x.mul(2), scalar, scalar).inputSize(17, 17)
                .dataType(DataType.DOUBLE).elements(List.of(GroupElement.continuous(0, 0.3))).assertEquivariant();
        // a linear map of scalars commutes with the spline resampling: within tolerance on the central disk
        assertEquals(2L * countDisk(17), r.errors().get(0).compared(), "2 examples x the disk's pixels");
        assertRejected(() -> EquivarianceCheck.of(x -> x, scalar, scalar).tolerance(-1, 0), "tolerances", ">= 0",
                "atol -1.0");
        assertRejected(() -> EquivarianceCheck.of(x -> x, scalar, scalar).tolerance(0, Double.NaN), "rtol NaN");
    }

    private static long countDisk(int n) {
        long count = 0;
        double radius = n / 4.0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double dy = r - (n - 1) / 2.0;
                double dx = c - (n - 1) / 2.0;
                count += dx * dx + dy * dy <= radius * radius ? 1 : 0;
            }
        }
        return count;
    }
}
