package org.e2dl4j.samples.train;

import java.util.List;
import java.util.Locale;

/**
 * The result table of the rotated-MNIST sample: one row per model (parameters, training time, test
 * accuracy in percent on each evaluation set), one column per evaluation set.
 *
 * @param columns the evaluation set names
 * @param rows    one row per model
 */
public record AccuracyTable(List<String> columns, List<Row> rows) {

    /**
     * One model's row.
     *
     * @param model           the model's name
     * @param parameters      its parameter count
     * @param trainingSeconds its training time
     * @param accuracies      accuracy in [0, 1] per column
     */
    public record Row(String model, long parameters, double trainingSeconds, List<Double> accuracies) {

        /** Copies the accuracies. */
        public Row {
            accuracies = List.copyOf(accuracies);
        }
    }

    /** Checks that every row has one accuracy per column. */
    public AccuracyTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row row : rows) {
            if (row.accuracies().size() != columns.size()) {
                throw new IllegalArgumentException("accuracy table: expected " + columns.size() + " accuracies " + columns
                        + " for model " + row.model() + ", got " + row.accuracies().size());
            }
        }
    }

    /** The table of the given results, whose accuracies follow {@code columns}. */
    public static AccuracyTable of(List<String> columns, List<ModelResult> results) {
        return new AccuracyTable(columns, results.stream()
                .map(r -> new Row(r.model(), r.parameters(), r.trainingSeconds(), r.accuracies()))
                .toList());
    }

    /** The table as aligned text, accuracies in percent with one decimal. */
    public String format() {
        int modelWidth = Math.max("model".length(), rows.stream().mapToInt(r -> r.model().length()).max().orElse(0));
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-" + modelWidth + "s %10s %9s", "model", "parameters", "train s"));
        for (String column : columns) {
            text.append(String.format(Locale.ROOT, " %12s", column));
        }
        text.append('\n');
        for (Row row : rows) {
            text.append(String.format(Locale.ROOT, "%-" + modelWidth + "s %10d %9.1f", row.model(), row.parameters(),
                    row.trainingSeconds()));
            for (double accuracy : row.accuracies()) {
                text.append(String.format(Locale.ROOT, " %11.1f%%", 100 * accuracy));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The table as CSV with a header line, accuracies as fractions in [0, 1]. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("model,parameters,training_seconds");
        for (String column : columns) {
            csv.append(',').append(column);
        }
        csv.append('\n');
        for (Row row : rows) {
            csv.append(row.model()).append(',').append(row.parameters())
                    .append(String.format(Locale.ROOT, ",%.3f", row.trainingSeconds()));
            for (double accuracy : row.accuracies()) {
                csv.append(String.format(Locale.ROOT, ",%.6f", accuracy));
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
