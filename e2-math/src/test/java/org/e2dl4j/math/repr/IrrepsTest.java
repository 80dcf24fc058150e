package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.Mat;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.group.Groups;
import org.e2dl4j.math.group.TestGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IrrepsTest {

    private static final double TOL = 1e-9;

    /** Angles sampled for the Haar integral over SO(2): exact for trigonometric polynomials of degree below. */
    private static final int ANGLES = 64;

    static Stream<Group> finiteGroups() {
        return TestGroups.finiteGroups().stream();
    }

    static Stream<Group> allGroups() {
        return Stream.concat(TestGroups.finiteGroups().stream(), TestGroups.continuousGroups().stream());
    }

    /**
     * Schur orthogonality of real characters: the Haar mean of chi_i(g) chi_j(g^-1) is 0 for i != j and
     * c_i (1 for real type, 2 for the complex-type irreps of C_N and SO(2)) for i = j.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allGroups")
    void charactersAreSchurOrthogonal(Group g) {
        List<GroupElement> els = haarSample(g);
        List<IrreducibleRepresentation> irreps = Representations.irreps(g);
        for (IrreducibleRepresentation a : irreps) {
            for (IrreducibleRepresentation b : irreps) {
                double mean = 0;
                for (GroupElement e : els) {
                    mean += a.character(e) * b.character(g.inverse(e));
                }
                mean /= els.size();
                double expected = a == b ? a.sumOfSquaresConstituents() : 0;
                assertEquals(expected, mean, TOL, g + ": <chi_" + a.name() + ", chi_" + b.name() + ">");
            }
        }
    }

    /** Over the reals, sum_i size_i^2 / c_i = |G| holds exactly when the list of irreps is complete. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("finiteGroups")
    void irrepsOfAFiniteGroupAreComplete(Group g) {
        int sum = 0;
        for (IrreducibleRepresentation irr : Representations.irreps(g)) {
            sum += irr.size() * irr.size() / irr.sumOfSquaresConstituents();
        }
        assertEquals(g.order(), sum, g + ": sum of size^2 / c over the irreps");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allGroups")
    void irrepIsFoundByItsIdAndName(Group g) {
        for (IrreducibleRepresentation irr : Representations.irreps(g)) {
            assertEquals(irr, Representations.irrep(g, irr.id()), g + ": irrep by id " + Arrays.toString(irr.id()));
            assertEquals(irr, Representations.irrepByName(g, irr.name()), g + ": irrep by name " + irr.name());
            String expectedName = "irrep_" + String.join(",", Arrays.stream(irr.id()).mapToObj(Integer::toString)
                    .toArray(String[]::new));
            assertEquals(expectedName, irr.name(), g + ": name from id");
        }
        assertTrue(Representations.trivial(g).isTrivial(), g + ": the trivial irrep");
    }

    static Stream<String> referenceGroups() {
        return ReferenceData.groupNames().stream();
    }

    /**
     * Names, ids, sizes, nonlinearities and matrices equal e2cnn's. The reference rounds every number to 8
     * decimals (error 5e-9), the SO(2) / O(2) angles included, which moves a frequency-k entry by up to
     * k * 5e-9: hence the tolerance 5e-9 (1 + k) + 1e-12 per entry, and size times that for a character.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceGroups")
    void irrepsEqualE2cnn(String key) {
        Group g = ReferenceData.group(key);
        JsonNode ref = ReferenceData.groupEntry(key).get("irreps");
        List<IrreducibleRepresentation> irreps = Representations.irreps(g);
        assertEquals(ref.size(), irreps.size(), key + ": number of irreps");
        List<GroupElement> els = ReferenceData.elements(key);
        for (int i = 0; i < irreps.size(); i++) {
            IrreducibleRepresentation irr = irreps.get(i);
            JsonNode r = ref.get(i);
            String where = key + "|" + irr.name();
            assertEquals(r.get("name").asText(), irr.name(), key + ": name of irrep " + i);
            int[] id = new int[r.get("id").size()];
            for (int j = 0; j < id.length; j++) {
                id[j] = r.get("id").get(j).asInt();
            }
            assertArrayEquals(id, irr.id(), where + ": id");
            assertEquals(r.get("size").asInt(), irr.size(), where + ": size");
            assertEquals(r.get("sum_of_squares_constituents").asInt(), irr.sumOfSquaresConstituents(),
                    where + ": sum of squares of constituents");
            assertEquals(r.get("is_trivial").asBoolean(), irr.isTrivial(), where + ": is trivial");
            Set<String> supported = new TreeSet<>();
            irr.supportedNonlinearities().forEach(n -> supported.add(n.e2cnnName()));
            assertEquals(new TreeSet<>(ReferenceData.strings(r.get("supported_nonlinearities"))), supported,
                    where + ": supported nonlinearities");
            double tol = ReferenceData.ROUNDING * (1 + irr.frequency()) + 1e-12;
            for (int e = 0; e < els.size(); e++) {
                Mat.assertClose(ReferenceData.matrix(r.get("matrices").get(e)), irr.matrix(els.get(e)), tol,
                        where + " at " + els.get(e));
                assertEquals(r.get("characters").get(e).asDouble(), irr.character(els.get(e)), irr.size() * tol,
                        where + ": character at " + els.get(e));
            }
        }
    }

    @Test
    void irrepIdThatDoesNotExistIsRejectedWithTheValidIds() {
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> Representations.irrep(Groups.cyclic(4), 3));
        assertTrue(c.getMessage().contains("valid ids: [0] [1] [2]"), "C4 irrep 3: " + c.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> Representations.irrep(Groups.dihedral(3), 0, 1));
        assertTrue(d.getMessage().contains("valid ids: [0, 0] [1, 0] [1, 1]"), "D3 irrep 0,1: " + d.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> Representations.irrep(Groups.so2(2), 3));
        assertTrue(s.getMessage().contains("maximum frequency"), "SO(2) irrep 3 of 2: " + s.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Representations.irrepByName(Groups.cyclic(4), "irrep_9"));
    }

    /** All elements of a finite group; for SO(2) / O(2) equally spaced angles (with and without flip). */
    private static List<GroupElement> haarSample(Group g) {
        if (g.isFinite()) {
            return g.elements();
        }
        List<GroupElement> els = new ArrayList<>();
        for (int f = 0; f < (g.hasReflections() ? 2 : 1); f++) {
            for (int i = 0; i < ANGLES; i++) {
                els.add(GroupElement.continuous(f, 2 * Math.PI * i / ANGLES));
            }
        }
        return els;
    }
}
