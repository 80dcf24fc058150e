package org.e2dl4j.samples.voxel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.e2dl4j.testing.Rejections;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.Test;

/**
 * The voxelizer: upright pieces fill whole voxels, four cubes of {@code a^3} voxels each; a whole-voxel shift moves
 * the grid; the 24 rotations of the cube give exactly the turned upright grid; a random rotation keeps the volume.
 */
class VoxelizerTest {

    @Test
    void anUprightPieceFillsFourCubesOfWholeVoxels() {
        for (int a = 1; a <= 3; a++) {
            Voxelizer voxelizer = new Voxelizer(16, a, 2);
            for (Polycube piece : TetrisPieces.all()) {
                float[] grid = voxelizer.voxelize(piece, Rotation.IDENTITY, Vector3D.ZERO);
                int full = 0;
                for (float v : grid) {
                    assertTrue(v == 0 || v == 1, piece.name() + ": partial voxel " + v + " upright, unshifted");
                    full += v == 1 ? 1 : 0;
                }
                assertEquals(4 * a * a * a, full, piece.name() + " at " + a + " voxels per cube");
            }
        }
    }

    @Test
    void theLineStandsAlongZThroughTheCentre() {
        // the line's cubes are (0, 0, z), z = 0..3: at 2 voxels per cube it fills 2 x 2 voxels about the grid's
        // axis (w, h in {3, 4} on a side-8 grid) along 8 voxels of depth
        float[] grid = new Voxelizer(8, 2, 1).voxelize(TetrisPieces.all().get(3), Rotation.IDENTITY, Vector3D.ZERO);
        for (int d = 0; d < 8; d++) {
            for (int h = 0; h < 8; h++) {
                for (int w = 0; w < 8; w++) {
                    boolean expected = (h == 3 || h == 4) && (w == 3 || w == 4);
                    assertEquals(expected ? 1f : 0f, grid[(d * 8 + h) * 8 + w], "voxel " + d + ", " + h + ", " + w);
                }
            }
        }
    }

    @Test
    void aShiftByOneVoxelAlongXMovesTheGridOneVoxelAlongTheWidth() {
        Voxelizer voxelizer = new Voxelizer(12, 2, 2);
        Polycube zigzag = TetrisPieces.all().get(7);
        float[] upright = voxelizer.voxelize(zigzag, Rotation.IDENTITY, Vector3D.ZERO);
        float[] shifted = voxelizer.voxelize(zigzag, Rotation.IDENTITY, new Vector3D(1, 0, 0));
        for (int i = 0; i < upright.length; i++) {
            float expected = i % 12 == 0 ? 0 : upright[i - 1];
            assertEquals(expected, shifted[i], "voxel " + i);
        }
    }

    @Test
    void theRotationsOfTheCubeGiveExactlyTheTurnedUprightGrid() {
        for (int supersampling = 1; supersampling <= 3; supersampling++) {
            Voxelizer voxelizer = new Voxelizer(16, 3, supersampling);
            for (Polycube piece : TetrisPieces.all()) {
                float[] upright = voxelizer.voxelize(piece, Rotation.IDENTITY, Vector3D.ZERO);
                for (CubeRotation r : CubeRotation.all()) {
                    assertArrayEquals(r.apply(upright, 16), voxelizer.voxelize(piece, r.rotation(), Vector3D.ZERO),
                            piece.name() + " turned by " + r + ", " + supersampling + " samples per voxel edge");
                }
            }
        }
    }

    @Test
    void aShiftedPieceKeepsItsVolumeExactlyAndARotatedOneNearly() {
        Voxelizer voxelizer = new Voxelizer(16, 3, 2);
        UniformRotations rotations = new UniformRotations(3);
        for (Polycube piece : TetrisPieces.all()) {
            // a half-open cube of side 3 holds exactly 6 points of the half-voxel sample lattice per axis
            assertEquals(108.0, sum(voxelizer.voxelize(piece, Rotation.IDENTITY, new Vector3D(0.3, -0.45, 0.1))), 0,
                    piece.name() + " shifted");
            double turned = sum(voxelizer.voxelize(piece, rotations.next(), new Vector3D(0.2, 0.1, -0.3)));
            assertEquals(108.0, turned, 108.0 * 0.05, piece.name() + " at a random rotation");
        }
    }

    @Test
    void theRadiusIsTheFarthestCornerFromTheCentre() {
        // the line at 3 voxels per cube spans x, y in [-2, 1] and z in [-6, 6]
        assertEquals(Math.sqrt(4 + 4 + 36), new Voxelizer(16, 3, 2).radius(TetrisPieces.all().get(3)), 1e-12);
    }

    @Test
    void anOddSideOrNoSamplesAreRefused() {
        Rejections.assertRejected(() -> new Voxelizer(15, 3, 2), "voxelizer", "even grid side", "got 15");
        Rejections.assertRejected(() -> new Voxelizer(16, 3, 0), "voxelizer", "1 sample per voxel edge", "3 and 0");
    }

    private static double sum(float[] grid) {
        double total = 0;
        for (float v : grid) {
            total += v;
        }
        return total;
    }
}
