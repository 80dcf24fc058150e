package org.e2dl4j.spark;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.spark.TaskContext;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * Fault injection for local-mode Spark tests: the first worker iteration after {@link #arm()} throws
 * (after the worker has already updated its parameters), so Spark must discard that task attempt
 * and run it again. Counters are static because Spark deserialises its own copy of the listener in
 * each task; local mode runs all tasks in this JVM.
 */
final class FailOnceListener extends BaseTrainingListener implements Serializable {

    private static final AtomicInteger FAILURES_TO_INJECT = new AtomicInteger();
    private static final AtomicInteger INJECTED = new AtomicInteger();
    private static final AtomicInteger RETRY_ITERATIONS = new AtomicInteger();

    static void arm() {
        FAILURES_TO_INJECT.set(1);
        INJECTED.set(0);
        RETRY_ITERATIONS.set(0);
    }

    /** Number of failures thrown since {@link #arm()}. */
    static int injected() {
        return INJECTED.get();
    }

    /** Number of worker iterations run by a task attempt other than the first since {@link #arm()}. */
    static int retryIterations() {
        return RETRY_ITERATIONS.get();
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() > 0) {
            RETRY_ITERATIONS.incrementAndGet();
        }
        if (FAILURES_TO_INJECT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            INJECTED.incrementAndGet();
            throw new IllegalStateException("failure injected by the test into a worker task");
        }
    }
}
