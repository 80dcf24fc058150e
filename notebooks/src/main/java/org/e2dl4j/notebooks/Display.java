package org.e2dl4j.notebooks;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * What notebook cells call to show results, the same in every front end: {@link #image} returns the image
 * itself, so as the last expression of a cell a Java kernel (JJava) renders it as a PNG; {@link #heatmaps}
 * draws feature maps; {@link #matrix} formats a matrix as aligned text.
 *
 * <p>When the notebook runs under {@link NotebookRunner}, the system property {@value #OUTPUT_PROPERTY} names a
 * folder and every image shown is also written there as a numbered PNG, which the runner collects as the
 * cell's output.
 */
public final class Display {

    /** System property naming the folder that receives the PNG of every image shown; unset in a notebook kernel. */
    public static final String OUTPUT_PROPERTY = "e2dl4j.notebook.output";

    private static final AtomicInteger SHOWN = new AtomicInteger();
    private static final int CELL = 32;
    private static final int GAP = 12;

    private Display() {
    }

    /**
     * Shows an image: returns it unchanged (end a cell with {@code Display.image(picture)} and the kernel renders
     * it), after writing it as {@code image-NNNN.png} to the folder named by {@value #OUTPUT_PROPERTY} when set.
     *
     * @throws IllegalArgumentException if the image is null
     * @throws UncheckedIOException     if the PNG cannot be written to that folder
     */
    public static BufferedImage image(BufferedImage image) {
        if (image == null) {
            throw new IllegalArgumentException("Display.image needs an image, got null");
        }
        String folder = System.getProperty(OUTPUT_PROPERTY);
        if (folder != null) {
            Path file = Path.of(folder).resolve(String.format(Locale.ROOT, "image-%04d.png", SHOWN.incrementAndGet()));
            try {
                Files.createDirectories(file.getParent());
                if (!ImageIO.write(image, "png", file.toFile())) {
                    throw new IOException("no PNG writer accepts an image of type " + image.getType());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the shown image to " + file, e);
            }
        }
        return image;
    }

    /**
     * Rows of square heatmaps on a white background, one grid cell per map entry ({@value #CELL} pixels,
     * row 0 on top), coloured on one diverging scale shared by all maps: blue for negative, white for zero,
     * red for positive, full colour at the largest absolute value. Good for comparing feature maps.
     *
     * @throws IllegalArgumentException if there are no maps or a map is empty or ragged
     */
    public static BufferedImage heatmaps(List<List<double[][]>> rows) {
        if (rows.isEmpty() || rows.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("Display.heatmaps needs at least one map in every row");
        }
        double scale = 0;
        int mapHeight = 0;
        int rowWidth = 0;
        for (List<double[][]> row : rows) {
            int width = GAP;
            for (double[][] map : row) {
                checkRectangular(map);
                for (double[] line : map) {
                    for (double v : line) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                }
                mapHeight = Math.max(mapHeight, map.length);
                width += map[0].length * CELL + GAP;
            }
            rowWidth = Math.max(rowWidth, width);
        }
        int rowHeight = mapHeight * CELL + GAP;
        BufferedImage image = new BufferedImage(rowWidth, GAP + rows.size() * rowHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int r = 0; r < rows.size(); r++) {
            int x0 = GAP;
            for (double[][] map : rows.get(r)) {
                for (int i = 0; i < map.length; i++) {
                    for (int j = 0; j < map[i].length; j++) {
                        g.setColor(diverging(scale == 0 ? 0 : map[i][j] / scale));
                        g.fillRect(x0 + j * CELL, GAP + r * rowHeight + i * CELL, CELL, CELL);
                    }
                }
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(x0 - 1, GAP + r * rowHeight - 1, map[0].length * CELL + 1, map.length * CELL + 1);
                x0 += map[0].length * CELL + GAP;
            }
        }
        g.dispose();
        return image;
    }

    private static void checkRectangular(double[][] map) {
        if (map.length == 0 || map[0].length == 0) {
            throw new IllegalArgumentException("a heatmap needs at least one entry");
        }
        for (int r = 0; r < map.length; r++) {
            if (map[r].length != map[0].length) {
                throw new IllegalArgumentException("heatmap row " + r + " has " + map[r].length + " entries, row 0 has "
                        + map[0].length);
            }
        }
    }

    /** White at 0, pure red at +1, pure blue at -1. */
    private static Color diverging(double t) {
        double a = Math.min(1, Math.abs(t));
        int fade = (int) Math.round(255 * (1 - a));
        return t >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }

    /**
     * The matrix as text, one row per line, entries rounded to 4 decimals and right-aligned
     * (negative zero printed as 0), e.g. the 2 x 2 rotation by 90 degrees as {@code [ 0 -1 ]} over {@code [ 1  0 ]}.
     *
     * @throws IllegalArgumentException if the matrix is empty or its rows differ in length
     */
    public static String matrix(double[][] m) {
        if (m == null || m.length == 0 || m[0].length == 0) {
            throw new IllegalArgumentException("Display.matrix needs a non-empty matrix");
        }
        int columns = m[0].length;
        String[][] cells = new String[m.length][columns];
        int width = 1;
        for (int r = 0; r < m.length; r++) {
            if (m[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + m[r].length + " entries, row 0 has " + columns);
            }
            for (int c = 0; c < columns; c++) {
                cells[r][c] = number(m[r][c]);
                width = Math.max(width, cells[r][c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : cells) {
            text.append('[');
            for (String cell : row) {
                text.append(' ').append(" ".repeat(width - cell.length())).append(cell);
            }
            text.append(" ]\n");
        }
        return text.toString();
    }

    private static String number(double value) {
        double rounded = Math.round(value * 1e4) / 1e4;
        if (rounded == 0.0) {
            return "0";
        }
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return Long.toString((long) rounded);
        }
        return String.format(Locale.ROOT, "%.4f", rounded).replaceAll("0+$", "");
    }
}
