package org.e2dl4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.kryo.Nd4jSerializer;

/**
 * dl4j-spark and nd4j-kryo exist only as 1.0.0-M2 builds; this module runs them on the 1.0.0-M2.1
 * core and on Spark 3.3. Proven here statically: every class, field and method the two M2 jars
 * reference resolves on this module's class path, except the MLlib classes of
 * {@code org.deeplearning4j.spark.util.MLLibUtil} (MLlib is left out: only the LabeledPoint
 * conversions use it).
 */
class Dl4jSparkLinkageTest {

    private static final String MLLIB_BRIDGE = "org.deeplearning4j.spark.util.MLLibUtil";

    @Test
    void dl4jSparkM2ResolvesAgainstTheM2_1CoreAndSpark3_3() throws Exception {
        Path jar = jarOf(SparkDl4jMultiLayer.class);
        assertTrue(jar.getFileName().toString().contains("1.0.0-M2"), "expected the M2 build of dl4j-spark, got " + jar);

        Map<String, List<String>> problems = new LinkageCheck(getClass().getClassLoader()).check(jar);

        Map<String, List<String>> unexpected = new TreeMap<>();
        problems.forEach((from, missing) -> {
            List<String> other = missing.stream()
                    .filter(m -> !(from.startsWith(MLLIB_BRIDGE) && m.startsWith("class org.apache.spark.mllib.")))
                    .toList();
            if (!other.isEmpty()) {
                unexpected.put(from, other);
            }
        });
        assertEquals(Map.of(), unexpected, "unresolvable references of " + jar.getFileName()
                + " other than MLlib's, by referring class");
        assertTrue(problems.containsKey(MLLIB_BRIDGE),
                "the check should see MLLibUtil's references to the left-out MLlib; it found none, so it checked nothing");
    }

    @Test
    void nd4jKryoM2ResolvesAgainstTheM2_1Core() throws Exception {
        Path jar = jarOf(Nd4jSerializer.class);
        assertTrue(jar.getFileName().toString().contains("1.0.0-M2"), "expected the M2 build of nd4j-kryo, got " + jar);

        assertEquals(Map.of(), new LinkageCheck(getClass().getClassLoader()).check(jar),
                "unresolvable references of " + jar.getFileName() + ", by referring class");
    }

    private static Path jarOf(Class<?> cls) throws URISyntaxException {
        return Path.of(cls.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
