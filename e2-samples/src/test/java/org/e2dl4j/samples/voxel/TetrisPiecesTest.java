package org.e2dl4j.samples.voxel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;

/**
 * The eight pieces are Thomas et al.'s: tetracubes (four face-connected cubes), no two congruent under a rotation,
 * and exactly the first two chiral (mirror images of each other, which no rotation maps onto one another).
 */
class TetrisPiecesTest {

    /** The mirror y -> -y, an improper signed permutation. */
    private static final int[] MIRROR_Y = {1, 0, 0, 0, -1, 0, 0, 0, 1};
    private static final int[] IDENTITY = {1, 0, 0, 0, 1, 0, 0, 0, 1};

    @Test
    void eightTetracubesOfFourFaceConnectedCubes() {
        assertEquals(8, TetrisPieces.all().size());
        assertEquals(List.of("chiral-1", "chiral-2", "square", "line", "corner", "L", "T", "zigzag"), TetrisPieces.names());
        for (Polycube piece : TetrisPieces.all()) {
            assertEquals(4, piece.size(), piece.name());
            assertTrue(piece.isFaceConnected(), piece.name() + " should be face-connected");
        }
    }

    @Test
    void noRotationMapsOnePieceOntoAnother() {
        List<Polycube> pieces = TetrisPieces.all();
        for (int i = 0; i < pieces.size(); i++) {
            for (int j = 0; j < pieces.size(); j++) {
                assertEquals(i == j, congruentUnderRotation(pieces.get(i), pieces.get(j), IDENTITY),
                        pieces.get(i).name() + " vs " + pieces.get(j).name());
            }
        }
    }

    @Test
    void exactlyTheFirstTwoPiecesAreChiralAndMirrorImagesOfEachOther() {
        List<Polycube> pieces = TetrisPieces.all();
        assertTrue(congruentUnderRotation(pieces.get(0), pieces.get(1), MIRROR_Y), "chiral-2 is chiral-1's mirror image");
        for (Polycube piece : pieces) {
            boolean achiral = congruentUnderRotation(piece, piece, MIRROR_Y);
            assertEquals(!piece.name().startsWith("chiral"), achiral, piece.name() + ": congruent to its mirror image");
        }
    }

    @Test
    void aDisconnectedOrRepeatedCubeIsNoticed() {
        assertFalse(Polycube.of("apart", new int[] {0, 0, 0}, new int[] {2, 0, 0}).isFaceConnected());
        Rejections.assertRejected(() -> Polycube.of("twice", new int[] {0, 0, 0}, new int[] {0, 0, 0}),
                "polycube twice", "distinct cubes");
        Rejections.assertRejected(() -> Polycube.of("empty"), "polycube empty", "at least one cube");
    }

    /** Whether some rotation of the cube maps {@code a} onto {@code b} mapped by {@code m}, up to translation. */
    private static boolean congruentUnderRotation(Polycube a, Polycube b, int[] m) {
        List<Polycube.Cell> target = b.normalForm(m);
        return CubeRotation.all().stream().anyMatch(r -> a.normalForm(r.matrix()).equals(target));
    }
}
