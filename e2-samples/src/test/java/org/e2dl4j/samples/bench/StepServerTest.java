package org.e2dl4j.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The step server's protocol: one answer line per command, N positive times per step command, errors named. */
class StepServerTest {

    @Test
    void answersEachCommandWithOneLineAndStopsAtQuit() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BufferedReader in = new BufferedReader(new StringReader("train 2\ninfer 3\ntrain 0\nfly 2\nquit\ntrain 1\n"));
        int exit = new CommandLine(new StepServer(in, new PrintStream(bytes, true, StandardCharsets.UTF_8)))
                .setCaseInsensitiveEnumValuesAllowed(true).execute("--model", "c8", "--width", "0.05", "--batch", "2");
        assertEquals(0, exit);
        List<String> lines = Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(l -> l.startsWith("READY") || l.startsWith("STEPS") || l.startsWith("ERROR")).toList();
        assertEquals(5, lines.size(), "READY, two STEPS and two ERRORs, nothing after quit: " + lines);
        assertTrue(lines.get(0).startsWith("READY C8 width 0.05 batch 2, cache mode NONE;"), lines.get(0));
        assertTimes(lines.get(1), "train", 2);
        assertTimes(lines.get(2), "infer", 3);
        assertTrue(lines.get(3).startsWith("ERROR") && lines.get(3).contains("'train 0'"), lines.get(3));
        assertTrue(lines.get(4).startsWith("ERROR") && lines.get(4).contains("'fly 2'"), lines.get(4));
    }

    @Test
    void setsTheCacheModeOnTheNetworkItTimes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new CommandLine(new StepServer(new BufferedReader(new StringReader("train 1\nquit\n")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8))).setCaseInsensitiveEnumValuesAllowed(true)
                .execute("--model", "exported", "--width", "0.05", "--batch", "2", "--cache-mode", "device");
        assertEquals(0, exit);
        List<String> lines = Arrays.stream(bytes.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(l -> l.startsWith("READY") || l.startsWith("STEPS")).toList();
        assertTrue(lines.get(0).startsWith("READY EXPORTED width 0.05 batch 2, cache mode DEVICE;"), lines.get(0));
        assertTimes(lines.get(1), "train", 1);
    }

    @Test
    void refusesANegativePoolThresholdBeforeBuildingTheNetwork() {
        java.io.StringWriter err = new java.io.StringWriter();
        int exit = new CommandLine(new StepServer(new BufferedReader(new StringReader("quit\n")),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .setErr(new java.io.PrintWriter(err, true)).execute("--width", "0.05", "--elementwise-threshold", "-1");
        assertEquals(2, exit, "picocli's exit code for a bad parameter");
        assertTrue(err.toString().contains("thresholds"), err.toString());
    }

    private static void assertTimes(String line, String kind, int n) {
        String[] words = line.split(" ");
        assertEquals(3, words.length, line);
        assertEquals("STEPS", words[0]);
        assertEquals(kind, words[1]);
        String[] times = words[2].split(",");
        assertEquals(n, times.length, line);
        for (String t : times) {
            assertTrue(Double.parseDouble(t) > 0, line);
        }
    }
}
