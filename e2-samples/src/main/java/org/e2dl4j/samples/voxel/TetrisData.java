package org.e2dl4j.samples.voxel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * The data of the voxel sample, made in code from the eight {@link TetrisPieces}: upright training grids, and
 * three test sets made the same way: {@value #UPRIGHT} (upright, other shifts), {@value #CUBE_ROTATIONS} (each
 * upright test grid turned exactly by each of the 24 rotations of the cube) and {@value #RANDOM_ROTATIONS}
 * (each piece turned by rotations drawn uniformly from SO(3), then voxelized).
 *
 * <p>Every grid is a piece moved by its own random sub-voxel shift, uniform in {@code [-maxShift, maxShift]^3}, so
 * that the upright grids differ in how the piece falls on the voxels. Seeds: training shifts {@code seed}, test
 * shifts {@code seed + 1}, random rotations and their shifts {@code seed + 2}. Labels are the pieces' indices.
 */
public final class TetrisData {

    /** The name of the upright test set. */
    public static final String UPRIGHT = "upright";
    /** The name of the test set turned by the 24 rotations of the cube. */
    public static final String CUBE_ROTATIONS = "24 rotations";
    /** The name of the test set at random rotations. */
    public static final String RANDOM_ROTATIONS = "random rotation";

    /**
     * How the grids are made.
     *
     * @param voxelizer      grid side, voxels per unit cube, samples per voxel edge
     * @param maxShift       the largest shift along each axis, in voxels
     * @param trainPerPiece  upright training grids per piece
     * @param testPerPiece   upright test grids per piece (times 24 in the {@value #CUBE_ROTATIONS} set)
     * @param randomPerPiece grids per piece at random rotations
     * @param seed           the seed of shifts and rotations
     */
    public record Settings(Voxelizer voxelizer, double maxShift, int trainPerPiece, int testPerPiece, int randomPerPiece,
            long seed) {

        /** Checks the ranges, and that every piece stays inside the grid under every rotation and shift. */
        public Settings {
            if (trainPerPiece <= 0 || testPerPiece <= 0 || randomPerPiece <= 0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "tetris data: expected positive numbers of "
                        + "grids per piece, got %d training, %d test, %d at random rotations", trainPerPiece, testPerPiece,
                        randomPerPiece));
            }
            if (!(maxShift >= 0 && maxShift <= 1)) {
                throw new IllegalArgumentException("tetris data: expected a largest shift in [0, 1] voxels, got " + maxShift);
            }
            Polycube farthest = TetrisPieces.all().stream()
                    .max(Comparator.comparingDouble(voxelizer::radius)).orElseThrow();
            double reach = voxelizer.radius(farthest) + maxShift * Math.sqrt(3);
            if (reach > voxelizer.side() / 2.0) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "tetris data: piece %s at %d voxels per "
                        + "cube, shifted by up to %.2f, reaches %.2f voxels from the centre, outside a grid of side %d; "
                        + "expected a side of at least %d", farthest.name(), voxelizer.voxelsPerCube(), maxShift, reach,
                        voxelizer.side(), 2 * (int) Math.ceil(reach)));
            }
        }
    }

    private final Settings settings;

    /** The data of the given settings. */
    public TetrisData(Settings settings) {
        this.settings = settings;
    }

    /** The settings. */
    public Settings settings() {
        return settings;
    }

    /** The grids' side. */
    public int side() {
        return settings.voxelizer().side();
    }

    /** The number of classes (pieces). */
    public int classes() {
        return TetrisPieces.COUNT;
    }

    /** The upright training grids, piece after piece in turn. */
    public VoxelSet training() {
        return upright("training", settings.trainPerPiece(), settings.seed());
    }

    /** The test sets in table order: upright, at the 24 rotations of the cube, at random rotations. */
    public List<VoxelSet> testSets() {
        VoxelSet upright = upright(UPRIGHT, settings.testPerPiece(), settings.seed() + 1);
        return List.of(upright, upright.turned(CUBE_ROTATIONS, CubeRotation.all()), randomlyRotated());
    }

    private VoxelSet upright(String name, int perPiece, long seed) {
        Random shifts = new Random(seed);
        return voxelized(name, perPiece, () -> Rotation.IDENTITY, shifts);
    }

    private VoxelSet randomlyRotated() {
        UniformRotations rotations = new UniformRotations(settings.seed() + 2);
        Random shifts = new Random(settings.seed() + 2);
        return voxelized(RANDOM_ROTATIONS, settings.randomPerPiece(), rotations::next, shifts);
    }

    private VoxelSet voxelized(String name, int perPiece, Supplier<Rotation> rotations,
            Random shifts) {
        List<Polycube> pieces = TetrisPieces.all();
        List<float[]> grids = new ArrayList<>();
        int[] labels = new int[perPiece * pieces.size()];
        for (int copy = 0; copy < perPiece; copy++) {
            for (int label = 0; label < pieces.size(); label++) {
                labels[grids.size()] = label;
                grids.add(settings.voxelizer().voxelize(pieces.get(label), rotations.get(), shift(shifts)));
            }
        }
        return new VoxelSet(name, side(), classes(), grids, labels);
    }

    private Vector3D shift(Random random) {
        double m = settings.maxShift();
        return new Vector3D(m * (2 * random.nextDouble() - 1), m * (2 * random.nextDouble() - 1),
                m * (2 * random.nextDouble() - 1));
    }
}
