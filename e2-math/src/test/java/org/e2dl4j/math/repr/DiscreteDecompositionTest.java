package org.e2dl4j.math.repr;

import static org.e2dl4j.testing.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.Mat;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.SubgroupId;
import org.e2dl4j.math.group.TestGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Representations#fromDiscreteGroup}: hand-derived decompositions, escnn's decompositions
 * (representations.json, "discrete"), the decompositions of the representations the library builds, and the
 * refusal of inputs that are no orthogonal representation.
 */
class DiscreteDecompositionTest {

    private static final double EXACT = 1e-10;
    /** The file's numbers are rounded to 10 decimals. */
    private static final double REFERENCE = 1e-9;

    private static Map<GroupElement, double[][]> matrices(Group g, Function<GroupElement, double[][]> rho) {
        Map<GroupElement, double[][]> m = new HashMap<>();
        for (GroupElement x : g.elements()) {
            m.put(x, rho.apply(x));
        }
        return m;
    }

    private static double[][] rotation(double t) {
        return new double[][] {{Math.cos(t), -Math.sin(t)}, {Math.sin(t), Math.cos(t)}};
    }

    /** The permutation matrix e_i -> e_(image[i]). */
    private static double[][] permutation(int... image) {
        double[][] p = new double[image.length][image.length];
        for (int i = 0; i < image.length; i++) {
            p[image[i]][i] = 1;
        }
        return p;
    }

    private static List<String> names(Representation r) {
        return r.irreps().stream().map(Representation::name).toList();
    }

    /** rho(g) = Q P(g) Q^T with Q orthogonal, to rounding. */
    private static void assertDecomposes(Representation r, Map<GroupElement, double[][]> given, double tol) {
        double[][] q = r.changeOfBasis();
        Mat.assertClose(Mat.identity(q.length), Mat.multiply(q, Mat.transpose(q)), tol, r.name() + ": Q orthogonal");
        for (Map.Entry<GroupElement, double[][]> e : given.entrySet()) {
            Mat.assertClose(e.getValue(), r.matrix(e.getKey()), tol, r.name() + " at " + e.getKey());
        }
    }

    /** The rotations by multiples of 90 degrees of the plane are C4's irrep_1. */
    @Test
    void rotationsOfThePlaneByQuarterTurnsAreIrrepOne() {
        Group c4 = Groups.cyclic(4);
        Map<GroupElement, double[][]> m = matrices(c4, x -> rotation(x.angle()));
        Representation r = Representations.fromDiscreteGroup(c4, "plane", m, EnumSet.of(Nonlinearity.NORM));
        assertEquals(List.of("irrep_1"), names(r));
        assertDecomposes(r, m, EXACT);
        assertEquals("plane", r.name());
    }

    /** C4 permuting 4 points cyclically is its regular representation: irrep_0, irrep_1, irrep_2 once each. */
    @Test
    void cyclicPermutationOfFourPointsIsTheRegularRepresentation() {
        Group c4 = Groups.cyclic(4);
        Map<GroupElement, double[][]> m = matrices(c4, x -> {
            int k = x.rotationIndex();
            return permutation(k % 4, (1 + k) % 4, (2 + k) % 4, (3 + k) % 4);
        });
        Representation r = Representations.fromDiscreteGroup(c4, "points", m, EnumSet.of(Nonlinearity.POINTWISE));
        assertEquals(List.of("irrep_0", "irrep_1", "irrep_2"), names(r));
        assertDecomposes(r, m, EXACT);
        for (GroupElement x : c4.elements()) {
            assertEquals(x.rotationIndex() == 0 ? 4 : 0, r.character(x), EXACT, "character at " + x);
            assertEquals(Representations.regular(c4).character(x), r.character(x), EXACT, "regular character at " + x);
        }
        assertTrue(r.isPermutation(), "pointwise is accepted for permutation matrices");
    }

