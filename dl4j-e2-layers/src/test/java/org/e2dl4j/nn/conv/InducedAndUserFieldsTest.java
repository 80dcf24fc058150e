package org.e2dl4j.nn.conv;

import static org.e2dl4j.nn.testing.TestNetworks.input;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.gspace.GSpace;
import org.e2dl4j.math.gspace.GSpaces;
import org.e2dl4j.math.repr.Nonlinearity;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.FieldTypeJson;
import org.e2dl4j.nn.testing.LayerContract;
import org.e2dl4j.nn.testing.TestNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * R2Conv between fields of O(2) induced from SO(2), the quotient O(2) / SO(2), and user representations (built
 * from irreps and a change of basis, or decomposed from matrices): e2cnn's parameter counts, equivariance on the
 * grid-preserving elements, gradients, JSON and ModelSerializer round trips, export to stock DL4J.
 */
class InducedAndUserFieldsTest {

    private static final GSpace O2 = GSpaces.flipRot2dOnR2(-1, 3);
    private static final GSpace D4 = GSpaces.flipRot2dOnR2(4);
    private static final SubgroupId SO2 = SubgroupId.orthogonal(null, -1);
    private static final double S = 0.6;
    private static final double C = 0.8;

    private static Representation induced(int k) {
        Group g = O2.fibergroup();
        return Representations.induced(g, SO2, Representations.irrep(g.subgroup(SO2).group(), k));
    }

    /** e2cnn's user_a of representations.json: irrep_0,0 (+) irrep_1,1 mixed by a rotation in the (x, z) plane. */
    private static Representation userA() {
        Group g = O2.fibergroup();
        return Representations.fromIrreps(g, "user_a", List.of(Representations.irrep(g, 0, 0),
                Representations.irrep(g, 1, 1)), new double[][] {{S, 0, -C}, {0, 1, 0}, {C, 0, S}},
                EnumSet.of(Nonlinearity.NORM, Nonlinearity.GATED));
    }

    /** D4 permuting the square's vertices (at pi/4 + i pi/2): r^k f^j sends vertex i to k + (-1)^j i - j. */
    private static Representation square() {
        Group d4 = D4.fibergroup();
        Map<GroupElement, double[][]> m = new HashMap<>();
        for (GroupElement x : d4.elements()) {
            double[][] p = new double[4][4];
            for (int i = 0; i < 4; i++) {
                p[Math.floorMod(x.rotationIndex() + (x.flip() == 1 ? -i : i) - x.flip(), 4)][i] = 1;
            }
            m.put(x, p);
        }
        return Representations.fromDiscreteGroup(d4, "D4_vertices", m, EnumSet.of(Nonlinearity.POINTWISE));
    }

    private static final FieldType O2_IN = FieldType.trivial(O2, 1).plus(FieldType.of(O2,
            Representations.quotient(O2.fibergroup(), SO2), 1));
    private static final FieldType O2_HIDDEN = new FieldType(O2, List.of(induced(1), userA(), induced(0)));
    private static final FieldType O2_OUT = new FieldType(O2, List.of(Representations.quotient(O2.fibergroup(), SO2),
            induced(2)));
    private static final FieldType D4_IN = FieldType.trivial(D4, 1);
    private static final FieldType D4_HIDDEN = FieldType.of(D4, square(), 2).plus(FieldType.irrep(D4, 1, 1, 1));

    private static Supplier<List<Layer>> o2Layers() {
        return () -> List.of(new R2Conv.Builder(O2_IN, O2_HIDDEN, 5).padding(2).build(),
                new R2Conv.Builder(O2_HIDDEN, O2_OUT, 3).padding(1).build());
    }

    private static Supplier<List<Layer>> d4Layers() {
        return () -> List.of(new R2Conv.Builder(D4_IN, D4_HIDDEN, 5).padding(2).build(),
                new R2Conv.Builder(D4_HIDDEN, D4_IN, 3).padding(1).build());
    }

