package org.e2dl4j.nn.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.kernel.SampledBasis;
import org.e2dl4j.math.repr.RecipeKey;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.testing.TestNetworks;
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
 * {@link TensorProductModule} against escnn 1.0.13's {@code TensorProductModule}
 * ({@code reference/data/tensor_product.json}, written by {@code reference/tensor_product.py}): the same number of
 * weights, the same irreps in rho (x) rho, every per-field matrix escnn expands from its seeded weights lies in the
 * span of this layer's basis (both act on the same coordinates x_i x_j; least-squares residual below 1e-6, so with
 * equal dimensions the two bases span the same space), and with the fitted weights the layer computes escnn's output.
 */
class TensorProductReferenceTest {

    /** The reference numbers are rounded to 8 decimals. */
    private static final double TOL = 1e-6;

    static List<JsonNode> cases() {
        List<JsonNode> list = new ArrayList<>();
        ReferenceFiles.read("tensor_product.json").get("cases").forEach(list::add);
        return list;
    }

    private static GSpace gspace(JsonNode spec) {
        return switch (spec.get("kind").asText()) {
            case "cyclic" -> GSpaces.rot2dOnR2(spec.get("n").asInt());
            case "dihedral" -> GSpaces.flipRot2dOnR2(spec.get("n").asInt());
            case "so2" -> GSpaces.rot2dOnR2(-1, spec.get("maximumFrequency").asInt());
            case "o2" -> GSpaces.flipRot2dOnR2(-1, spec.get("maximumFrequency").asInt());
            default -> throw new IllegalArgumentException("unknown group spec " + spec);
        };
    }

    /** The field of a key of the script; its direct sums get a name here, as this library's sums need one. */
    private static FieldType field(GSpace gs, String key, int fields) {
        String named = key.startsWith("sum[") ? key + ":" + key : key;
        Representation rho = RecipeKey.parse(gs.fibergroup(), named).build(gs.fibergroup());
        return new FieldType(gs, Collections.nCopies(fields, rho));
    }

    /** escnn's id string of an irrep: (k,) or (j, k). */
    private static String escnnId(Representation irrep) {
        int[] id = ((org.e2dl4j.math.repr.IrreducibleRepresentation) irrep).id();
        return id.length == 1 ? "(" + id[0] + ",)"
                : Arrays.stream(id).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void escnnsMatricesLieInTheBasisAndGiveEscnnsOutput(JsonNode c) {
        String name = c.get("name").asText();
        GSpace gs = gspace(c.get("group"));
        int fields = c.get("fields").asInt();
        TensorProductModule layer = new TensorProductModule.Builder(field(gs, c.get("in_field").asText(), fields),
                field(gs, c.get("out_field").asText(), fields)).build();
        assertEquals(c.get("dimension").asLong(), layer.initializer().numParams(layer), name + ": weights");
        Representation tensor = layer.tensorRepresentation();
        assertEquals(c.get("tensor_size").asInt(), tensor.size(), name + ": size of rho (x) rho");
        List<String> expectedIrreps = new ArrayList<>();
        c.get("tensor_irreps").forEach(n -> expectedIrreps.add(n.asText()));
        assertEquals(expectedIrreps, tensor.irreps().stream().map(TensorProductReferenceTest::escnnId).sorted().toList(),
                name + ": irreps of rho (x) rho");

        SampledBasis basis = layer.layerBasis().pairs().get(0).basis();
        int dim = basis.dimension();
        int width = basis.outSize() * basis.inSize();
        RealMatrix a = new Array2DRowRealMatrix(width, dim);
        for (int k = 0; k < dim; k++) {
            for (int e = 0; e < width; e++) {
                a.setEntry(e, k, basis.data()[k * width + e]);
            }
        }
        QRDecomposition qr = new QRDecomposition(a);
        JsonNode matrix = c.get("matrix");
        int o = basis.outSize();
        double[] weights = new double[fields * dim];
        for (int f = 0; f < fields; f++) {
            RealVector target = new ArrayRealVector(width);
            for (int r = 0; r < o; r++) {
                for (int i = 0; i < basis.inSize(); i++) {
                    target.setEntry(r * basis.inSize() + i, matrix.get(f * o + r).get(i).asDouble());
                }
            }
            RealVector w = qr.getSolver().solve(target);
            double residual = a.operate(w).subtract(target).getLInfNorm();
            assertEquals(0, residual, TOL, name + ": field " + f + ": escnn's matrix is outside the span of our basis");
            System.arraycopy(w.toArray(), 0, weights, f * dim, dim);
        }

        INDArray x = array(c.get("input"));
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.DOUBLE, 1,
                TestNetworks.input(layer.getInType(), (int) x.size(2)), List.of(layer));
        net.getLayer(0).setParam("W", Nd4j.createFromArray(weights));
        double err = array(c.get("output")).sub(net.output(x)).amaxNumber().doubleValue();
        assertEquals(0, err, TOL, name + ": largest output difference");
    }

    /** A nested JSON array of numbers as a double array of its shape. */
    private static INDArray array(JsonNode node) {
        List<Long> shape = new ArrayList<>();
        for (JsonNode n = node; n.isArray(); n = n.get(0)) {
            shape.add((long) n.size());
        }
        List<Double> values = new ArrayList<>();
        collect(node, values);
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        return Nd4j.createFromArray(v).reshape('c', shape.stream().mapToLong(Long::longValue).toArray());
    }

    private static void collect(JsonNode node, List<Double> into) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, into));
        } else {
            into.add(node.asDouble());
        }
    }
}
