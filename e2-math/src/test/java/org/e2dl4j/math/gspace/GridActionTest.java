package org.e2dl4j.math.gspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.e2dl4j.math.ReferenceData;
import org.e2dl4j.math.group.Group;
import org.e2dl4j.math.group.GroupElement;
import org.e2dl4j.math.repr.Representation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GridActionTest {

    @ParameterizedTest(name = "{0}x{0}")
    @MethodSource("sizes")
    void quarterTurnComposedFourTimesIsTheIdentityAndNeverEarlier(int size) {
        GSpace gs = GSpaces.rot2dOnR2(4);
        int[] quarter = gs.gridPermutation(GroupElement.finite(0, 1, 4), size, size);
        int[] current = identity(size * size);
        for (int step = 1; step <= 4; step++) {
            current = apply(quarter, current);
            boolean isIdentity = Arrays.equals(identity(size * size), current);
            if (step < 4 && size > 1) {
                assertFalse(isIdentity, "Rot2dOnR2(4): " + step + " quarter turns of a " + size + "x" + size + " grid");
            }
        }
        assertArrayEquals(identity(size * size), current, "Rot2dOnR2(4): four quarter turns of a " + size + "x" + size + " grid");
    }

    static Stream<Integer> sizes() {
        return Stream.of(1, 2, 3, 4, 5, 6);
    }

    /** The grid action is an action: the permutation of g h is that of h after that of g (pull-back order). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("gridSpaces")
    void gridPermutationsComposeLikeTheGroup(GSpace gs) {
        Group g = gs.fibergroup();
        for (int size : new int[] {3, 4}) {
            for (GroupElement a : g.elements()) {
                for (GroupElement b : g.elements()) {
                    int[] pa = gs.gridPermutation(a, size, size);
                    int[] pb = gs.gridPermutation(b, size, size);
                    // (a.(b.f))[p] = (b.f)[pa[p]] = f[pb[pa[p]]]
                    int[] composed = new int[pa.length];
                    for (int p = 0; p < pa.length; p++) {
                        composed[p] = pb[pa[p]];
                    }
                    assertArrayEquals(gs.gridPermutation(g.combine(a, b), size, size), composed,
                            gs + ": grid action of " + a + " * " + b + " on " + size + "x" + size);
                }
            }
        }
    }

    static Stream<GSpace> gridSpaces() {
        return Stream.of(GSpaces.rot2dOnR2(4), GSpaces.flipRot2dOnR2(4), GSpaces.flip2dOnR2(), GSpaces.rot2dOnR2(2),
                GSpaces.flipRot2dOnR2(2), GSpaces.flipRot2dOnR2(1), GSpaces.trivialOnR2());
    }

    static Stream<Arguments> referenceActions() {
        List<Arguments> args = new ArrayList<>();
        JsonNode all = ReferenceData.groups().get("basespace_action");
        args.add(Arguments.of("Rot2dOnR2(4)", GSpaces.rot2dOnR2(4)));
        args.add(Arguments.of("FlipRot2dOnR2(4)", GSpaces.flipRot2dOnR2(4)));
        args.add(Arguments.of("Flip2dOnR2", GSpaces.flip2dOnR2()));
        assertTrue(all.has("Rot2dOnR2(4)") && all.has("FlipRot2dOnR2(4)") && all.has("Flip2dOnR2"),
                "groups.json basespace_action entries");
        return args.stream();
    }

    /** e2cnn transforms the image f[i][j] = 10 i + j; our permutation must move the pixels the same way. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceActions")
    void gridActionMatchesE2cnnOrientation(String key, GSpace gs) {
        JsonNode bySize = ReferenceData.groups().get("basespace_action").get(key);
        int checked = 0;
        for (Iterator<String> it = bySize.fieldNames(); it.hasNext(); ) {
            String sizeKey = it.next();
            int n = Integer.parseInt(sizeKey);
            for (JsonNode entry : bySize.get(sizeKey)) {
                GroupElement g = element(gs, entry.get("element"));
                int[] perm = gs.gridPermutation(g, n, n);
                for (int p = 0; p < n * n; p++) {
                    int src = perm[p];
                    double expected = entry.get("output").get(p / n).get(p % n).asDouble();
                    assertEquals(expected, 10 * (src / n) + src % n, 0,
                            key + " element " + entry.get("element") + " on " + n + "x" + n + " at pixel ("
                                    + p / n + ", " + p % n + ")");
                }
                checked++;
            }
        }
        assertTrue(checked >= 4, key + ": reference cases checked: " + checked);
    }

    /**
     * A regular C_4 field with fibre (1, 2, 3, 4) at pixel (0, 1) of a 3x3 grid: g moves the pixel by the grid
     * action and mixes the fibre by the regular representation, exactly as e2cnn's transform does.
     */
    @Test
    void regularFieldTransformsLikeE2cnn() {
        GSpace gs = GSpaces.rot2dOnR2(4);
        Representation reg = gs.regularRepr();
        JsonNode cases = ReferenceData.groups().get("basespace_action").get("Rot2dOnR2(4)_regular_field_at_row0_col1");
        double[][] input = new double[4][9];
        for (int c = 0; c < 4; c++) {
            input[c][1] = c + 1;
        }
        for (JsonNode entry : cases) {
            GroupElement g = GroupElement.finite(0, entry.get("element").asInt(), 4);
            int[] perm = gs.gridPermutation(g, 3, 3);
            double[][] rho = reg.matrix(g);
            for (int c = 0; c < 4; c++) {
                for (int p = 0; p < 9; p++) {
                    double v = 0;
                    for (int d = 0; d < 4; d++) {
                        v += rho[c][d] * input[d][perm[p]];
                    }
                    double expected = entry.get("output").get(c).get(p / 3).get(p % 3).asDouble();
                    assertEquals(expected, v, 1e-12, "Rot2dOnR2(4) regular field, element " + g + ", channel " + c
                            + ", pixel (" + p / 3 + ", " + p % 3 + ")");
                }
            }
        }
    }

    @Test
    void onlyQuarterTurnsAndAxisFlipsPreserveTheGrid() {
        GSpace c8 = GSpaces.rot2dOnR2(8);
        for (int k = 0; k < 8; k++) {
            assertEquals(k % 2 == 0, c8.preservesGrid(GroupElement.finite(0, k, 8)), "Rot2dOnR2(8) element " + k);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c8.gridPermutation(GroupElement.finite(0, 1, 8), 3, 3));
        assertTrue(e.getMessage().contains("does not map the pixel grid"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GSpaces.rot2dOnR2(4).gridPermutation(GroupElement.finite(0, 1, 4), 3, 4),
                "a quarter turn of a 3x4 grid");
    }

    private static GroupElement element(GSpace gs, JsonNode e) {
        Group g = gs.fibergroup();
        if (e.isArray()) {
            return GroupElement.finite(e.get(0).asInt(), e.get(1).asInt(), g.rotationOrder());
        }
        return GroupElement.finite(0, e.asInt(), g.rotationOrder());
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    /** The permutation of applying {@code step} after {@code before} (pull-back indices). */
    private static int[] apply(int[] step, int[] before) {
        int[] out = new int[step.length];
        for (int p = 0; p < step.length; p++) {
            out[p] = before[step[p]];
        }
        return out;
    }
}
