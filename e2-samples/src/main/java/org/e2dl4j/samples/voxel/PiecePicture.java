package org.e2dl4j.samples.voxel;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.hipparchus.geometry.euclidean.threed.Rotation;
import org.hipparchus.geometry.euclidean.threed.Vector3D;

/**
 * A picture of voxelized pieces: one row per piece, and for each given rotation three depth-shaded projections
 * of its grid, looking along the depth, height and width axes (z, y, x). A pixel shows the first voxel on its
 * ray that is at least half full, brighter the nearer it is (from full at the grid's face to a quarter at two
 * thirds of its depth); empty rays stay black.
 */
public final class PiecePicture {

    private static final int LABEL_WIDTH = 90;
    private static final int TITLE_HEIGHT = 40;
    private static final int GAP = 6;
    private static final String[] VIEWS = {"along z", "along y", "along x"};
    private static final Color[] COLOURS = {new Color(0xE6194B), new Color(0x3CB44B), new Color(0xFFE119),
        new Color(0x4363D8), new Color(0xF58231), new Color(0x911EB4), new Color(0x42D4F4), new Color(0xF032E6)};

    private final Voxelizer voxelizer;
    private final int scale;

    /** Pictures of grids of {@code voxelizer}, each voxel drawn as {@code scale x scale} pixels. */
    public PiecePicture(Voxelizer voxelizer, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("piece picture: expected a positive scale, got " + scale);
        }
        this.voxelizer = voxelizer;
        this.scale = scale;
    }

    /**
     * The picture of {@code pieces}, each voxelized (unshifted) at every rotation of {@code rotations}, with
     * {@code rotationNames} as column headings.
     */
    public BufferedImage render(List<Polycube> pieces, List<Rotation> rotations, List<String> rotationNames) {
        if (rotations.size() != rotationNames.size()) {
            throw new IllegalArgumentException("piece picture: expected one name per rotation, got " + rotations.size()
                    + " rotations and " + rotationNames.size() + " names");
        }
        int side = voxelizer.side();
        int cell = side * scale;
        int columns = 3 * rotations.size();
        int width = LABEL_WIDTH + columns * (cell + GAP);
        int height = TITLE_HEIGHT + pieces.size() * (cell + GAP);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.DARK_GRAY);
            for (int r = 0; r < rotations.size(); r++) {
                int x = LABEL_WIDTH + 3 * r * (cell + GAP);
                g.drawString(rotationNames.get(r), x, 15);
                for (int view = 0; view < 3; view++) {
                    g.drawString(VIEWS[view], x + view * (cell + GAP), 32);
                }
            }
            for (int p = 0; p < pieces.size(); p++) {
                int y = TITLE_HEIGHT + p * (cell + GAP);
                g.setColor(Color.DARK_GRAY);
                g.drawString(pieces.get(p).name(), 8, y + cell / 2);
                for (int r = 0; r < rotations.size(); r++) {
                    float[] grid = voxelizer.voxelize(pieces.get(p), rotations.get(r), Vector3D.ZERO);
                    for (int view = 0; view < 3; view++) {
                        int x = LABEL_WIDTH + (3 * r + view) * (cell + GAP);
                        drawView(image, grid, view, COLOURS[p % COLOURS.length], x, y);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the picture of {@link #render} as a PNG file. */
    public void writePng(List<Polycube> pieces, List<Rotation> rotations, List<String> rotationNames, Path png)
            throws IOException {
        if (!ImageIO.write(render(pieces, rotations, rotationNames), "png", png.toFile())) {
            throw new IOException("piece picture: no PNG writer available for " + png);
        }
    }

    /** The projection along array axis {@code axis} (0 depth, 1 height, 2 width) drawn at {@code (left, top)}. */
    private void drawView(BufferedImage image, float[] grid, int axis, Color colour, int left, int top) {
        int side = voxelizer.side();
        for (int row = 0; row < side; row++) {
            for (int column = 0; column < side; column++) {
                int rgb = 0;
                for (int depth = 0; depth < side; depth++) {
                    int[] index = new int[3];
                    index[axis] = depth;
                    index[axis == 0 ? 1 : 0] = row;
                    index[axis == 2 ? 1 : 2] = column;
                    if (grid[(index[0] * side + index[1]) * side + index[2]] >= 0.5f) {
                        float brightness = Math.max(0.25f, 1f - 1.5f * depth / side);
                        rgb = new Color(Math.round(colour.getRed() * brightness), Math.round(colour.getGreen() * brightness),
                                Math.round(colour.getBlue() * brightness)).getRGB();
                        break;
                    }
                }
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(left + column * scale + dx, top + row * scale + dy, rgb);
                    }
                }
            }
        }
    }
}
