package org.e2dl4j.picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Frame} with Java2D: one row per network, each with the turned input, the network's output
 * and its stabilized view (the output turned back). A scalar field is coloured on a diverging scale (blue
 * negative, white zero, red positive), a vector field drawn as black arrows on a grid centred on the middle
 * pixel. Colour and arrow scales come from the network's output for the upright input, so they are the same in
 * every frame of a turn. Outside the disk the picture is blank. Colours come in a few steps and arrows are not
 * anti-aliased, which keeps an animated GIF of the frames small (smooth shading and anti-aliased arrows made the
 * GIF of the 65 x 65 picture 1.7 times larger). Immutable.
 *
 * <p>Draws: one RGB image per frame, scalar fields as colour and vector fields as arrows.
 */
public final class FrameRenderer {

    private static final int TARGET_PANEL = 195;
    private static final int MARGIN = 12;
    private static final int GAP = 10;
    private static final int TITLE = 22;
    private static final int CAPTION = 18;
    /** Space between a text line's baseline and the bottom of its slot. */
    private static final int BASELINE = 5;
    /** The least spacing of the arrow grid, in image pixels. */
    private static final int ARROW_SPACING = 12;
    private static final Color BACKGROUND = Color.WHITE;
    private static final Color RIM = new Color(170, 170, 170);
    private static final Color INK = new Color(30, 30, 30);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** The longest arrow, as a fraction of the arrow grid's spacing. */
    private static final double ARROW_REACH = 0.95;
    /** Colour steps on each side of zero: a few bands read like contour lines, and compress well in a GIF. */
    private static final int LEVELS = 8;
    /** Grey levels of the input (0 black to 1 white), for the same reason. */
    private static final int GREYS = 16;
    private static final int GREY_STEP = 255 / (GREYS - 1);

    private final int cell;

    private FrameRenderer(int cell) {
        this.cell = cell;
    }

    /**
     * A renderer drawing every grid cell as {@code cell} x {@code cell} pixels.
     *
     * @throws IllegalArgumentException if {@code cell} is below 1
     */
    public static FrameRenderer withCell(int cell) {
        if (cell < 1) {
            throw new IllegalArgumentException("FrameRenderer: a grid cell needs at least 1 pixel, got " + cell);
        }
        return new FrameRenderer(cell);
    }

    /** A renderer whose panels are about 200 pixels wide for grids {@code side} pixels wide (cells of at least 2). */
    public static FrameRenderer forSide(int side) {
        return new FrameRenderer(Math.max(2, Math.round(TARGET_PANEL / (float) side)));
    }

    /**
     * The frame as an RGB image: a header with the angle, then per network its label, the three panels, and under
     * the stabilized view its {@link FieldResponse#stabilizedError} ("error").
     */
    public BufferedImage render(Frame frame) {
        int side = frame.input().side();
        int panel = side * cell;
        int width = 2 * MARGIN + 3 * panel + 2 * GAP;
        int row = TITLE + panel + CAPTION;
        int height = 2 * MARGIN + TITLE + CAPTION + 2 * row;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.setColor(INK);
        g.setFont(TITLE_FONT);
        g.drawString(String.format(Locale.ROOT, "input turned by %.1f\u00b0", frame.degrees()), MARGIN,
                MARGIN + TITLE - BASELINE);
        g.setFont(CAPTION_FONT);
        String[] captions = {"input", "output", "stabilized"};
        for (int col = 0; col < captions.length; col++) {
            g.drawString(captions[col], MARGIN + col * (panel + GAP), MARGIN + TITLE + CAPTION - BASELINE);
        }
        int y = MARGIN + TITLE + CAPTION;
        for (FieldResponse response : List.of(frame.steerable(), frame.conventional())) {
            g.setColor(INK);
            g.setFont(TITLE_FONT);
            g.drawString(response.label(), MARGIN, y + TITLE - BASELINE);
            int top = y + TITLE;
            drawInput(g, frame.input(), MARGIN, top);
            FieldScale scale = FieldScale.of(response.reference());
            drawFields(g, response.output(), scale, MARGIN + panel + GAP, top);
            drawFields(g, response.stabilized(), scale, MARGIN + 2 * (panel + GAP), top);
            g.setColor(INK);
            g.setFont(CAPTION_FONT);
            g.drawString("error " + relative(response.stabilizedError()), MARGIN + 2 * (panel + GAP),
                    top + panel + CAPTION - BASELINE);
            y += row;
        }
        g.dispose();
        return image;
    }

