package org.e2dl4j.samples.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Draws an {@link AccuracyTable} as a grouped bar chart (XChart): test sets on x, accuracy in percent on y. */
public final class AccuracyChart {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;

    private AccuracyChart() {
    }

    /** The chart of {@code table} with the given title. */
    public static CategoryChart of(AccuracyTable table, String title) {
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH).height(HEIGHT)
                .title(title)
                .xAxisTitle("test digits")
                .yAxisTitle("accuracy (%)")
                .build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(100.0);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setDecimalPattern("0.0");
        for (AccuracyTable.Row row : table.rows()) {
            List<Double> percent = row.accuracies().stream().map(a -> 100 * a).toList();
            chart.addSeries(String.format("%s (%,d parameters)", row.model(), row.parameters()), table.columns(), percent);
        }
        return chart;
    }

    /** Writes the chart of {@code table} as a PNG file at {@code png}. */
    public static void writePng(AccuracyTable table, String title, Path png) throws IOException {
        CategoryChart chart = of(table, title);
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
