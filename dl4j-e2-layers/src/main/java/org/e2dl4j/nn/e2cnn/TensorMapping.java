package org.e2dl4j.nn.e2cnn;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One tensor of an e2cnn module and where it lives among a layer's parameters: its key below the module
 * ({@code weights}, {@code batch_norm_[8].running_var}), its shape in e2cnn, how to read it from the layer's
 * parameter table and how to write it there. A tensor without parameters behind it ({@code num_batches_tracked})
 * has no reader or writer.
 *
 * @param suffix the key below the module's prefix
 * @param shape  the e2cnn shape
 * @param read   the e2cnn tensor made from the layer's parameters, or null
 * @param write  stores an e2cnn tensor (already checked to have {@code shape}) into the parameters, or null
 */
record TensorMapping(String suffix, long[] shape, Function<Map<String, INDArray>, INDArray> read,
                     BiConsumer<Map<String, INDArray>, INDArray> write) {

    /** Whether this is torch's batch counter, which our layers do not keep. */
    boolean isCounter() {
        return read == null;
    }
}
