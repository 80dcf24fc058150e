package org.e2dl4j.spark;

import org.apache.spark.SparkConf;

/**
 * Spark configuration for an in-process master, {@code local[T,F]}: T executor threads in this JVM
 * and up to F attempts per task (F = 1 means no retry; Spark's plain {@code local[T]} never retries).
 * Driver and block manager bind to the loopback address, the web UI is off, and Spark serializes
 * with Kryo and {@link E2KryoRegistrator} (ND4J's registrator, as DL4J recommends, plus E2-DL4J's
 * classes). On Java 17 the JVM needs the flags listed in the README's "Spark" section.
 */
public final class LocalSparkConf {

    private LocalSparkConf() {
    }

    /** The configuration; {@code threads} and {@code maxTaskAttempts} must be >= 1. */
    public static SparkConf create(String appName, int threads, int maxTaskAttempts) {
        if (threads < 1 || maxTaskAttempts < 1) {
            throw new IllegalArgumentException("LocalSparkConf: threads and maxTaskAttempts must be >= 1, got "
                    + threads + " and " + maxTaskAttempts);
        }
        return new SparkConf()
                .setAppName(appName)
                .setMaster("local[" + threads + "," + maxTaskAttempts + "]")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
                .set("spark.kryo.registrator", E2KryoRegistrator.class.getName());
    }
}
