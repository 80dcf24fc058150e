package org.e2dl4j.samples.voxel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;

/** The sample's data: set sizes, labels, the exact cube-rotated set, volumes, and a clear error for a small grid. */
class TetrisDataTest {

    private static final TetrisData DATA = new TetrisData(new TetrisData.Settings(new Voxelizer(16, 3, 2), 0.5, 2, 1, 3, 9));

    @Test
    void setsHoldTheRequestedGridsPieceAfterPiece() {
        VoxelSet training = DATA.training();
        List<VoxelSet> tests = DATA.testSets();
        assertEquals(List.of("upright", "24 rotations", "random rotation"), tests.stream().map(VoxelSet::name).toList());
        assertEquals(16, training.count());
        assertEquals(8, tests.get(0).count());
        assertEquals(8 * 24, tests.get(1).count());
        assertEquals(24, tests.get(2).count());
        for (int i = 0; i < training.count(); i++) {
            assertEquals(i % 8, training.label(i));
        }
        assertEquals(5, tests.get(1).label(5 * 24 + 23));
    }

    @Test
    void theCubeRotatedSetIsTheUprightTestSetTurnedByEachRotation() {
        VoxelSet upright = DATA.testSets().get(0);
        VoxelSet turned = DATA.testSets().get(1);
        for (int i = 0; i < upright.count(); i++) {
            for (int r = 0; r < 24; r++) {
                assertArrayEquals(CubeRotation.all().get(r).apply(upright.grid(i), 16), turned.grid(i * 24 + r));
            }
        }
    }

    @Test
    void uprightGridsHoldExactlyFourCubesAndRotatedOnesNearly() {
        for (VoxelSet set : List.of(DATA.training(), DATA.testSets().get(0))) {
            for (int i = 0; i < set.count(); i++) {
                assertEquals(108.0, sum(set.grid(i)), 0, set.name() + " grid " + i);
            }
        }
        VoxelSet random = DATA.testSets().get(2);
        for (int i = 0; i < random.count(); i++) {
            assertEquals(108.0, sum(random.grid(i)), 5.4, "random rotation grid " + i);
        }
    }

    @Test
    void featuresAreNcdhwAndBatchesCoverTheSet() {
        VoxelSet training = DATA.training();
        assertArrayEquals(new long[] {3, 1, 16, 16, 16}, training.features(2, 5).shape());
        assertEquals(training.grid(3)[100], training.features(2, 5).getFloat(1, 0, 0, 6, 4));
        assertEquals(3, training.batchCount(7));
        int seen = 0;
        var batches = training.batches(7);
        while (batches.hasNext()) {
            seen += batches.next().numExamples();
        }
        assertEquals(16, seen);
    }

    @Test
    void aGridTooSmallForTheRotatedPiecesIsRefusedWithTheSideNeeded() {
        Rejections.assertRejected(() -> new TetrisData.Settings(new Voxelizer(12, 3, 2), 0.5, 1, 1, 1, 0),
                "tetris data", "piece line", "reaches 7.50", "outside a grid of side 12", "at least 16");
        Rejections.assertRejected(() -> new TetrisData.Settings(new Voxelizer(16, 3, 2), 0.5, 0, 1, 1, 0),
                "tetris data", "positive numbers", "0 training");
    }

    private static double sum(float[] grid) {
        double total = 0;
        for (float v : grid) {
            total += v;
        }
        return total;
    }
}
