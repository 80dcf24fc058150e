package org.e2dl4j.math.repr;

import static org.e2dl4j.math.repr.Nonlinearity.CONCATENATED;
import static org.e2dl4j.math.repr.Nonlinearity.GATED;
import static org.e2dl4j.math.repr.Nonlinearity.INDUCED_GATE;
import static org.e2dl4j.math.repr.Nonlinearity.INDUCED_GATED;
import static org.e2dl4j.math.repr.Nonlinearity.INDUCED_NORM;
import static org.e2dl4j.math.repr.Nonlinearity.NORM;
import static org.e2dl4j.math.repr.Nonlinearity.POINTWISE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
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

class QuotientRepresentationTest {

    private static final double EXACT = 1e-12;

    static Stream<Arguments> quotients() {
        List<Arguments> args = new ArrayList<>();
        for (int n : SampleRepresentations.COMPOSITE_N) {
            for (Group g : List.of(Groups.cyclic(n), Groups.dihedral(n))) {
                for (SubgroupId id : TestGroups.subgroupIds(g)) {
                    args.add(Arguments.of(g, id));
                }
            }
        }
        return args.stream();
    }

    /** rho(g) e_(rH) = e_(grH), of size |G| / |H|, rebuilt exactly from the irreps and Q. */
    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("quotients")
    void quotientPermutesTheCosets(Group g, SubgroupId id) {
        Representation q = Representations.quotient(g, id);
        Cosets cosets = new Cosets(g.subgroup(id));
        String where = g + "|" + q.name();
        assertEquals("quotient[" + id + "]", q.name(), g + ": name of the quotient by " + id);
        assertEquals(g.order() / g.subgroup(id).group().order(), q.size(), where + ": size |G| / |H|");
        for (GroupElement x : g.elements()) {
            double[][] expected = new double[q.size()][q.size()];
            for (int c = 0; c < q.size(); c++) {
                expected[cosets.indexOf(g.combine(x, cosets.representatives.get(c)))][c] = 1;
            }
            Mat.assertClose(expected, q.matrix(x), EXACT, where + " at " + x);
        }
        assertEquals(EnumSet.of(POINTWISE, CONCATENATED, GATED, INDUCED_GATED, NORM, INDUCED_NORM, INDUCED_GATE),
                q.supportedNonlinearities(), where + ": e2cnn's induced nonlinearities of the trivial irrep");
        assertEquals(1, q.inducedSubfieldSize().orElse(-1), where + ": sub-field size");
    }

    static Stream<String> referenceQuotients() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = ReferenceData.groups().get("quotient_representations").fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys.stream();
    }

    /** Name, irreps and change of basis equal e2cnn's (rounded there to 8 decimals: tolerance 5e-9). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceQuotients")
    void quotientEqualsE2cnn(String key) {
        JsonNode ref = ReferenceData.groups().get("quotient_representations").get(key);
        Group g = ReferenceData.group(ref.get("group").asText());
        Representation q = Representations.quotient(g, ReferenceData.subgroupId(ref.get("subgroup_id")));
        assertEquals(ref.get("name").asText(), q.name(), key + ": name");
        assertEquals(ref.get("size").asInt(), q.size(), key + ": size");
        assertEquals(ReferenceData.strings(ref.get("irreps")), q.irreps().stream().map(Representation::name).toList(),
                key + ": irreps");
        Mat.assertClose(ReferenceData.matrix(ref.get("change_of_basis")), q.changeOfBasis(),
                ReferenceData.ROUNDING + 1e-12, key + ": change of basis");
        for (int i = 0; i < ref.get("generators").size(); i++) {
            GroupElement gen = ReferenceData.element(g, ref.get("generators").get(i));
            Mat.assertClose(ReferenceData.matrix(ref.get("generator_matrices").get(i)), q.matrix(gen),
                    ReferenceData.ROUNDING + 1e-12, key + ": matrix of generator " + gen);
        }
    }

    @Test
    void quotientByTheTrivialSubgroupIsRegularAndByTheWholeGroupIsTrivial() {
        Group d4 = Groups.dihedral(4);
        Representation byE = Representations.quotient(d4, SubgroupId.dihedral(null, 1));
        Representation reg = Representations.regular(d4);
        for (GroupElement x : d4.elements()) {
            Mat.assertClose(reg.matrix(x), byE.matrix(x), EXACT, "D4 quotient by {e} vs regular at " + x);
        }
        Representation byG = Representations.quotient(d4, SubgroupId.dihedral(0, 4));
        assertEquals(1, byG.size(), "D4 quotient by D4: size");
        assertTrue(byG.irreps().get(0).isTrivial(), "D4 quotient by D4 is the trivial irrep");
    }

    @Test
    void quotientOfAContinuousGroupOrByANonSubgroupIsRejected() {
        IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
                () -> Representations.quotient(Groups.o2(3), SubgroupId.orthogonal(null, 2)));
        assertTrue(c.getMessage().contains("only be induced from its subgroup SO(2)")
                && c.getMessage().contains("infinite-dimensional"), "O(2) quotient: " + c.getMessage());
        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> Representations.quotient(Groups.cyclic(6), SubgroupId.rotations(4)));
        assertTrue(s.getMessage().contains("M dividing 6"), "C6 quotient by C4: " + s.getMessage());
    }
}