    /** A relative error as a percentage, or in scientific notation when below 0.1%. */
    private static String relative(double error) {
        if (error == 0) {
            return "0";
        }
        return error < 1e-3 ? String.format(Locale.ROOT, "%.0e", error)
                : String.format(Locale.ROOT, "%.1f%%", 100 * error);
    }

    private void drawInput(Graphics2D g, DiskImage input, int x0, int y0) {
        int side = input.side();
        g.setClip(disk(side, x0, y0));
        g.setColor(Color.BLACK);
        g.fill(disk(side, x0, y0));
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                if (CentredDisk.contains(r, c, side)) {
                    int v = GREY_STEP * Math.round((GREYS - 1) * Math.max(0f, Math.min(1f, input.pixel(r, c))));
                    g.setColor(new Color(v, v, v));
                    g.fillRect(x0 + c * cell, y0 + r * cell, cell, cell);
                }
            }
        }
        drawRim(g, side, x0, y0);
    }

    private void drawFields(Graphics2D g, FeatureFields fields, FieldScale scale, int x0, int y0) {
        int side = fields.side();
        g.setClip(disk(side, x0, y0));
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                if (CentredDisk.contains(r, c, side)) {
                    g.setColor(diverging(fields.scalar(r, c) / scale.scalar()));
                    g.fillRect(x0 + c * cell, y0 + r * cell, cell, cell);
                }
            }
        }
        int step = arrowSpacing(side, cell);
        int centre = side / 2;
        double longest = ARROW_REACH * step * cell;
        g.setColor(INK);
        g.setStroke(new BasicStroke(Math.max(1f, cell / 2.5f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int r = centre % step; r < side; r += step) {
            for (int c = centre % step; c < side; c += step) {
                if (CentredDisk.contains(r, c, side)) {
                    double dx = fields.vectorX(r, c) / scale.vector() * longest;
                    double dy = -fields.vectorY(r, c) / scale.vector() * longest;
                    arrow(g, x0 + (c + 0.5) * cell, y0 + (r + 0.5) * cell, dx, dy);
                }
            }
        }
        drawRim(g, side, x0, y0);
    }

    /** An arrow (dx, dy) centred on (x, y), in image coordinates (y down); too short ones are left out. */
    private void arrow(Graphics2D g, double x, double y, double dx, double dy) {
        double length = Math.hypot(dx, dy);
        if (length < 1.5) {
            return;
        }
        double ux = dx / length;
        double uy = dy / length;
        double tipX = x + dx / 2;
        double tipY = y + dy / 2;
        g.draw(new Line2D.Double(x - dx / 2, y - dy / 2, tipX, tipY));
        double head = Math.min(0.4 * length, 2.5 * cell);
        Path2D tip = new Path2D.Double();
        tip.moveTo(tipX, tipY);
        tip.lineTo(tipX - head * (ux + 0.5 * uy), tipY - head * (uy - 0.5 * ux));
        tip.lineTo(tipX - head * (ux - 0.5 * uy), tipY - head * (uy + 0.5 * ux));
        tip.closePath();
        g.fill(tip);
    }

    /** Ends a panel: lifts the clip and outlines the disk. */
    private void drawRim(Graphics2D g, int side, int x0, int y0) {
        g.setClip(null);
        g.setColor(RIM);
        g.setStroke(new BasicStroke(1f));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.draw(disk(side, x0, y0));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    }

    /** The panel's disk: the circle inscribed in the panel's square. */
    private Ellipse2D disk(int side, int x0, int y0) {
        return new Ellipse2D.Double(x0, y0, side * cell, side * cell);
    }

    /** The arrow grid's spacing in grid cells: about 16 arrows across, at least {@value #ARROW_SPACING} pixels apart. */
    private static int arrowSpacing(int side, int cell) {
        return Math.max(Math.round(side / 16f), (ARROW_SPACING + cell - 1) / cell);
    }

    /** White at 0, red towards +1, blue towards -1, clipped, in {@value #LEVELS} steps each way. */
    private static Color diverging(double t) {
        double a = Math.min(LEVELS, Math.round(Math.abs(t) * LEVELS)) / (double) LEVELS;
        int fade = (int) Math.round(255 * (1 - 0.85 * a));
        int keep = (int) Math.round(255 * (1 - 0.35 * a));
        return t >= 0 ? new Color(keep, fade, fade) : new Color(fade, fade, keep);
    }

    /** The largest |s| and |v| of a reference output: what full colour and the longest arrow stand for. */
    private record FieldScale(double scalar, double vector) {
        static FieldScale of(FeatureFields reference) {
            double s = reference.maxAbsScalar();
            double v = reference.maxVectorNorm();
            return new FieldScale(s > 0 ? s : 1, v > 0 ? v : 1);
        }
    }
}
