package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.FourierReference;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The band-limited representations, grids and Fourier matrices against escnn 1.0.13 ({@code fourier.json}, 19
 * configs over C8, D4, SO(2) and O(2), regular and quotient, regular and seeded random grids): the grid points, the
 * representation's name, size and irreps, and A and A+ element for element.
 */
class FourierTransformReferenceTest {

    /** A+ involves the inverse of A^T A + 1e-8 I: on the under-sampled configs its rounding grows with 1e8. */
    private static final double PSEUDO_INVERSE_TOLERANCE = 1e-7;

    static List<FourierReference> configs() {
        return FourierReference.all();
    }

    @Test
    void theFileHoldsTheConfigsTheTestsNeed() {
        assertEquals(19, configs().size(), "configs in fourier.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void gridPointsAreEscnns(FourierReference c) {
        Group g = c.group();
        List<GroupElement> ours = c.grid().elements(g);
        List<GroupElement> escnn = c.gridElements();
        assertEquals(escnn.size(), ours.size(), c + ": grid size");
        for (int i = 0; i < ours.size(); i++) {
            assertTrue(g.equal(escnn.get(i), ours.get(i), FourierReference.ROUNDING),
                    c + ": grid point " + i + ": escnn " + escnn.get(i) + ", ours " + ours.get(i));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void representationsAreEscnns(FourierReference c) {
        assertRepresentation(c, c.node().get("representation"), c.representation());
        assertRepresentation(c, c.node().get("outRepresentation"), c.outRepresentation());
    }

    private static void assertRepresentation(FourierReference c, JsonNode escnn, Representation ours) {
        assertEquals(escnn.get("name").asText(), ours.name(), c + ": name");
        assertEquals(escnn.get("size").asInt(), ours.size(), c + ": size");
        List<String> expected = new ArrayList<>();
        for (JsonNode id : escnn.get("irreps")) {
            expected.add(id.toString());
        }
        List<String> got = new ArrayList<>();
        for (IrreducibleRepresentation irr : ours.irreps()) {
            got.add(java.util.Arrays.toString(irr.id()).replace(" ", ""));
        }
        assertEquals(expected, got, c + ": irreps");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void matricesAreEscnnsElementForElement(FourierReference c) {
        FourierTransform t = FourierTransform.of(c.representation(), c.outRepresentation(),
                c.grid().elements(c.group()), c.normalize());
        assertMatrix(c + ": A", c.matrix("A"), t.sampling(), 1e-9);
        assertMatrix(c + ": Ainv", c.matrix("Ainv"), t.projection(), PSEUDO_INVERSE_TOLERANCE);
    }

    private static void assertMatrix(String what, double[][] expected, double[][] got, double tolerance) {
        assertEquals(expected.length, got.length, what + ": rows");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i].length, got[i].length, what + ": columns of row " + i);
            for (int j = 0; j < expected[i].length; j++) {
                assertEquals(expected[i][j], got[i][j], tolerance, what + " at [" + i + "][" + j + "]");
            }
        }
    }
}
