package org.e2dl4j.spark;

import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.e2dl4j.testing.Rejections;
import org.junit.jupiter.api.Test;

import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParameterAveragingTrainerBuilderTest {

    @Test
    void nonPositiveCountsAreRejectedAtBuildTimeNamingTheSetting() {
        assertRejected("workers", "0", b -> b.workers(0));
        assertRejected("batchSizePerWorker", "-3", b -> b.batchSizePerWorker(-3));
        assertRejected("averagingFrequency", "0", b -> b.averagingFrequency(0));
        assertRejected("examplesPerDataSet", "0", b -> b.examplesPerDataSet(0));
    }

    @Test
    void trainingMasterCarriesTheSettingsAndDataSetSizeDefaultsToTheWorkerBatch() {
        ParameterAveragingTrainer trainer = ParameterAveragingTrainer.builder()
                .workers(3).batchSizePerWorker(16).averagingFrequency(5).build();

        ParameterAveragingTrainingMaster master = trainer.trainingMaster();

        assertEquals(16, trainer.examplesPerDataSet(), "examples per RDD element when not set");
        assertEquals(3, master.getNumWorkers(), "workers");
        assertEquals(5, master.getAveragingFrequency(), "averaging frequency");
        assertEquals(16, master.getRddDataSetNumExamples(), "examples per RDD element");
        assertTrue(master.isSaveUpdater(), "the updater state must be averaged with the parameters");
    }

    private static void assertRejected(String setting, String value,
                                       UnaryOperator<ParameterAveragingTrainer.Builder> change) {
        Rejections.assertRejected(IllegalArgumentException.class,
                () -> change.apply(ParameterAveragingTrainer.builder()).build(),
                "ParameterAveragingTrainer", setting, "got " + value);
    }
}
