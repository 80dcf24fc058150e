package org.e2dl4j.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.kernel.BasisPolicy;
import org.e2dl4j.math.kernel.LayerBasis;
import org.e2dl4j.math.repr.IrreducibleRepresentation;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.FieldType;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The compact bias expansion gives what e2cnn's dense one gives: here the dense {@code outC x nb} matrix is built
 * independently from each output field's change of basis (column j holds, on its field's channels, the column of
 * Q that belongs to the j-th trivial irrep of the output type), and both directions are compared on random
 * field types with interleaved representations.
 */
class BiasExpansionTest {

    private static final double TOL = 1e-12;

    /** e2cnn's bias expansion as a dense matrix, from the representations' changes of basis. */
    private static double[][] denseExpansion(List<Representation> fields) {
        int channels = fields.stream().mapToInt(Representation::size).sum();
        int trivials = fields.stream().mapToInt(Representation::trivialCount).sum();
        double[][] e = new double[channels][trivials];
        int channel = 0;
        int column = 0;
        for (Representation r : fields) {
            double[][] q = r.changeOfBasis();
            int position = 0;
            for (IrreducibleRepresentation irr : r.irreps()) {
                if (irr.isTrivial()) {
                    for (int row = 0; row < r.size(); row++) {
                        e[channel + row][column] = q[row][position];
                    }
                    column++;
                }
                position += irr.size();
            }
            channel += r.size();
        }
        return e;
    }

    private static List<Representation> pool(GSpace gs) {
        List<Representation> pool = new ArrayList<>(List.of(gs.trivialRepr(), gs.regularRepr()));
        pool.addAll(gs.irreps());
        if (gs.fibergroup().hasReflections()) {
            pool.add(gs.quotientRepr(SubgroupId.dihedral(null, gs.fibergroup().rotationOrder())));
            pool.add(gs.quotientRepr(SubgroupId.dihedral(0, 1)));
        } else if (gs.fibergroup().rotationOrder() % 2 == 0) {
            pool.add(gs.quotientRepr(SubgroupId.rotations(2)));
        }
        return pool;
    }

    @Test
    void compactExpansionEqualsTheDenseOneOnRandomFieldTypes() {
        Random rnd = new Random(12);
        List<GSpace> spaces = List.of(GSpaces.rot2dOnR2(4), GSpaces.rot2dOnR2(8), GSpaces.rot2dOnR2(3),
                GSpaces.flipRot2dOnR2(4), GSpaces.flipRot2dOnR2(3), GSpaces.flip2dOnR2());
        int compared = 0;
        for (int trial = 0; trial < 60; trial++) {
            GSpace gs = spaces.get(rnd.nextInt(spaces.size()));
            List<Representation> pool = pool(gs);
            List<Representation> out = new ArrayList<>();
            int fields = 1 + rnd.nextInt(14);
            for (int f = 0; f < fields; f++) {
                // runs of equal fields as well as interleaving
                Representation r = pool.get(rnd.nextInt(pool.size()));
                int copies = 1 + rnd.nextInt(3);
                for (int c = 0; c < copies; c++) {
                    out.add(r);
                }
            }
            out.add(gs.trivialRepr());
            LayerBasis basis = LayerBasis.of(gs, List.of(gs.trivialRepr()), out, 3, 1, BasisPolicy.defaults());
            double[][] dense = denseExpansion(out);
            int nb = basis.biasDimension();
            assertEquals(dense[0].length, nb, "trial " + trial + ": one parameter per trivial irrep");
            int channels = dense.length;
            BiasExpansion compact = new BiasExpansion(basis.biasBlocks(), channels, DataType.DOUBLE);

            // the bias parameters as a view inside a longer flat vector, as the network holds them
            INDArray flat = Nd4j.rand(DataType.DOUBLE, 5 + nb);
            INDArray bias = flat.get(NDArrayIndex.interval(5, 5 + nb));
            double[] b = bias.toDoubleVector();
            double[] expected = new double[channels];
            for (int c = 0; c < channels; c++) {
                for (int j = 0; j < nb; j++) {
                    expected[c] += dense[c][j] * b[j];
                }
            }
            compact.expand(bias);
            assertArrayEquals(expected, compact.expanded().toDoubleVector(), TOL, "trial " + trial + ": " + out);

            double[] g = new double[channels];
            for (int c = 0; c < channels; c++) {
                g[c] = rnd.nextGaussian();
            }
            compact.gradientBuffer().assign(Nd4j.createFromArray(g));
            INDArray gradFlat = Nd4j.valueArrayOf(new long[] {3 + nb}, Double.NaN, DataType.DOUBLE);
            INDArray gradBias = gradFlat.get(NDArrayIndex.interval(3, 3 + nb));
            compact.backprop(gradBias);
            double[] expectedGrad = new double[nb];
            for (int j = 0; j < nb; j++) {
                for (int c = 0; c < channels; c++) {
                    expectedGrad[j] += dense[c][j] * g[c];
                }
            }
            assertArrayEquals(expectedGrad, gradBias.toDoubleVector(), TOL, "trial " + trial + ": E^T g, " + out);
            for (int i = 0; i < 3; i++) {
                assertEquals(Double.NaN, gradFlat.getDouble(i), "trial " + trial + ": nothing written before the view");
            }
            compared++;
        }
        assertEquals(60, compared);
    }

    @Test
    void theExportedStockBiasIsTheDenseExpansion() {
        GSpace d4 = GSpaces.flipRot2dOnR2(4);
        List<Representation> out = List.of(d4.regularRepr(), d4.irrep(1, 1), d4.trivialRepr(), d4.regularRepr(),
                d4.quotientRepr(SubgroupId.dihedral(0, 1)), d4.trivialRepr());
        FieldType outType = new FieldType(d4, out);
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .list().layer(new R2Conv.Builder(FieldType.trivial(d4, 1), outType, 3).build())
                .validateOutputLayerConfig(false).build());
        net.init();
        R2ConvLayer layer = (R2ConvLayer) net.getLayer(0);
        INDArray b = layer.getParam(R2ConvParamInitializer.BIAS_KEY);
        double[] params = new double[(int) b.length()];
        Random rnd = new Random(3);
        for (int j = 0; j < params.length; j++) {
            params[j] = rnd.nextGaussian();
        }
        layer.setParam(R2ConvParamInitializer.BIAS_KEY, Nd4j.createFromArray(params).reshape(b.shape()));
        double[][] dense = denseExpansion(out);
        double[] expected = new double[dense.length];
        for (int c = 0; c < dense.length; c++) {
            for (int j = 0; j < params.length; j++) {
                expected[c] += dense[c][j] * params[j];
            }
        }
        Map<String, INDArray> stock = layer.layerConf().stockParams(layer);
        double[] exported = stock.get("b").toDoubleVector();
        assertArrayEquals(expected, exported, TOL);
        assertEquals(0.0, exported[8], 0.0, "the irrep_1,1 channels 8, 9 carry no bias");
        assertEquals(0.0, exported[9], 0.0, "the irrep_1,1 channels 8, 9 carry no bias");
    }
}
