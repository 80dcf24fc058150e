package org.e2dl4j.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The benchmark CLI's options: a tiny run of the chosen networks completes, an unknown network is refused by name. */
class E2BenchmarkCliTest {

    private static int run(StringWriter err, String... args) {
        return new CommandLine(new E2Benchmark()).setCaseInsensitiveEnumValuesAllowed(true)
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void completesATinyRunOfTheChosenNetworksWithTheStepLog() {
        StringWriter err = new StringWriter();
        int exit = run(err, "--models", "c8,plain", "--width", "0.05", "--batch", "2", "--warmup", "0", "--repeats",
                "2", "--construction-repeats", "1", "--step-log");
        assertEquals(0, exit, "exit code; stderr: " + err);
    }

    @Test
    void refusesAnUnknownNetworkNamingTheChoices() {
        StringWriter err = new StringWriter();
        int exit = run(err, "--models", "C8,RESNET", "--width", "0.05", "--batch", "2");
        assertEquals(2, exit, "picocli's exit code for a bad parameter");
        String message = err.toString();
        assertTrue(message.contains("RESNET") && message.contains("C8") && message.contains("PLAIN")
                && message.contains("EXPORTED"), message);
    }
}
