package org.e2dl4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.serializer.JavaSerializer;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.Serializer;
import org.apache.spark.serializer.SerializerInstance;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.reflect.ClassTag$;
import scala.reflect.ClassTag;

/**
 * Trains {@link SparkTestNetwork} with DL4J's Spark parameter averaging on an in-process master
 * {@code local[2,2]} (two executor threads, two attempts per task).
 */
class ParameterAveragingTrainerTest {

    private static final Logger LOG = LoggerFactory.getLogger(ParameterAveragingTrainerTest.class);
    private static final long SEED = 42L;
    private static final int BATCH = 8;

    private static JavaSparkContext sc;

    @BeforeAll
    static void startSpark() {
        sc = new JavaSparkContext(LocalSparkConf.create("e2-spark-test", 2, 2));
    }

    @AfterAll
    static void stopSpark() {
        if (sc != null) {
            sc.stop();
        }
    }

    @Test
    void twoWorkersAveragingEveryFourStepsHalveTheLoss() {
        List<DataSet> batches = CrossesDataSet.minibatches(16, BATCH, 1L);
        DataSet all = DataSet.merge(batches);
        MultiLayerNetwork network = SparkTestNetwork.initialised(SEED);
        double before = network.score(all);

        ParameterAveragingTrainer trainer = ParameterAveragingTrainer.builder()
                .workers(2).batchSizePerWorker(BATCH).averagingFrequency(4).build();
        trainer.fit(sc, network, sc.parallelize(batches, 2), 4);

        double after = network.score(all);
        LOG.info("two workers, parameter averaging: training loss {} -> {}", before, after);
        assertTrue(after < 0.5 * before,
                "cross-entropy on the training set: expected below half of " + before + ", got " + after);
    }

    @Test
    void oneWorkerAveragingEveryStepEqualsTheSameSingleMachineSteps() {
        List<DataSet> batches = CrossesDataSet.minibatches(4, BATCH, 2L);
        MultiLayerNetwork reference = SparkTestNetwork.initialised(SEED);
        INDArray initial = reference.params().dup();
        MultiLayerNetwork distributed = reference.clone();
        for (DataSet batch : batches) {
            reference.fit(batch);
        }

        trainOneStepPerRound(distributed, batches, false);

        assertSameParameters(reference.params(), distributed.params(), initial, "fault-free run");
    }

    @Test
    void failedWorkerTaskIsRetriedAndTrainingGivesTheSameParameters() {
        List<DataSet> batches = CrossesDataSet.minibatches(4, BATCH, 3L);
        MultiLayerNetwork reference = SparkTestNetwork.initialised(SEED);
        INDArray initial = reference.params().dup();
        MultiLayerNetwork distributed = reference.clone();
        for (DataSet batch : batches) {
            reference.fit(batch);
        }

        FailOnceListener.arm();
        trainOneStepPerRound(distributed, batches, true);

        assertEquals(1, FailOnceListener.injected(), "injected task failures");
        assertTrue(FailOnceListener.retryIterations() >= 1,
                "expected the failed task to run again as attempt 1, got no iteration from a retry attempt");
        assertSameParameters(reference.params(), distributed.params(), initial, "run with one failed task");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"java", "kryo"})
    void networkConfigurationSurvivesSparksSerializers(String kind) {
        MultiLayerNetwork network = SparkTestNetwork.initialised(SEED);
        MultiLayerConfiguration configuration = network.getLayerWiseConfigurations();
        Serializer serializer = kind.equals("java") ? new JavaSerializer(sc.getConf()) : new KryoSerializer(sc.getConf());
        SerializerInstance instance = serializer.newInstance();
        ClassTag<MultiLayerConfiguration> tag = ClassTag$.MODULE$.apply(MultiLayerConfiguration.class);

        MultiLayerConfiguration shipped = instance.deserialize(instance.serialize(configuration, tag), tag);

        assertEquals(configuration, shipped, "configuration after Spark's " + kind + " serializer");
        MultiLayerNetwork rebuilt = new MultiLayerNetwork(shipped.clone());
        rebuilt.init(network.params().dup(), false);
        DataSet probe = CrossesDataSet.minibatches(1, BATCH, 4L).get(0);
        assertEquals(network.output(probe.getFeatures()), rebuilt.output(probe.getFeatures()),
                "output of the network rebuilt from the configuration shipped by the " + kind + " serializer");
    }

    @Test
    void uninitialisedNetworkIsRejectedBeforeAnySparkJob() {
        MultiLayerNetwork network = new MultiLayerNetwork(SparkTestNetwork.configuration(SEED));
        ParameterAveragingTrainer trainer = ParameterAveragingTrainer.builder().build();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> trainer.distribute(sc, network));
        assertTrue(e.getMessage().contains("init()"), "message should say to call init(), got: " + e.getMessage());
    }

    /** One Spark fit call per minibatch, so that every averaging round sees exactly that minibatch. */
    private static void trainOneStepPerRound(MultiLayerNetwork network, List<DataSet> batches, boolean failOnce) {
        ParameterAveragingTrainer trainer = ParameterAveragingTrainer.builder()
                .workers(1).batchSizePerWorker(BATCH).averagingFrequency(1).build();
        SparkDl4jMultiLayer sparkNetwork = trainer.distribute(sc, network);
        if (failOnce) {
            sparkNetwork.setListeners(new FailOnceListener());
        }
        for (DataSet batch : batches) {
            sparkNetwork.fit(sc.parallelize(List.of(batch), 1));
        }
    }

    private static void assertSameParameters(INDArray expected, INDArray actual, INDArray initial, String run) {
        double moved = Transforms.abs(expected.sub(initial)).maxNumber().doubleValue();
        assertTrue(moved > 1e-3, "single-machine SGD should move the parameters, max change " + moved);
        double difference = Transforms.abs(expected.sub(actual)).maxNumber().doubleValue();
        LOG.info("{}: max |Spark - single machine| = {}, max step change {}", run, difference, moved);
        assertTrue(difference <= 1e-6, run + ": parameters after the Spark rounds vs the same single-machine fit "
                + "steps: expected max |difference| <= 1e-6 (the steps moved them by up to " + moved + "), got "
                + difference);
    }
}
