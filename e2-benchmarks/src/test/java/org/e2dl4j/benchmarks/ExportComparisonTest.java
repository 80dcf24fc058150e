package org.e2dl4j.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.e2dl4j.onednn.OneDnnHelpers;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * {@link ExportComparison} on tiny runs, of the train step and of inference: one line per round with a time for each
 * of the four networks, then a positive ratio to the C8 model for each of the three exports; bad options are refused
 * with picocli's usage error.
 */
class ExportComparisonTest {

    private static final Pattern RATIO = Pattern.compile("  (exported[^:]*): median ([0-9.]+) \\(range ([0-9.]+)-([0-9.]+)\\)");

    @Test
    void printsEachRoundAndTheRatioOfEachExport() {
        String text = run("--width", "0.125", "--batch", "2", "--warmup", "1", "--rounds", "2", "--block", "1");
        assertTrue(text.contains("; train step / C8 model's:"), text);
        assertRoundsAndRatios(text);
    }

    @Test
    void timesInferenceOnRequest() {
        String text = run("--inference", "--width", "0.125", "--batch", "2", "--warmup", "1", "--rounds", "2", "--block", "1");
        assertTrue(text.contains("; inference / C8 model's:"), text);
        assertRoundsAndRatios(text);
    }

    @Test
    void timesOnlyTheFullyInstalledExportOnRequest() {
        String text = run("--all-installs-only", "--width", "0.125", "--batch", "2", "--warmup", "1", "--rounds", "2",
                "--block", "1");
        List<String> exports = text.lines().map(RATIO::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
        assertEquals(List.of("exported + BatchNormHelpers + ReluLayers + FrozenDepthwiseLayers"), exports, text);
        String round = text.lines().filter(l -> l.startsWith("round 0:")).findFirst().orElseThrow();
        assertEquals(2, round.split(" ms;", -1).length - 1, "two networks a round: " + round);
    }

    /** Runs the command with DL4J's helper switch restored afterwards, and returns what it printed. */
    private static String run(String... args) {
        String before = System.getProperty(OneDnnHelpers.DISABLE_PROPERTY);
        StringWriter text = new StringWriter();
        try {
            CommandLine cmd = new CommandLine(new ExportComparison());
            cmd.setOut(new PrintWriter(text));
            assertEquals(0, cmd.execute(args));
        } finally {
            if (before == null) {
                System.clearProperty(OneDnnHelpers.DISABLE_PROPERTY);
            } else {
                System.setProperty(OneDnnHelpers.DISABLE_PROPERTY, before);
            }
        }
        return text.toString();
    }

    private static void assertRoundsAndRatios(String output) {
        Supplier<String> text = () -> output;
        List<String> lines = output.lines().toList();
        assertEquals(2, lines.stream().filter(l -> l.startsWith("round ")).count(), text);
        assertTrue(lines.get(0).contains("C8 ")
                && lines.get(0).contains("exported + BatchNormHelpers + ReluLayers + FrozenDepthwiseLayers "), text);
        List<String> exports = lines.stream().map(RATIO::matcher).filter(Matcher::matches).map(m -> {
            double median = Double.parseDouble(m.group(2));
            assertTrue(median > 0 && Double.parseDouble(m.group(3)) <= median
                    && median <= Double.parseDouble(m.group(4)), m.group());
            return m.group(1);
        }).toList();
        assertEquals(List.of("exported", "exported + BatchNormHelpers", "exported + BatchNormHelpers + ReluLayers",
                "exported + BatchNormHelpers + ReluLayers + FrozenDepthwiseLayers"), exports, text);
    }

    @Test
    void refusesBadOptions() {
        for (String[] args : new String[][] {{"--batch", "0"}, {"--rounds", "0"}, {"--width", "0"}, {"--warmup", "-1"}}) {
            StringWriter err = new StringWriter();
            CommandLine cmd = new CommandLine(new ExportComparison());
            cmd.setErr(new PrintWriter(err));
            assertEquals(2, cmd.execute(args), String.join(" ", args));
            assertTrue(err.toString().contains("expected --batch, --rounds, --block >= 1"), err::toString);
        }
    }
}
