package org.e2dl4j.math.repr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.Fourier3dReference;
import org.e2dl4j.math.group.GroupElement;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The band-limited representations, grids and Fourier matrices of SO(3) and O(3) against escnn 1.0.13
 * ({@code fourier3d.json}, 19 configs: regular on the cube / ico / tetra / seeded random grids, quotients by SO(2)
 * and by the cone O(2) on sphere grids): the grid points, the representation's name, size and irreps (also those of
 * escnn's {@code bl_regular_representation} / {@code bl_sphere_representation}), and A and A+ element for element.
 */
class FourierTransform3dReferenceTest {

    /** A+ involves the inverse of A^T A + 1e-8 I: on the under-sampled configs its rounding grows with 1e8. */
    private static final double PSEUDO_INVERSE_TOLERANCE = 1e-7;

    /** escnn's matrices are rounded to 10 decimals; its random rotations too, before A is built from them. */
    private static final double POINT_TOLERANCE = 1e-9;

    static List<Fourier3dReference> configs() {
        return Fourier3dReference.all();
    }

    @Test
    void theFileHoldsTheConfigsTheTestsNeed() {
        assertEquals(19, configs().size(), "configs in fourier3d.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void gridPointsAreEscnns(Fourier3dReference c) {
        List<GroupElement> ours = c.grid().elements(c.group());
        assertEquals(c.inversions().size(), ours.size(), c + ": grid size");
        if (c.sphereGrid()) {
            List<Vector3D> escnn = c.points();
            List<Vector3D> mine = new ArrayList<>();
            for (GroupElement g : ours) {
                assertEquals(0, g.flip(), c + ": sphere representatives are rotations");
                mine.add(g.rotation().applyTo(Vector3D.PLUS_K));
            }
            if (c.grid().type().takesN()) {
                for (int i = 0; i < mine.size(); i++) {
                    assertTrue(mine.get(i).distance(escnn.get(i)) < POINT_TOLERANCE,
                            c + ": point " + i + ": escnn " + escnn.get(i) + ", ours " + mine.get(i));
                }
            } else {
                for (Vector3D p : escnn) {
                    assertTrue(mine.stream().anyMatch(q -> q.distance(p) < POINT_TOLERANCE),
                            c + ": escnn's point " + p + " is not in our grid " + mine);
                }
            }
            return;
        }
        List<double[][]> rotations = c.rotations();
        List<Integer> inversions = c.inversions();
        for (int i = 0; i < ours.size(); i++) {
            assertEquals(inversions.get(i), ours.get(i).flip(), c + ": inversion of point " + i);
            assertMatrix(c + ": rotation of point " + i, rotations.get(i), ours.get(i).rotation().getMatrix(),
                    POINT_TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void representationsAreEscnns(Fourier3dReference c) {
        assertRepresentation(c, c.node().get("representation"), c.representation(), true);
        assertRepresentation(c, c.node().get("outRepresentation"), c.outRepresentation(), true);
        assertRepresentation(c, c.node().get("bandLimitedRepresentation"), c.representation(), false);
    }

    private static void assertRepresentation(Fourier3dReference c, JsonNode escnn, Representation ours,
                                             boolean sameName) {
        if (sameName) {
            assertEquals(escnn.get("name").asText(), ours.name(), c + ": name");
        }
        assertEquals(escnn.get("size").asInt(), ours.size(), c + ": size of " + escnn.get("name").asText());
        List<String> expected = new ArrayList<>();
        for (JsonNode id : escnn.get("irreps")) {
            expected.add(id.toString());
        }
        List<String> got = new ArrayList<>();
        for (IrreducibleRepresentation irr : ours.irreps()) {
            got.add(java.util.Arrays.toString(irr.id()).replace(" ", ""));
        }
        assertEquals(expected, got, c + ": irreps of " + escnn.get("name").asText());
    }

    /** On escnn's own grid points (in its order; for sphere grids one representative per escnn point). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void matricesAreEscnnsElementForElement(Fourier3dReference c) {
        FourierTransform t = FourierTransform.of(c.representation(), c.outRepresentation(), c.escnnGrid(),
                c.normalize());
        assertMatrix(c + ": A", c.matrix("A"), t.sampling(), POINT_TOLERANCE);
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