    /**
     * D4 on the square's vertices (at pi/4 + i pi/2): r^k f^j sends vertex i to k + (-1)^j i - j. Characters: 4 at
     * e, 0 at the other rotations, 2 at r^k f for odd k (the diagonal reflections fix two vertices), 0 for even k;
     * so irrep_0,0 + irrep_1,1 + irrep_1,2 (irrep_1,2 is -(-1)^k on r^k f).
     */
    @Test
    void dihedralGroupOnTheSquaresVertices() {
        Group d4 = Groups.dihedral(4);
        Map<GroupElement, double[][]> m = matrices(d4, x -> {
            int[] image = new int[4];
            for (int i = 0; i < 4; i++) {
                image[i] = Math.floorMod(x.rotationIndex() + (x.flip() == 1 ? -i : i) - x.flip(), 4);
            }
            return permutation(image);
        });
        Representation r = Representations.fromDiscreteGroup(d4, "square", m, EnumSet.of(Nonlinearity.POINTWISE));
        assertEquals(List.of("irrep_0,0", "irrep_1,1", "irrep_1,2"), names(r));
        assertDecomposes(r, m, EXACT);
        for (GroupElement x : d4.elements()) {
            double expected = x.flip() == 0 ? (x.rotationIndex() == 0 ? 4 : 0) : (x.rotationIndex() % 2 == 1 ? 2 : 0);
            assertEquals(expected, r.character(x), EXACT, "character at " + x);
        }
    }

    static Stream<Arguments> libraryRepresentations() {
        List<Arguments> args = new ArrayList<>();
        for (int n : new int[] {1, 2, 3, 4, 5, 6, 8}) {
            for (Group g : List.of(Groups.cyclic(n), Groups.dihedral(n))) {
                args.add(Arguments.of(Representations.regular(g)));
                for (SubgroupId id : TestGroups.subgroupIds(g)) {
                    args.add(Arguments.of(Representations.quotient(g, id)));
                }
                args.add(Arguments.of(Representations.directSum(Representations.irreps(g), null)));
            }
        }
        return args.stream();
    }