    /** Weights plus bias of R2Conv equal e2cnn's for the representations.json configs O2_mixed and D4_user. */
    @Test
    void parameterCountsEqualE2cnns() {
        JsonNode r2conv = ReferenceData.read("representations.json").get("r2conv");
        // O2_mixed: 2 x irrep_0,0 + quotient -> induced[irrep_3] + irrep_1,1, kernel 7
        FieldType in = FieldType.trivial(O2, 2).plus(FieldType.of(O2, Representations.quotient(O2.fibergroup(), SO2), 1));
        FieldType out = new FieldType(O2, List.of(induced(3), O2.irrep(1, 1)));
        assertEquals(r2conv.get("O2_mixed").get("weights").asInt() + r2conv.get("O2_mixed").get("bias").asInt(),
                parameters(List.of(new R2Conv.Builder(in, out, 7).build()), in, 9), "O2_mixed");
        // D4_user: D4_vertices + irrep_1,1 -> 2 x D4_vertices + regular, kernel 5
        FieldType din = new FieldType(D4, List.of(square(), D4.irrep(1, 1)));
        FieldType dout = FieldType.of(D4, square(), 2).plus(FieldType.regular(D4, 1));
        assertEquals(r2conv.get("D4_user").get("weights").asInt() + r2conv.get("D4_user").get("bias").asInt(),
                parameters(List.of(new R2Conv.Builder(din, dout, 5).build()), din, 9), "D4_user");
    }

    private static long parameters(List<Layer> layers, FieldType in, int size) {
        MultiLayerNetwork net = TestNetworks.withLoss(DataType.FLOAT, 1, input(in, size), layers);
        return net.getLayer(0).numParams();
    }

    @Test
    void isEquivariantOnTheGridPreservingElements() {
        LayerContract.assertEquivariant("O(2) induced and user fields", input(O2_IN, 9), o2Layers(), O2_IN, O2_OUT, 1e-5);
        LayerContract.assertEquivariant("D4 square fields", input(D4_IN, 9), d4Layers(), D4_IN, D4_IN, 1e-5);
    }

    @Test
    void gradientsAreCorrectInDouble() {
        LayerContract.assertGradientsCorrect("O(2) induced and user fields", input(O2_IN, 7), o2Layers());
        LayerContract.assertGradientsCorrect("D4 square fields", input(D4_IN, 7), d4Layers());
    }

    @Test
    void configurationsAndModelsRoundTrip(@TempDir Path dir) throws Exception {
        for (Map.Entry<String, Supplier<List<Layer>>> e : Map.of("o2", o2Layers(), "d4", d4Layers()).entrySet()) {
            InputType type = input(e.getKey().equals("d4") ? D4_IN : O2_IN, 7);
            LayerContract.assertJsonRoundTrip(e.getKey(), type, e.getValue());
            LayerContract.assertSerializerRoundTrip(e.getKey(), type, e.getValue(),
                    Files.createDirectories(dir.resolve(e.getKey())));
        }
    }

    @Test
    void exportsToStockLayersWithTheSameOutput() {
        LayerContract.assertExportEquivalent("O(2) induced and user fields", input(O2_IN, 7), o2Layers());
        LayerContract.assertExportEquivalent("D4 square fields", input(D4_IN, 7), d4Layers());
    }

    /** The keys name the recipes: quotient and induced by SO(2), user data; older keys keep loading. */
    @Test
    void fieldTypesAreWrittenWithTheirRecipeKeys() {
        String o2 = FieldTypeJson.describe(O2_HIDDEN.plus(O2_OUT));
        assertTrue(o2.contains("\"induced:None,-1:1\"") && o2.contains("\"quotient:None,-1\"")
                && o2.contains("\"user:user_a:0,0;1,1:norm,gated:0.6,0.0,-0.8;0.0,1.0,0.0;0.8,0.0,0.6\""), o2);
        assertEquals(O2_HIDDEN.plus(O2_OUT), FieldTypeJson.parse(o2), "O(2) round trip through " + o2);
        String d4 = FieldTypeJson.describe(D4_HIDDEN);
        assertTrue(d4.contains("\"user:D4_vertices:0,0;1,1;1,2:pointwise:"), d4);
        assertEquals(D4_HIDDEN, FieldTypeJson.parse(d4), "D4 round trip through " + d4);
        FieldType old = FieldTypeJson.parse("{\"gspace\":\"flipRot2dOnR2\",\"n\":4,\"fields\":[\"regular*2\","
                + "\"irrep:1,1\",\"quotient:0,1\",\"induced:None,2:1\"]}");
        assertEquals(FieldType.regular(D4, 2).plus(FieldType.irrep(D4, 1, 1, 1)).plus(FieldType.of(D4,
                D4.quotientRepr(SubgroupId.dihedral(0, 1)), 1)).plus(FieldType.of(D4, D4.inducedRepr(
                SubgroupId.dihedral(null, 2), Representations.irrep(D4.fibergroup().subgroup(
                SubgroupId.dihedral(null, 2)).group(), 1)), 1)), old, "keys written before user representations");
    }
}
