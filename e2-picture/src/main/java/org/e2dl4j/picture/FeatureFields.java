package org.e2dl4j.picture;

import java.util.Arrays;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One scalar field s and one vector field v = (v_x, v_y) (x right, y up) on an odd-sided square grid: the
 * output of a {@link FieldNetwork}. Under a rotation r_t of the plane they transform as
 * {@code s'(p) = s(r_t^-1 p)} and {@code v'(p) = R(t) v(r_t^-1 p)}. Immutable.
 *
 * <p>Draws: nothing itself; {@link FrameRenderer} draws s as colour and v as arrows.
 */
public final class FeatureFields {

    private static final int CHANNELS = 3;

    private final int side;
    private final float[] scalar;
    private final float[] vectorX;
    private final float[] vectorY;

    private FeatureFields(int side, float[] scalar, float[] vectorX, float[] vectorY) {
        this.side = side;
        this.scalar = scalar;
        this.vectorX = vectorX;
        this.vectorY = vectorY;
    }

    /**
     * The fields of a [1, 3, side, side] map whose channels are (s, v_x, v_y).
     *
     * @throws IllegalArgumentException if the shape is not that of one square odd-sided map with 3 channels
     */
    public static FeatureFields of(INDArray map) {
        long[] shape = map.shape();
        if (shape.length != 4 || shape[0] != 1 || shape[1] != CHANNELS || shape[2] != shape[3]) {
            throw new IllegalArgumentException("FeatureFields: expected a [1, 3, side, side] map (scalar, vector x,"
                    + " vector y), got shape " + Arrays.toString(shape));
        }
        int side = (int) shape[2];
        CentredDisk.checkSide(side, "FeatureFields");
        float[] all = map.castTo(DataType.FLOAT).dup('c').reshape((long) CHANNELS * side * side).toFloatVector();
        int n = side * side;
        return new FeatureFields(side, Arrays.copyOfRange(all, 0, n), Arrays.copyOfRange(all, n, 2 * n),
                Arrays.copyOfRange(all, 2 * n, 3 * n));
    }

    /** Pixels per side. */
    public int side() {
        return side;
    }

    /** s at (row, column). */
    public float scalar(int row, int column) {
        return scalar[row * side + column];
    }

    /** v_x at (row, column): the component pointing right. */
    public float vectorX(int row, int column) {
        return vectorX[row * side + column];
    }

    /** v_y at (row, column): the component pointing up. */
    public float vectorY(int row, int column) {
        return vectorY[row * side + column];
    }

    /** The fields turned by {@code angle} radians about the centre (e2cnn's order-2 spline off the 90-degree multiples). */
    public FeatureFields rotated(double angle) {
        return of(PlaneRotation.rotate(toMap(), PlaneRotation.SCALAR_AND_VECTOR, angle));
    }

    /**
     * The stabilized view of the output for an input turned by {@code angle}: the fields turned back by
     * {@code -angle}. For an equivariant network it equals the output for the unturned input.
     */
    public FeatureFields stabilized(double angle) {
        return rotated(-angle);
    }

    /**
     * The relative difference to {@code reference} over the disk:
     * {@code ||this - reference|| / ||reference||}, Euclidean over all three channels of the pixels in the disk.
     *
     * @throws IllegalArgumentException if the grids differ or the reference is zero on the disk
     */
    public double relativeDifference(FeatureFields reference) {
        if (reference.side != side) {
            throw new IllegalArgumentException("FeatureFields: cannot compare a " + side + " x " + side + " grid with a "
                    + reference.side + " x " + reference.side + " one");
        }
        double diff = 0;
        double norm = 0;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                if (CentredDisk.contains(r, c, side)) {
                    int p = r * side + c;
                    diff += square(scalar[p] - reference.scalar[p]) + square(vectorX[p] - reference.vectorX[p])
                            + square(vectorY[p] - reference.vectorY[p]);
                    norm += square(reference.scalar[p]) + square(reference.vectorX[p]) + square(reference.vectorY[p]);
                }
            }
        }
        if (norm == 0) {
            throw new IllegalArgumentException("FeatureFields: the reference fields are zero on the disk");
        }
        return Math.sqrt(diff / norm);
    }

    /** The largest |s| on the disk. */
    public double maxAbsScalar() {
        double m = 0;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                if (CentredDisk.contains(r, c, side)) {
                    m = Math.max(m, Math.abs(scalar[r * side + c]));
                }
            }
        }
        return m;
    }

    /** The largest |v| on the disk. */
    public double maxVectorNorm() {
        double m = 0;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                if (CentredDisk.contains(r, c, side)) {
                    int p = r * side + c;
                    m = Math.max(m, Math.hypot(vectorX[p], vectorY[p]));
                }
            }
        }
        return m;
    }

    private INDArray toMap() {
        float[] all = new float[CHANNELS * side * side];
        int n = side * side;
        System.arraycopy(scalar, 0, all, 0, n);
        System.arraycopy(vectorX, 0, all, n, n);
        System.arraycopy(vectorY, 0, all, 2 * n, n);
        return Nd4j.createFromArray(all).reshape('c', 1, CHANNELS, side, side);
    }

    private static double square(double v) {
        return v * v;
    }
}
