package org.e2dl4j.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Synchronous data-parallel training of a DL4J {@link MultiLayerNetwork} (equivariant layers
 * included) on Spark with DL4J's parameter averaging: every round, each of {@code W} workers starts
 * from the current parameters theta and updater state, fits {@code F} minibatches of {@code B}
 * examples, and the master replaces theta (and the updater state) by the mean over the workers,
 * theta = (1/W) sum_w theta_w. With W = 1 and F = 1 a round is exactly one {@code fit} step.
 *
 * <p>The training data is an RDD of {@link DataSet}s of {@code examplesPerDataSet} examples each
 * (by default one minibatch of B examples). Within one call to {@link #fit} DL4J assigns the
 * elements to rounds at random (seeded by {@code rngSeed}).
 */
public final class ParameterAveragingTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ParameterAveragingTrainer.class);

    private final int workers;
    private final int batchSizePerWorker;
    private final int averagingFrequency;
    private final int examplesPerDataSet;
    private final long rngSeed;

    private ParameterAveragingTrainer(Builder builder) {
        this.workers = builder.workers;
        this.batchSizePerWorker = builder.batchSizePerWorker;
        this.averagingFrequency = builder.averagingFrequency;
        this.examplesPerDataSet = builder.examplesPerDataSet == null ? builder.batchSizePerWorker
                : builder.examplesPerDataSet;
        this.rngSeed = builder.rngSeed;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int workers() {
        return workers;
    }

    public int batchSizePerWorker() {
        return batchSizePerWorker;
    }

    public int averagingFrequency() {
        return averagingFrequency;
    }

    public int examplesPerDataSet() {
        return examplesPerDataSet;
    }

    public long rngSeed() {
        return rngSeed;
    }

    /**
     * DL4J's training master for these settings: direct training from the RDD (no export to files),
     * updater state averaged with the parameters.
     */
    public ParameterAveragingTrainingMaster trainingMaster() {
        return new ParameterAveragingTrainingMaster.Builder(workers, examplesPerDataSet)
                .batchSizePerWorker(batchSizePerWorker)
                .averagingFrequency(averagingFrequency)
                .saveUpdater(true)
                .workerPrefetchNumBatches(0)
                .rddTrainingApproach(RDDTrainingApproach.Direct)
                .rngSeed(rngSeed)
                .build();
    }

    /** Wraps {@code network} (initialised) for training on {@code sc}; the wrapper trains it in place. */
    public SparkDl4jMultiLayer distribute(JavaSparkContext sc, MultiLayerNetwork network) {
        if (!network.isInitCalled()) {
            throw new IllegalStateException("ParameterAveragingTrainer: the network must be initialised "
                    + "(MultiLayerNetwork.init()) before it is distributed");
        }
        return new SparkDl4jMultiLayer(sc, network, trainingMaster());
    }

    /**
     * Trains {@code network} for {@code epochs} passes over {@code data} and returns it (the same
     * instance, holding the averaged parameters).
     */
    public MultiLayerNetwork fit(JavaSparkContext sc, MultiLayerNetwork network, JavaRDD<DataSet> data, int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("ParameterAveragingTrainer: epochs must be >= 1, got " + epochs);
        }
        SparkDl4jMultiLayer sparkNetwork = distribute(sc, network);
        for (int epoch = 0; epoch < epochs; epoch++) {
            sparkNetwork.fit(data);
            LOG.debug("epoch {}: mean worker score {}", epoch, sparkNetwork.getScore());
        }
        return sparkNetwork.getNetwork();
    }

    /** Builder; all counts must be positive. */
    public static final class Builder {
        private int workers = 1;
        private int batchSizePerWorker = 16;
        private int averagingFrequency = 1;
        private Integer examplesPerDataSet;
        private long rngSeed = 12345L;

        private Builder() {
        }

        /** Number of parallel workers W (Spark executor threads used for training). */
        public Builder workers(int workers) {
            this.workers = workers;
            return this;
        }

        /** Minibatch size B of each worker's fit steps. */
        public Builder batchSizePerWorker(int batchSizePerWorker) {
            this.batchSizePerWorker = batchSizePerWorker;
            return this;
        }

        /** Number F of minibatches each worker fits between two averagings. */
        public Builder averagingFrequency(int averagingFrequency) {
            this.averagingFrequency = averagingFrequency;
            return this;
        }

        /** Number of examples in each DataSet of the training RDD; defaults to the worker batch size. */
        public Builder examplesPerDataSet(int examplesPerDataSet) {
            this.examplesPerDataSet = examplesPerDataSet;
            return this;
        }

        /** Seed of the random assignment of RDD elements to averaging rounds. */
        public Builder rngSeed(long rngSeed) {
            this.rngSeed = rngSeed;
            return this;
        }

        public ParameterAveragingTrainer build() {
            requirePositive("workers", workers);
            requirePositive("batchSizePerWorker", batchSizePerWorker);
            requirePositive("averagingFrequency", averagingFrequency);
            if (examplesPerDataSet != null) {
                requirePositive("examplesPerDataSet", examplesPerDataSet);
            }
            return new ParameterAveragingTrainer(this);
        }

        private static void requirePositive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException("ParameterAveragingTrainer: " + name + " must be >= 1, got " + value);
            }
        }
    }
}
