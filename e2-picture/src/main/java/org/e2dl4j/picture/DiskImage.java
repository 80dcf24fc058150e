package org.e2dl4j.picture;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A grey-scale image on an odd-sided square grid, zero outside the inscribed {@link CentredDisk}: rotating it
 * about the centre pixel never brings in the corners. Pixels are row-major, row 0 on top. Immutable.
 *
 * <p>Draws: nothing itself; {@link FrameRenderer} draws it in grey levels as a frame's input panel.
 */
public final class DiskImage {

    private final int side;
    private final float[] pixels;

    private DiskImage(int side, float[] pixels) {
        this.side = side;
        this.pixels = pixels;
    }

    /**
     * The image with these pixels (row-major, {@code side * side} of them), set to zero outside the disk.
     *
     * @throws IllegalArgumentException if the side is even or below 3, the pixel count is not {@code side * side},
     *                                  or a pixel is not finite
     */
    public static DiskImage of(float[] pixels, int side) {
        CentredDisk.checkSide(side, "DiskImage");
        if (pixels == null || pixels.length != side * side) {
            throw new IllegalArgumentException("DiskImage: a " + side + " x " + side + " image needs " + side * side
                    + " pixels, got " + (pixels == null ? "null" : pixels.length));
        }
        float[] masked = new float[pixels.length];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                float v = pixels[r * side + c];
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("DiskImage: pixel (" + r + ", " + c + ") is " + v);
                }
                masked[r * side + c] = CentredDisk.contains(r, c, side) ? v : 0f;
            }
        }
        return new DiskImage(side, masked);
    }

    /** Pixels per side (odd). */
    public int side() {
        return side;
    }

    /** The pixel at (row, column). */
    public float pixel(int row, int column) {
        return pixels[row * side + column];
    }

    /** A copy of the pixels, row-major. */
    public float[] pixels() {
        return pixels.clone();
    }

    /**
     * The image turned by {@code angle} radians (counter-clockwise as displayed) about the centre pixel:
     * exact at multiples of 90 degrees, e2cnn's order-2 spline otherwise, masked to the disk again.
     */
    public DiskImage rotated(double angle) {
        INDArray turned = PlaneRotation.rotate(featureMap(DataType.FLOAT), PlaneRotation.SCALAR, angle);
        return of(turned.dup('c').reshape(side * side).toFloatVector(), side);
    }

    /** The image as a [1, 1, side, side] feature map of the given type. */
    public INDArray featureMap(DataType type) {
        return Nd4j.createFromArray(pixels).castTo(type).reshape('c', 1, 1, side, side);
    }
}
