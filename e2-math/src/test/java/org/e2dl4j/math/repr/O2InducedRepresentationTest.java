package org.e2dl4j.math.repr;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.Mat;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * O(2) induced from SO(2) and the quotient O(2) / SO(2): against e2cnn's (representations.json, "o2") and
 * against the coset construction derived by hand.
 */
class O2InducedRepresentationTest {

    /** The file's numbers are rounded to 10 decimals; products of a few of them stay within this. */
    private static final double REFERENCE = 1e-9;
    private static final double EXACT = 1e-12;
    private static final SubgroupId SO2 = SubgroupId.orthogonal(null, -1);

    private static JsonNode o2() {
        return ReferenceData.read("representations.json").get("o2");
    }

    private static Group group() {
        return Groups.o2(o2().get("maximum_frequency").asInt());
    }

    private static List<GroupElement> elements() {
        List<GroupElement> els = new ArrayList<>();
        for (JsonNode e : o2().get("elements")) {
            els.add(GroupElement.continuous(e.get(0).asInt(), e.get(1).asDouble()));
        }
        return els;
    }

    /** Our representation of an entry's e2cnn name: quotient[(None, -1)] or induced[(None, -1)][irrep_k]. */
    private static Representation ours(Group g, String name) {
        if (name.equals("quotient[(None, -1)]")) {
            return Representations.quotient(g, SO2);
        }
        int k = Integer.parseInt(name.substring(name.lastIndexOf('_') + 1, name.length() - 1));
        return Representations.induced(g, SO2, Representations.irrep(g.subgroup(SO2).group(), k));
    }

    static Stream<String> inducedNames() {
        List<String> names = new ArrayList<>();
        for (JsonNode e : o2().get("induced")) {
            names.add(e.get("name").asText());
        }
        return names.stream();
    }

