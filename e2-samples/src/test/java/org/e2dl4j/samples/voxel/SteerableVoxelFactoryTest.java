package org.e2dl4j.samples.voxel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.RotationConvention;
import org.hipparchus.geometry.euclidean.threed.Vector3D;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The steerable models: invariant to the 24 rotations of the cube exactly (to float rounding), where the baseline
 * is not; the full octahedral one also to the inversion, so that it cannot tell a piece from its mirror image,
 * while the octahedral one can; and the baseline matched to the octahedral model's parameter count.
 */
class SteerableVoxelFactoryTest {

    private static final int SIDE = 8;
    private static final VoxelModelSpec SPEC = new VoxelModelSpec(SIDE, 8, 0.5, 5, 0.005);

    /** chiral-1 at a generic orientation (no symmetry of the grid maps it to itself). */
    private static float[] grid;

    @BeforeAll
    static void voxelizeAPieceAtAGenericOrientation() {
        grid = new Voxelizer(SIDE, 1, 2).voxelize(TetrisPieces.all().get(0),
                new Rotation(new Vector3D(1, 2, 3), 0.7, RotationConvention.VECTOR_OPERATOR),
                new Vector3D(0.2, -0.1, 0.3));
    }

    @Test
    void theOctahedralModelIsInvariantToThe24RotationsAndTheBaselineIsNot() {
        MultiLayerNetwork steerable = SteerableVoxelFactory.octahedral().create(SPEC);
        MultiLayerNetwork cnn = VoxelCnnFactory.standard().create(SPEC);
        float[] steerableUpright = probabilities(steerable, grid);
        float[] cnnUpright = probabilities(cnn, grid);
        double steerableError = 0;
        double cnnDifference = 0;
        for (CubeRotation r : CubeRotation.all()) {
            float[] turned = r.apply(grid, SIDE);
            steerableError = Math.max(steerableError, maxDifference(steerableUpright, probabilities(steerable, turned)));
            cnnDifference = Math.max(cnnDifference, maxDifference(cnnUpright, probabilities(cnn, turned)));
        }
        assertTrue(steerableError < 1e-5, "octahedral model: largest change of a class probability over the 24 "
                + "rotations " + steerableError);
        assertTrue(cnnDifference > 1e-3, "the baseline should change with the rotation, largest change " + cnnDifference);
    }

    @Test
    void onlyTheGroupWithInversionCannotTellAPieceFromItsMirrorImage() {
        float[] inverted = inverted(grid);
        MultiLayerNetwork full = SteerableVoxelFactory.fullOctahedral().create(SPEC);
        MultiLayerNetwork octa = SteerableVoxelFactory.octahedral().create(SPEC);
        double fullDifference = maxDifference(probabilities(full, grid), probabilities(full, inverted));
        double octaDifference = maxDifference(probabilities(octa, grid), probabilities(octa, inverted));
        assertTrue(fullDifference < 1e-5, "full octahedral model on a piece vs its inversion: " + fullDifference);
        assertTrue(octaDifference > 1e-4, "octahedral model on a piece vs its inversion: " + octaDifference);
    }

    @Test
    void theBaselineMatchedToTheSteerableModelsParameterCount() {
        VoxelModelSpec spec = new VoxelModelSpec(16, 8, 1, 5, 0.005);
        long target = SteerableVoxelFactory.octahedral().parameterCount(spec);
        long matched = VoxelCnnFactory.matchingParameterCount(spec, target).parameterCount(spec);
        assertTrue(Math.abs(matched - target) < 0.1 * target, "CNN " + matched + " for the steerable model's " + target);
        assertEquals(target, SteerableVoxelFactory.octahedral().create(spec).numParams());
    }

    /** The grid turned by p -> -p: voxel (d, h, w) to (n-1-d, n-1-h, n-1-w), the flat order reversed. */
    private static float[] inverted(float[] voxels) {
        float[] inverted = new float[voxels.length];
        for (int i = 0; i < voxels.length; i++) {
            inverted[i] = voxels[voxels.length - 1 - i];
        }
        return inverted;
    }

    private static float[] probabilities(MultiLayerNetwork network, float[] voxels) {
        return network.output(Nd4j.create(voxels, new long[] {1, 1, SIDE, SIDE, SIDE}, 'c')).toFloatVector();
    }

    private static double maxDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
