package org.e2dl4j.nn.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution3D;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.testing.ReferenceFiles;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * R3Conv and R3ConvTransposed against escnn 1.0.13 ({@code reference/r3conv.py} -> {@code r3conv.json}): for each
 * configuration the layer's basis has escnn's dimension; escnn's expanded filter (for its seeded weights) lies in
 * the span of this library's basis (least-squares residual below 1e-7 of the filter) and so does escnn's expanded
 * bias; and with the weights and bias so found the layer's output on escnn's input is escnn's output. The bases need
 * not agree element by element (the test never compares weights), only what the layers compute: the filter as a
 * function on the voxel grid in torch's [out, in, D, H, W] layout, the bias, and the convolution's geometry.
 */
class R3ConvReferenceTest {

    /** escnn's values are rounded to 8 decimals. */
    private static final double SPAN_TOLERANCE = 1e-7;
    private static final double OUTPUT_TOLERANCE = 1e-6;

    static Stream<JsonNode> cases() {
        List<JsonNode> cases = new ArrayList<>();
        ReferenceFiles.read("r3conv.json").get("cases").forEach(cases::add);
        return cases.stream();
    }

    private static GSpace gspace(String name) {
        return switch (name) {
            case "rot3dOnR3" -> GSpaces.rot3dOnR3();
            case "flipRot3dOnR3" -> GSpaces.flipRot3dOnR3();
            case "octaOnR3" -> GSpaces.octaOnR3();
            case "trivialOnR3" -> GSpaces.trivialOnR3();
            case "rot2dOnR3(4)" -> GSpaces.rot2dOnR3(4);
            case "dihedralOnR3(4)" -> GSpaces.dihedralOnR3(4);
            case "invOnR3" -> GSpaces.invOnR3();
            default -> throw new IllegalArgumentException("unknown G-space " + name);
        };
    }

    private static FieldType type(GSpace gs, JsonNode keys) {
        List<Representation> fields = new ArrayList<>();
        for (JsonNode key : keys) {
            String k = key.asText();
            if (k.equals("trivial")) {
                fields.add(gs.trivialRepr());
            } else if (k.equals("regular")) {
                fields.add(gs.regularRepr());
            } else {
                String[] ids = k.substring("irrep:".length()).split(",");
                int[] id = new int[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    id[i] = Integer.parseInt(ids[i]);
                }
                fields.add(gs.irrep(id));
            }
        }
        return new FieldType(gs, fields);
    }

    private static AbstractR2Conv layer(JsonNode c) {
        GSpace gs = gspace(c.get("gspace").asText());
        FieldType in = type(gs, c.get("in_fields"));
        FieldType out = type(gs, c.get("out_fields"));
        int k = c.get("kernel_size").asInt();
        if (c.get("transposed").asBoolean()) {
            return new R3ConvTransposed.Builder(in, out, k).stride(c.get("stride").asInt())
                    .padding(c.get("padding").asInt()).dilation(c.get("dilation").asInt())
                    .outputPadding(c.get("output_padding").asInt()).build();
        }
        return new R3Conv.Builder(in, out, k).stride(c.get("stride").asInt()).padding(c.get("padding").asInt())
                .dilation(c.get("dilation").asInt()).build();
    }

    private static INDArray array(JsonNode values, JsonNode shape) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).asDouble();
        }
        long[] s = new long[shape.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape.get(i).asLong();
        }
        return Nd4j.createFromArray(v).reshape('c', s);
    }

    private static double[] values(JsonNode values) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).asDouble();
        }
        return v;
    }

    /**
     * The coefficients x of {@code target} in the span of the columns, and the relative residual
     * |A x - target| / |target|.
     */
    private static double[] project(double[][] columns, double[] target, double[] residual) {
        RealMatrix a = new Array2DRowRealMatrix(target.length, columns.length);
        for (int j = 0; j < columns.length; j++) {
            a.setColumn(j, columns[j]);
        }
        RealVector b = new ArrayRealVector(target);
        RealVector x = new QRDecomposition(a, 1e-12).getSolver().solve(b);
        residual[0] = a.operate(x).subtract(b).getNorm() / Math.max(1e-300, b.getNorm());
        return x.toArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void escnnsFilterBiasAndOutputAreReproduced(JsonNode c) {
        String name = c.get("name").asText();
        AbstractR2Conv conf = layer(c);
        assertEquals(c.get("dimension").asInt(), conf.layerBasis().dimension(), name + ": basis dimension");
        JsonNode inShape = c.get("input_shape");
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .list().layer(conf).setInputType(InputType.convolutional3D(Convolution3D.DataFormat.NCDHW,
                        inShape.get(2).asLong(), inShape.get(3).asLong(), inShape.get(4).asLong(),
                        inShape.get(1).asLong()))
                .validateOutputLayerConfig(false).build());
        net.init();
        R2ConvLayer layer = (R2ConvLayer) net.getLayer(0);

        double[] filter = values(c.get("filter"));
        int dimension = conf.layerBasis().dimension();
        double[][] columns = new double[dimension][];
        INDArray w = layer.getParam(R2ConvParamInitializer.WEIGHT_KEY);
        for (int j = 0; j < dimension; j++) {
            w.assign(0);
            w.putScalar(j, 1.0);
            INDArray expanded = layer.expandedFilter();
            assertArrayEquals(array(c.get("filter"), c.get("filter_shape")).shape(), expanded.shape(),
                    name + ": filter shape");
            columns[j] = expanded.reshape(expanded.length()).toDoubleVector();
        }
        double[] residual = new double[1];
        double[] weights = project(columns, filter, residual);
        assertTrue(residual[0] <= SPAN_TOLERANCE, name + ": escnn's filter lies in our span, relative residual "
                + residual[0]);
        w.assign(Nd4j.createFromArray(weights));

        if (conf.hasBiasParams()) {
            INDArray b = layer.getParam(R2ConvParamInitializer.BIAS_KEY);
            double[][] biasColumns = new double[(int) b.length()][];
            for (int j = 0; j < biasColumns.length; j++) {
                b.assign(0);
                b.putScalar(j, 1.0);
                biasColumns[j] = layer.expandedBias().toDoubleVector();
            }
            double[] biasResidual = new double[1];
            double[] bias = project(biasColumns, values(c.get("expanded_bias")), biasResidual);
            assertTrue(biasResidual[0] <= SPAN_TOLERANCE, name + ": escnn's bias, residual " + biasResidual[0]);
            b.assign(Nd4j.createFromArray(bias));
        }
        assertEquals(c.get("bias_dimension").asInt(), conf.hasBiasParams() ? conf.layerBasis().biasDimension() : 0,
                name + ": bias dimension");

        INDArray x = array(c.get("input"), inShape);
        INDArray expected = array(c.get("output"), c.get("output_shape"));
        INDArray y = layer.activate(x, false, LayerWorkspaceMgr.noWorkspaces());
        assertArrayEquals(expected.shape(), y.shape(), name + ": output shape");
        double error = expected.sub(y).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue();
        assertTrue(error <= OUTPUT_TOLERANCE, name + ": relative output error " + error);
    }
}
