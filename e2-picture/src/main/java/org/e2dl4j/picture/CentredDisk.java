package org.e2dl4j.picture;

import org.e2dl4j.math.gspace.GridConvention;

/**
 * The disk inscribed in an odd-sided square pixel grid: centre on the middle pixel, radius {@code (side - 1) / 2}
 * pixels. Rotations about the centre map it onto itself, so it is where inputs live and outputs are compared.
 */
final class CentredDisk {

    private CentredDisk() {
    }

    /** The disk's radius in pixels on a grid {@code side} pixels wide. */
    static double radius(int side) {
        return (side - 1) / 2.0;
    }

    /** Whether the centre of pixel (row, column) lies in the disk of a {@code side} x {@code side} grid. */
    static boolean contains(int row, int column, int side) {
        double x = GridConvention.x(column, side);
        double y = GridConvention.y(row, side);
        double r = radius(side);
        return x * x + y * y <= r * r;
    }

    /**
     * Checks a grid side: odd (so the centre is a pixel and quarter turns map the grid onto itself) and at least 3.
     *
     * @throws IllegalArgumentException naming who asked, if not
     */
    static void checkSide(int side, String who) {
        if (side < 3 || side % 2 == 0) {
            throw new IllegalArgumentException(who + ": the grid side must be odd and at least 3 (the rotation centre is"
                    + " the middle pixel), got " + side);
        }
    }
}