    /**
     * The matrices of regular, quotient and direct-sum representations decompose into the same irreps (each
     * irrep as often) and are rebuilt; the irreps come in name order.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("libraryRepresentations")
    void matricesOfBuiltRepresentationsDecomposeIntoTheSameIrreps(Representation built) {
        Group g = built.group();
        Map<GroupElement, double[][]> m = matrices(g, built::matrix);
        Representation r = Representations.fromDiscreteGroup(g, "copy", m, EnumSet.noneOf(Nonlinearity.class));
        List<String> expected = new ArrayList<>(names(built));
        expected.sort(String::compareTo);
        assertEquals(expected, names(r), built + ": irreps");
        assertDecomposes(r, m, EXACT);
    }

    static Stream<String> escnnCases() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = ReferenceData.read("representations.json").get("discrete").fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys.stream();
    }

    /**
     * escnn's decomposition: the same irreps in the same order, escnn's irrep matrices are ours, escnn's Q also
     * decomposes the input, and the two changes of basis differ by an automorphism of the direct sum of irreps
     * (W = Q^T Q_escnn commutes with every P(g)), the freedom e2cnn and escnn leave.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("escnnCases")
    void decompositionAgreesWithEscnn(String key) {
        JsonNode ref = ReferenceData.read("representations.json").get("discrete").get(key);
        String name = ref.get("group").asText();
        Group g = name.startsWith("C") ? Groups.cyclic(Integer.parseInt(name.substring(1)))
                : Groups.dihedral(Integer.parseInt(name.substring(1)));
        Map<GroupElement, double[][]> m = new HashMap<>();
        List<GroupElement> els = new ArrayList<>();
        for (int e = 0; e < ref.get("elements").size(); e++) {
            JsonNode el = ref.get("elements").get(e);
            GroupElement x = GroupElement.finite(el.get(0).asInt(), el.get(1).asInt(), g.rotationOrder());
            els.add(x);
            m.put(x, ReferenceData.matrix(ref.get("matrices").get(e)));
        }
        assertEquals(g.order(), m.size(), key + ": one matrix per element");
        Representation r = Representations.fromDiscreteGroup(g, key, m, EnumSet.noneOf(Nonlinearity.class));
        assertEquals(ReferenceData.strings(ref.get("irreps")), names(r), key + ": irreps");
        assertDecomposes(r, m, REFERENCE);
        ref.get("irrep_matrices").fields().forEachRemaining(irr -> {
            for (int e = 0; e < els.size(); e++) {
                Mat.assertClose(ReferenceData.matrix(irr.getValue().get(e)),
                        Representations.irrepByName(g, irr.getKey()).matrix(els.get(e)), REFERENCE,
                        key + ": escnn's " + irr.getKey() + " at " + els.get(e));
            }
        });
        double[][] qEscnn = ReferenceData.matrix(ref.get("change_of_basis"));
        double[][] qEscnnInv = Mat.transpose(qEscnn);
        Mat.assertClose(Mat.identity(qEscnn.length), Mat.multiply(qEscnn, qEscnnInv), 1e-6, key + ": escnn's Q orthogonal");
        double[][] w = Mat.multiply(Mat.transpose(r.changeOfBasis()), qEscnn);
        for (GroupElement x : els) {
            double[][] p = Mat.multiply(Mat.multiply(Mat.transpose(r.changeOfBasis()), r.matrix(x)), r.changeOfBasis());
            Mat.assertClose(m.get(x), Mat.multiply(Mat.multiply(qEscnn, p), qEscnnInv), 1e-6,
                    key + ": escnn's Q decomposes the input at " + x);
            Mat.assertClose(Mat.multiply(w, p), Mat.multiply(p, w), 1e-6, key + ": W commutes with P at " + x);
        }
    }

    @Test
    void inputsThatAreNoOrthogonalRepresentationAreRefused() {
        Group c4 = Groups.cyclic(4);
        Map<GroupElement, double[][]> good = matrices(c4, x -> rotation(x.angle()));
        Map<GroupElement, double[][]> missing = new HashMap<>(good);
        missing.remove(GroupElement.finite(0, 3, 4));
        assertRejected(() -> Representations.fromDiscreteGroup(c4, "plane", missing, EnumSet.noneOf(Nonlinearity.class)),
                "user representation 'plane' of C4", "every one of the 4 elements", "missing: [r3/4]");
        Map<GroupElement, double[][]> foreign = new HashMap<>(good);
        foreign.put(GroupElement.finite(0, 1, 8), rotation(Math.PI / 4));
        assertRejected(() -> Representations.fromDiscreteGroup(c4, "plane", foreign, EnumSet.noneOf(Nonlinearity.class)),
                "r1/8 is not an element of C4");
        Map<GroupElement, double[][]> wrongSize = new HashMap<>(good);
        wrongSize.put(GroupElement.finite(0, 2, 4), Mat.identity(3));
        assertRejected(() -> Representations.fromDiscreteGroup(c4, "plane", wrongSize, EnumSet.noneOf(Nonlinearity.class)),
                "the matrix of r2/4", "must be 2 x 2", "3 rows");
        Map<GroupElement, double[][]> notOrthogonal = matrices(c4, x -> new double[][] {{1, x.rotationIndex()}, {0, 1}});
        assertRejected(() -> Representations.fromDiscreteGroup(c4, "shear", notOrthogonal, EnumSet.noneOf(Nonlinearity.class)),
                "must be orthogonal", "rho(r1/4)");
        Map<GroupElement, double[][]> notHomomorphism = matrices(c4, x -> rotation(x.angle() * x.rotationIndex()));
        assertRejected(() -> Representations.fromDiscreteGroup(c4, "squared", notHomomorphism,
                EnumSet.noneOf(Nonlinearity.class)), "is not a homomorphism", "rho(r1/4) rho(r1/4) differs from rho(r2/4)");
        Map<GroupElement, double[][]> nan = new HashMap<>(good);
        nan.put(GroupElement.finite(0, 1, 4), new double[][] {{Double.NaN, 0}, {0, 1}});
        assertRejected(() -> Representations.fromDiscreteGroup(c4, "plane", nan, EnumSet.noneOf(Nonlinearity.class)),
                "the matrix of r1/4 must be finite, got NaN");
        assertRejected(() -> Representations.fromDiscreteGroup(Groups.so2(2), "plane", good,
                EnumSet.noneOf(Nonlinearity.class)), "SO(2) is continuous", "Representations.fromIrreps");
        assertRejected(() -> Representations.fromDiscreteGroup(c4, " ", good, EnumSet.noneOf(Nonlinearity.class)),
                "needs a name");
        assertRejected(() -> Representations.fromDiscreteGroup(c4, "plane", good, EnumSet.of(Nonlinearity.POINTWISE)),
                "cannot claim 'pointwise'", "a permutation matrix", "rho(r1/4)");
    }
}
