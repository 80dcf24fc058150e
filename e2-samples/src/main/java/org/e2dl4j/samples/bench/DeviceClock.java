package org.e2dl4j.samples.bench;

import org.nd4j.linalg.factory.Nd4j;

/**
 * The profile's clock: {@link System#nanoTime()} once every op queued so far has finished. On the CPU backend ops
 * run synchronously and the wait is a no-op; on CUDA it synchronizes, so each layer is charged its own kernels.
 */
final class DeviceClock {

    private DeviceClock() {
    }

    static long now() {
        Nd4j.getExecutioner().commit();
        return System.nanoTime();
    }
}
