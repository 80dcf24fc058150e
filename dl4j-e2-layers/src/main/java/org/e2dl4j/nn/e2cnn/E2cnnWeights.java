package org.e2dl4j.nn.e2cnn;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * e2cnn weights in and out: fills a network built with our layers from an e2cnn (PyTorch) {@code state_dict}
 * saved as {@code .npz} ({@code numpy.savez}, or {@code reference/e2cnn_state_dict_to_npz.py}), and writes one
 * that e2cnn's {@code load_state_dict} accepts.
 *
 * <p>Matching is by order: the parameterized layers of the network (in order; a graph's in topological order) are
 * paired with the parameterized e2cnn / torch modules in the file's order, each module's tensors in e2cnn's
 * order ({@link ModuleMappings} says which module each layer is). Every key is checked to end in the tensor's
 * name, all keys of one module to share their prefix, and every shape to be e2cnn's for our layer's field types;
 * the first mismatch is refused with both sides named (e2cnn key, our layer's index and name, expected and found),
 * before anything is written into the network. Buffers that e2cnn derives from the architecture (sampled bases,
 * expanded filters and biases, index tables, masks, changes of basis and GNormBatchNorm's aggregators, the norm
 * nonlinearities' constant {@code eps}) are skipped; {@code num_batches_tracked} is checked to be an
 * int64 scalar and otherwise ignored (our layers keep no batch counter; {@link #save} writes 0).
 */
public final class E2cnnWeights {

    private static final Logger LOG = LoggerFactory.getLogger(E2cnnWeights.class);

    private E2cnnWeights() {
    }

    /**
     * Loads an e2cnn state into an initialised network.
     *
     * @param net the network, built with the same architecture as the e2cnn model and {@code init()}-ed
     * @param npz the state as {@code .npz}
     * @throws IllegalArgumentException on the first mismatch between the file and the network (nothing is
     *                                  written then)
     */
    public static void load(MultiLayerNetwork net, Path npz) {
        load(NetworkLayers.of(net), npz);
    }

    /**
     * Loads an e2cnn state into an initialised graph, matching its layers in topological order.
     *
     * @param net the graph, {@code init()}-ed
     * @param npz the state as {@code .npz}
     * @throws IllegalArgumentException on the first mismatch (nothing is written then)
     */
    public static void load(ComputationGraph net, Path npz) {
        load(NetworkLayers.of(net), npz);
    }

    /**
     * Writes the network's state with keys {@code <layer index>.<tensor>}, which are the keys of an e2cnn
     * {@code SequentialModule} with one module per layer.
     *
     * @param net  the network
     * @param path the {@code .npz} to write
     */
    public static void save(MultiLayerNetwork net, Path path) {
        save(NetworkLayers.of(net), path, null);
    }

    /**
     * Writes the graph's state with keys {@code <vertex name>.<tensor>}.
     *
     * @param net  the graph
     * @param path the {@code .npz} to write
     */
    public static void save(ComputationGraph net, Path path) {
        save(NetworkLayers.of(net), path, null);
    }

    /**
     * Writes the network's state under the keys of an e2cnn state of the same architecture (for example one written
     * by {@code reference/e2cnn_state_dict_to_npz.py} from the target model), matched and checked as by
     * {@link #load(MultiLayerNetwork, Path)}.
     *
     * @param net      the network
     * @param path     the {@code .npz} to write
     * @param template an e2cnn state whose keys are used
     * @throws IllegalArgumentException when the template does not match the network
     */
    public static void save(MultiLayerNetwork net, Path path, Path template) {
        save(NetworkLayers.of(net), path, template);
    }

    /**
     * As {@link #save(MultiLayerNetwork, Path, Path)}, for a graph.
     *
     * @param net      the graph
     * @param path     the {@code .npz} to write
     * @param template an e2cnn state whose keys are used
     */
    public static void save(ComputationGraph net, Path path, Path template) {
        save(NetworkLayers.of(net), path, template);
    }

    private static void load(List<ModuleMapping> modules, Path npz) {
        Map<String, INDArray> state = Npz.read(npz);
        Map<TensorMapping, Map.Entry<ModuleMapping, INDArray>> plan = new LinkedHashMap<>();
        match(modules, state, npz, (module, tensor, key, value) -> {
            checkValue(module, tensor, key, value);
            plan.put(tensor, Map.entry(module, value));
        });
        for (Map.Entry<TensorMapping, Map.Entry<ModuleMapping, INDArray>> e : plan.entrySet()) {
            if (!e.getKey().isCounter()) {
                ModuleMapping m = e.getValue().getKey();
                e.getKey().write().accept(m.params(), e.getValue().getValue());
            }
        }
        LOG.debug("loaded {} e2cnn tensors from {} into {} layers", plan.size(), npz, modules.size());
    }

    private static void save(List<ModuleMapping> modules, Path path, Path template) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        if (template == null) {
            for (ModuleMapping m : modules) {
                for (TensorMapping t : m.tensors()) {
                    out.put(m.prefix() + "." + t.suffix(), value(m, t));
                }
            }
        } else {
            match(modules, Npz.read(template), template, (module, tensor, key, value) -> out.put(key,
                    value(module, tensor)));
        }
        Npz.write(path, out);
    }

    /** Our value of one e2cnn tensor, as float32 (float64 for a DOUBLE network). */
    private static INDArray value(ModuleMapping m, TensorMapping t) {
        if (t.isCounter()) {
            return Nd4j.scalar(0L);
        }
        INDArray v = t.read().apply(m.params());
        return v.dataType() == DataType.DOUBLE ? v : v.castTo(DataType.FLOAT);
    }

    /** What to do with each matched (module, tensor, e2cnn key, e2cnn value). */
    private interface Matched {
        void accept(ModuleMapping module, TensorMapping tensor, String key, INDArray value);
    }

    /** Pairs the modules' tensors with the file's keys in order, checking names and shapes. */
    private static void match(List<ModuleMapping> modules, Map<String, INDArray> state, Path file, Matched matched) {
        List<String> keys = new ArrayList<>();
        for (String key : state.keySet()) {
            if (!isDerived(key)) {
                keys.add(key);
            }
        }
        int at = 0;
        for (ModuleMapping m : modules) {
            String prefix = null;
            for (TensorMapping t : m.tensors()) {
                if (at >= keys.size()) {
                    throw new IllegalArgumentException(file + ": the e2cnn state ends before " + m.describe()
                            + ": expected '" + (prefix == null ? "..." : prefix) + t.suffix() + "' of shape "
                            + Arrays.toString(t.shape()) + (at == 0 ? "" : " after e2cnn key '" + keys.get(at - 1)
                            + "'") + ", found no more keys (missing key)");
                }
                String key = keys.get(at);
                String expected = prefix == null ? "a key ending in '" + t.suffix() + "'" : "'" + prefix + t.suffix() + "'";
                boolean ok = prefix == null ? key.endsWith(t.suffix()) && startsModule(key, t.suffix())
                        : key.equals(prefix + t.suffix());
                if (!ok) {
                    throw new IllegalArgumentException(file + ": e2cnn key '" + key + "' does not match "
                            + m.describe() + ": expected " + expected + " (tensor " + (m.tensors().indexOf(t) + 1)
                            + " of " + m.tensors().size() + " of that layer: " + suffixes(m) + ")");
                }
                if (prefix == null) {
                    prefix = key.substring(0, key.length() - t.suffix().length());
                }
                checkShape(m, t, key, state.get(key));
                matched.accept(m, t, key, state.get(key));
                at++;
            }
        }
        if (at < keys.size()) {
            throw new IllegalArgumentException(file + ": the e2cnn state has " + (keys.size() - at)
                    + " extra key(s) after the network's last parameterized layer"
                    + (modules.isEmpty() ? "" : " " + modules.get(modules.size() - 1).describe())
                    + ", first '" + keys.get(at) + "' of shape " + Arrays.toString(state.get(keys.get(at)).shape()));
        }
    }

    private static boolean startsModule(String key, String suffix) {
        int cut = key.length() - suffix.length();
        return cut == 0 || key.charAt(cut - 1) == '.';
    }

    private static String suffixes(ModuleMapping m) {
        return m.tensors().stream().map(TensorMapping::suffix).toList().toString();
    }

    private static void checkShape(ModuleMapping m, TensorMapping t, String key, INDArray value) {
        if (t.isCounter()) {
            if (value.dataType() != DataType.LONG || value.length() != 1 || value.rank() > 1) {
                throw new IllegalArgumentException("e2cnn key '" + key + "' for " + m.describe()
                        + ": expected an int64 scalar (torch's num_batches_tracked), found " + value.dataType()
                        + " of shape " + Arrays.toString(value.shape()));
            }
            return;
        }
        if (!Arrays.equals(t.shape(), value.shape())) {
            throw new IllegalArgumentException("e2cnn key '" + key + "' has shape " + Arrays.toString(value.shape())
                    + ", but " + m.describe() + " expects shape " + Arrays.toString(t.shape()) + " for '"
                    + t.suffix() + "' (from its field types and options)");
        }
        if (value.dataType() != DataType.FLOAT && value.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("e2cnn key '" + key + "' for " + m.describe()
                    + ": expected float32 or float64 values, found " + value.dataType());
        }
    }

    private static void checkValue(ModuleMapping m, TensorMapping t, String key, INDArray value) {
        if (t.isCounter()) {
            return;
        }
        INDArray flat = value.reshape(value.length());
        for (long i = 0; i < flat.length(); i++) {
            double v = flat.getDouble(i);
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("e2cnn key '" + key + "' for " + m.describe() + " holds " + v
                        + " at flat index " + i + "; expected finite values");
            }
            if (t.suffix().endsWith("running_var") && v < 0) {
                throw new IllegalArgumentException("e2cnn key '" + key + "' for " + m.describe() + " holds the variance "
                        + v + " at index " + i + "; expected non-negative running variances");
            }
        }
    }

    /** Whether a key names a buffer that e2cnn 0.2.3 derives from the architecture. */
    static boolean isDerived(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1);
        return key.contains("_basisexpansion.") || last.equals("filter") || last.equals("expanded_bias")
                || last.equals("bias_expansion") || last.equals("mask") || last.contains("indices")
                || last.contains("change_of_basis") || last.startsWith("vars_aggregator_")
                || last.startsWith("vars_propagator_") || last.equals("eps");
    }
}