    private static JsonNode entry(String name) {
        for (JsonNode e : o2().get("induced")) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Name, irreps, change of basis and its inverse, nonlinearities, matrices and characters equal e2cnn's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("inducedNames")
    void inducedRepresentationEqualsE2cnns(String name) {
        JsonNode ref = entry(name);
        Group g = group();
        Representation rho = ours(g, name);
        assertEquals(name, rho.name());
        assertEquals(ref.get("size").asInt(), rho.size(), name + ": size");
        assertEquals(ReferenceData.strings(ref.get("irreps")), rho.irreps().stream().map(Representation::name).toList(),
                name + ": irreps");
        Mat.assertClose(ReferenceData.matrix(ref.get("change_of_basis")), rho.changeOfBasis(), REFERENCE,
                name + ": change of basis");
        Mat.assertClose(ReferenceData.matrix(ref.get("change_of_basis_inv")), rho.changeOfBasisInv(), REFERENCE,
                name + ": inverse change of basis");
        assertEquals(nonlinearities(ReferenceData.strings(ref.get("supported_nonlinearities")), rho),
                rho.supportedNonlinearities(), name + ": nonlinearities");
        List<GroupElement> els = elements();
        for (int e = 0; e < els.size(); e++) {
            Mat.assertClose(ReferenceData.matrix(ref.get("matrices").get(e)), rho.matrix(els.get(e)), REFERENCE,
                    name + " at " + els.get(e));
            assertEquals(ref.get("characters").get(e).asDouble(), rho.character(els.get(e)), REFERENCE,
                    name + ": character at " + els.get(e));
        }
        JsonNode res = ref.get("restricted_to_so2");
        Representation restricted = Representations.restrict(rho, SO2);
        assertEquals(ReferenceData.strings(res.get("irreps")),
                restricted.irreps().stream().map(Representation::name).toList(), name + " on SO(2): irreps");
        Mat.assertClose(ReferenceData.matrix(res.get("change_of_basis")), restricted.changeOfBasis(), REFERENCE,
                name + " on SO(2): change of basis");
    }

    /** e2cnn's names with the sub-field size: induced_norm_d is INDUCED_NORM with d = the sub-field size. */
    private static Set<Nonlinearity> nonlinearities(List<String> e2cnn, Representation rho) {
        Set<Nonlinearity> out = EnumSet.noneOf(Nonlinearity.class);
        for (String n : e2cnn) {
            String base = n.replaceAll("_\\d+$", "");
            if (!base.equals(n)) {
                assertEquals(Integer.parseInt(n.substring(base.length() + 1)), rho.inducedSubfieldSize().getAsInt(),
                        rho.name() + ": sub-field size of " + n);
            }
            out.add(Nonlinearity.fromE2cnnName(base));
        }
        return out;
    }

    /** The restrictions to the turned copy (theta, -1) of O(2) equal e2cnn's. */
    @Test
    void restrictionsToTurnedO2EqualE2cnns() {
        Group g = group();
        List<GroupElement> els = elements();
        int checked = 0;
        for (JsonNode ref : o2().get("restricted_to_turned_o2")) {
            String of = ref.get("of").asText();
            SubgroupId id = SubgroupId.orthogonal(ref.get("theta").asDouble(), -1);
            Representation rho = of.startsWith("irrep_")
                    ? Representations.irrepByName(g, of) : ours(g, of);
            Representation r = Representations.restrict(rho, id);
            String where = of + " on " + id;
            assertEquals(g, r.group(), where + ": group");
            assertEquals(ReferenceData.strings(ref.get("irreps")), r.irreps().stream().map(Representation::name).toList(),
                    where + ": irreps");
            Mat.assertClose(ReferenceData.matrix(ref.get("change_of_basis")), r.changeOfBasis(), REFERENCE,
                    where + ": change of basis");
            for (int e = 0; e < els.size(); e++) {
                Mat.assertClose(ReferenceData.matrix(ref.get("matrices").get(e)), r.matrix(els.get(e)), REFERENCE,
                        where + " at " + els.get(e));
            }
            checked++;
        }
        assertEquals(10, checked, "restrictions in the reference file");
    }

    /** Where e2cnn refuses to induce to O(2), so do we, saying why. */
    @Test
    void inductionFromOtherSubgroupsIsRefusedAsInE2cnn() {
        Group g = group();
        for (JsonNode ref : o2().get("induction_refused")) {
            assertEquals(true, ref.get("error").asText().contains("not allowed"), "e2cnn refuses " + ref);
            JsonNode sid = ref.get("subgroup");
            SubgroupId id = SubgroupId.orthogonal(sid.get(0).isNull() ? null : sid.get(0).asDouble(), sid.get(1).asInt());
            IrreducibleRepresentation trivial = Representations.trivial(g.subgroup(id).group());
            assertRejected(() -> Representations.induced(g, id, trivial), "O(2) can only be induced from its subgroup"
                    + " SO(2)", id.toString(), id.order() == -1 ? "e2cnn does not" : "infinite-dimensional");
            assertRejected(() -> Representations.quotient(g, id), "O(2)", id.toString());
        }
    }

    /**
     * By hand, with the cosets SO(2) and f SO(2): r_t maps each block to itself by psi(t) and psi(-t); r_t f maps
     * the first block to the second by psi(-t) and the second to the first by psi(t). Exactly, at every testing
     * element, for every frequency.
     */
    @Test
    void inducedMatricesAreTheCosetBlockMatrices() {
        Group g = Groups.o2(5);
        Group so2 = g.subgroup(SO2).group();
        for (IrreducibleRepresentation psi : Representations.irreps(so2)) {
            Representation rho = Representations.induced(g, SO2, psi);
            int d = psi.size();
            for (GroupElement x : g.testingElements()) {
                double[][] plus = psi.matrix(GroupElement.continuous(0, x.angle()));
                double[][] minus = psi.matrix(GroupElement.continuous(0, -x.angle()));
                double[][] expected = new double[2 * d][2 * d];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        if (x.flip() == 0) {
                            expected[i][j] = plus[i][j];
                            expected[d + i][d + j] = minus[i][j];
                        } else {
                            expected[d + i][j] = minus[i][j];
                            expected[i][d + j] = plus[i][j];
                        }
                    }
                }
                Mat.assertClose(expected, rho.matrix(x), EXACT, rho.name() + " at " + x);
            }
            assertEquals(d, rho.inducedSubfieldSize().getAsInt(), rho.name() + ": sub-field size");
            Mat.assertClose(Mat.identity(2 * d), Mat.multiply(rho.changeOfBasis(), rho.changeOfBasisInv()), EXACT,
                    rho.name() + ": Q orthogonal");
        }
    }

    /** Homomorphism: rho(a) rho(b) = rho(ab) on the testing elements, for the quotient and induced fields. */
    @Test
    void inducedRepresentationsAreHomomorphisms() {
        Group g = Groups.o2(4);
        List<Representation> reps = new ArrayList<>();
        reps.add(Representations.quotient(g, SO2));
        for (IrreducibleRepresentation psi : Representations.irreps(g.subgroup(SO2).group())) {
            reps.add(Representations.induced(g, SO2, psi));
        }
        List<GroupElement> els = g.testingElements();
        for (Representation rho : reps) {
            for (GroupElement a : els) {
                for (GroupElement b : els.subList(0, els.size())) {
                    Mat.assertClose(rho.matrix(g.combine(a, b)), Mat.multiply(rho.matrix(a), rho.matrix(b)), 1e-11,
                            rho.name() + " at " + a + " * " + b);
                }
            }
        }
    }

    /** O(2) / SO(2): rotations fix both cosets, reflections swap them; a permutation field with one scalar. */
    @Test
    void quotientBySo2IsTheSignSwapOfTwoCosets() {
        Group g = Groups.o2(2);
        Representation q = Representations.quotient(g, SO2);
        for (GroupElement x : g.testingElements()) {
            double[][] expected = x.flip() == 0 ? Mat.identity(2) : new double[][] {{0, 1}, {1, 0}};
            Mat.assertClose(expected, q.matrix(x), EXACT, "quotient[(None, -1)] at " + x);
        }
        assertEquals(true, q.isPermutation(), "pointwise nonlinearities apply");
        assertEquals(1, q.trivialCount(), "one trivial irrep (one bias)");
        assertEquals(Representations.induced(g, SO2, Representations.trivial(g.subgroup(SO2).group())).changeOfBasis()[1][1],
                q.changeOfBasis()[1][1], EXACT, "the quotient is the induced trivial representation");
    }
}
