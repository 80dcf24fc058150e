package org.e2dl4j.nn.e2cnn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.batchnorm.GNormBatchNorm;
import org.e2dl4j.nn.batchnorm.InducedNormBatchNorm;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.e2dl4j.nn.batchnorm.NormBatchNorm;
import org.e2dl4j.nn.conv.AbstractR2Conv;
import org.e2dl4j.nn.nonlinear.AbstractGatedNonLinearity;
import org.e2dl4j.nn.nonlinear.InducedGatedNonLinearity1;
import org.e2dl4j.nn.nonlinear.InducedNormNonLinearity;
import org.e2dl4j.nn.nonlinear.NormNonLinearity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which e2cnn or torch module each of our parameterized layers is, and how their tensors correspond:
 * <ul>
 *   <li>R2Conv / R2ConvTransposed: {@code bias} = "b" (one per trivial irrep of the output type; e2cnn
 *       registers it before the weights), then {@code weights} = "W" (basis coefficients, same order);</li>
 *   <li>InnerBatchNorm: per field size s, in order of first occurrence in the field type, e2cnn's
 *       {@code batch_norm_[s]} (a torch BatchNorm3d over the fields of that size, in field order):
 *       {@code weight}, {@code bias}, {@code running_mean}, {@code running_var}, {@code num_batches_tracked};</li>
 *   <li>NormBatchNorm: per field size s, in order of first occurrence, {@code [s]_weight} (shape [1, n, 1, 1, 1]
 *       over the n fields of that size, in field order), then per size {@code [s]_running_var} (same shape) and
 *       {@code num_batches_tracked}; InducedNormBatchNorm likewise per (size, sub-field size) id, keys
 *       {@code (s, d)_weight} / {@code (s, d)_running_var} of shape [1, n, 1, 1, 1, 1];</li>
 *   <li>GNormBatchNorm over fields of one representation r: {@code r_weight} and {@code r_running_var}
 *       ([fields, irreps of r]), {@code r_bias} and {@code r_running_mean} ([fields, trivial irreps of r]);
 *       several representations are refused (e2cnn orders them by a Python set, which varies between runs), and
 *       so is r without a trivial irrep (e2cnn's empty [fields, 0] bias);</li>
 *   <li>NormNonLinearity / InducedNormNonLinearity: {@code log_bias} ([1, fields, 1, 1] / [fields], our
 *       "logBias" in the same order); the gated nonlinearities: {@code bias} ([1, gates, 1, 1], or
 *       [1, gates, 1, 1, 1] for InducedGatedNonLinearity1), our "b";</li>
 *   <li>DenseLayer / OutputLayer: torch Linear, {@code weight} = W transposed ([out, in]), {@code bias} = b;</li>
 *   <li>BatchNormalization: torch BatchNorm1d / 2d ({@code running_var} = 10^(2 log10stdev) when DL4J keeps
 *       the log of the standard deviation).</li>
 * </ul>
 * Layers without parameters have no module here; other parameterized layers are refused by name.
 */
final class ModuleMappings {

    private static final String COUNTER = "num_batches_tracked";
    /** Our norm nonlinearities' key (NormParamInitializer's, package-private there). */
    private static final String LOG_BIAS = "logBias";
    /** Our gated nonlinearities' key (GateParamInitializer's, package-private there). */
    private static final String GATE_BIAS = "b";
    private static final String GAMMA = BatchNormalizationParamInitializer.GAMMA;
    private static final String BETA = BatchNormalizationParamInitializer.BETA;
    private static final String MEAN = BatchNormalizationParamInitializer.GLOBAL_MEAN;
    private static final String VAR = BatchNormalizationParamInitializer.GLOBAL_VAR;

    private ModuleMappings() {
    }

    /**
     * The mapping of one layer, or null when it has no parameters.
     *
     * @throws IllegalArgumentException when the layer has parameters but no e2cnn counterpart here
     */
    static ModuleMapping of(int index, String name, String prefix, Layer conf, Map<String, INDArray> params) {
        if (params.isEmpty()) {
            return null;
        }
        List<TensorMapping> tensors = new ArrayList<>();
        String kind;
        if (conf instanceof AbstractR2Conv) {
            kind = conf.getClass().getSimpleName();
            if (params.containsKey("b")) {
                tensors.add(vector("bias", "b", params));
            }
            tensors.add(vector("weights", "W", params));
        } else if (conf instanceof InnerBatchNorm bn) {
            kind = "InnerBatchNorm";
            innerBatchNorm(bn.getInType(), params, tensors);
        } else if (conf instanceof NormBatchNorm bn) {
            kind = "NormBatchNorm";
            normBatchNorm(bn.getInType(), r -> String.valueOf(r.size()), 5, params, tensors);
        } else if (conf instanceof InducedNormBatchNorm bn) {
            kind = "InducedNormBatchNorm";
            normBatchNorm(bn.getInType(), r -> "(" + r.size() + ", " + r.inducedSubfieldSize().orElseThrow() + ")",
                    6, params, tensors);
        } else if (conf instanceof GNormBatchNorm bn) {
            kind = "GNormBatchNorm";
            gNormBatchNorm(index, name, bn.getInType(), params, tensors);
        } else if (conf instanceof NormNonLinearity || conf instanceof InducedNormNonLinearity) {
            kind = conf.getClass().getSimpleName();
            long n = params.get(LOG_BIAS).length();
            tensors.add(vector("log_bias", LOG_BIAS, conf instanceof NormNonLinearity ? new long[] {1, n, 1, 1}
                    : new long[] {n}));
        } else if (conf instanceof AbstractGatedNonLinearity) {
            kind = conf.getClass().getSimpleName();
            long n = params.get(GATE_BIAS).length();
            tensors.add(vector("bias", GATE_BIAS, conf instanceof InducedGatedNonLinearity1
                    ? new long[] {1, n, 1, 1, 1} : new long[] {1, n, 1, 1}));
        } else if (conf instanceof DenseLayer || conf instanceof OutputLayer) {
            kind = conf.getClass().getSimpleName() + " (torch Linear)";
            FeedForwardLayer ff = (FeedForwardLayer) conf;
            tensors.add(new TensorMapping("weight", new long[] {ff.getNOut(), ff.getNIn()},
                    p -> p.get(DefaultParamInitializer.WEIGHT_KEY).transpose().dup('c'),
                    (p, v) -> p.get(DefaultParamInitializer.WEIGHT_KEY).assign(v.transpose())));
            if (params.containsKey(DefaultParamInitializer.BIAS_KEY)) {
                tensors.add(vector("bias", DefaultParamInitializer.BIAS_KEY, params));
            }
        } else if (conf instanceof BatchNormalization) {
            kind = "BatchNormalization (torch BatchNorm)";
            stockBatchNorm(params, tensors);
        } else {
            throw new IllegalArgumentException("layer " + index + " '" + name + "' (" + conf.getClass().getSimpleName()
                    + ") has parameters " + params.keySet() + " but no e2cnn counterpart in E2cnnWeights; mapped are "
                    + "R2Conv, R2ConvTransposed, InnerBatchNorm, NormBatchNorm, InducedNormBatchNorm, GNormBatchNorm, "
                    + "NormNonLinearity, InducedNormNonLinearity, the gated nonlinearities, DenseLayer, OutputLayer "
                    + "and BatchNormalization");
        }
        return new ModuleMapping(index, name, prefix, kind, List.copyOf(tensors), params);
    }

    /** A parameter that e2cnn holds as a vector of the same length and order. */
    private static TensorMapping vector(String suffix, String key, Map<String, INDArray> params) {
        return vector(suffix, key, new long[] {params.get(key).length()});
    }

    /** A parameter that e2cnn holds in the same order, as a tensor of {@code shape}. */
    private static TensorMapping vector(String suffix, String key, long[] shape) {
        return new TensorMapping(suffix, shape, p -> p.get(key).dup('c').reshape(shape),
                (p, v) -> p.get(key).assign(v.reshape(p.get(key).shape())));
    }

    /**
     * e2cnn's NormBatchNorm / InducedNormBatchNorm: fields grouped by {@code id} in order of first occurrence,
     * one scale ({@code <id>_weight}) and running variance ({@code <id>_running_var}) per field, each of shape
     * [1, fields, 1, ...] of the given rank; all weights first (torch's parameters), then the variances.
     */
    private static void normBatchNorm(FieldType type, java.util.function.Function<Representation, String> id,
                                      int rank, Map<String, INDArray> params, List<TensorMapping> tensors) {
        Map<String, List<Integer>> fieldsById = new LinkedHashMap<>();
        for (int f = 0; f < type.fieldCount(); f++) {
            fieldsById.computeIfAbsent(id.apply(type.representations().get(f)), k -> new ArrayList<>()).add(f);
        }
        for (String[] pair : new String[][] {{"_weight", GAMMA}, {"_running_var", VAR}}) {
            if (!params.containsKey(pair[1])) {
                continue;
            }
            for (Map.Entry<String, List<Integer>> group : fieldsById.entrySet()) {
                long[] fields = group.getValue().stream().mapToLong(Integer::longValue).toArray();
                long[] shape = new long[rank];
                Arrays.fill(shape, 1);
                shape[1] = fields.length;
                tensors.add(gathered(group.getKey() + pair[0], pair[1], fields, shape));
            }
        }
        if (params.containsKey(VAR)) {
            tensors.add(counter(COUNTER));
        }
    }

    /** e2cnn's GNormBatchNorm over fields of one representation: our per-irrep vectors, as [fields, irreps]. */
    private static void gNormBatchNorm(int index, String name, FieldType type, Map<String, INDArray> params,
                                       List<TensorMapping> tensors) {
        Representation r = type.representations().get(0);
        String who = "layer " + index + " '" + name + "' (GNormBatchNorm)";
        for (Representation other : type.representations()) {
            if (!other.name().equals(r.name())) {
                throw new IllegalArgumentException(who + " has fields of representations '" + r.name() + "' and '"
                        + other.name() + "': E2cnnWeights maps GNormBatchNorm over one representation only (e2cnn "
                        + "orders its per-representation tensors by a Python set, which varies between runs)");
            }
        }
        long trivials = r.irreps().stream().filter(i -> i.isTrivial()).count();
        if (trivials == 0) {
            throw new IllegalArgumentException(who + ": representation '" + r.name() + "' has no trivial irrep, for "
                    + "which e2cnn keeps empty [fields, 0] bias and running mean tensors; E2cnnWeights does not map "
                    + "these");
        }
        long[] perIrrep = {type.fieldCount(), r.irreps().size()};
        long[] perTrivial = {type.fieldCount(), trivials};
        if (params.containsKey(GAMMA)) {
            tensors.add(vector(r.name() + "_weight", GAMMA, perIrrep));
            tensors.add(vector(r.name() + "_bias", BETA, perTrivial));
        }
        if (params.containsKey(VAR)) {
            tensors.add(vector(r.name() + "_running_var", VAR, perIrrep));
            tensors.add(vector(r.name() + "_running_mean", MEAN, perTrivial));
            tensors.add(counter(COUNTER));
        }
    }

    /** e2cnn's InnerBatchNorm: one torch batch norm per field size, over the fields of that size. */
    private static void innerBatchNorm(FieldType type, Map<String, INDArray> params, List<TensorMapping> tensors) {
        Map<Integer, List<Integer>> fieldsBySize = new LinkedHashMap<>();
        for (int f = 0; f < type.fieldCount(); f++) {
            fieldsBySize.computeIfAbsent(type.representations().get(f).size(), s -> new ArrayList<>()).add(f);
        }
        for (Map.Entry<Integer, List<Integer>> group : fieldsBySize.entrySet()) {
            String module = "batch_norm_[" + group.getKey() + "].";
            long[] fields = group.getValue().stream().mapToLong(Integer::longValue).toArray();
            for (String[] pair : new String[][] {{"weight", BatchNormalizationParamInitializer.GAMMA},
                    {"bias", BatchNormalizationParamInitializer.BETA},
                    {"running_mean", BatchNormalizationParamInitializer.GLOBAL_MEAN},
                    {"running_var", BatchNormalizationParamInitializer.GLOBAL_VAR}}) {
                if (params.containsKey(pair[1])) {
                    tensors.add(gathered(module + pair[0], pair[1], fields, new long[] {fields.length}));
                }
            }
            if (params.containsKey(BatchNormalizationParamInitializer.GLOBAL_VAR)) {
                tensors.add(counter(module + COUNTER));
            }
        }
    }

    /** The entries {@code fields} of one of our per-field vectors, as e2cnn's tensor of {@code shape}. */
    private static TensorMapping gathered(String suffix, String key, long[] fields, long[] shape) {
        return new TensorMapping(suffix, shape, p -> {
            INDArray all = p.get(key).reshape(p.get(key).length());
            INDArray out = Nd4j.create(all.dataType(), fields.length);
            for (int i = 0; i < fields.length; i++) {
                out.putScalar(i, all.getDouble(fields[i]));
            }
            return out.reshape(shape);
        }, (p, v) -> {
            INDArray all = p.get(key);
            INDArray flat = v.reshape(v.length());
            for (int i = 0; i < fields.length; i++) {
                all.putScalar(fields[i], flat.getDouble(i));
            }
        });
    }

    /** torch's BatchNorm1d / 2d over DL4J's stock batch normalization. */
    private static void stockBatchNorm(Map<String, INDArray> params, List<TensorMapping> tensors) {
        if (params.containsKey(BatchNormalizationParamInitializer.GAMMA)) {
            tensors.add(vector("weight", BatchNormalizationParamInitializer.GAMMA, params));
            tensors.add(vector("bias", BatchNormalizationParamInitializer.BETA, params));
        }
        tensors.add(vector("running_mean", BatchNormalizationParamInitializer.GLOBAL_MEAN, params));
        if (params.containsKey(BatchNormalizationParamInitializer.GLOBAL_VAR)) {
            tensors.add(vector("running_var", BatchNormalizationParamInitializer.GLOBAL_VAR, params));
        } else {
            String key = BatchNormalizationParamInitializer.GLOBAL_LOG_STD;
            long n = params.get(key).length();
            tensors.add(new TensorMapping("running_var", new long[] {n}, p -> {
                INDArray logStd = p.get(key).reshape(n);
                INDArray var = Nd4j.create(logStd.dataType(), n);
                for (long i = 0; i < n; i++) {
                    var.putScalar(i, Math.pow(10, 2 * logStd.getDouble(i)));
                }
                return var;
            }, (p, v) -> {
                INDArray logStd = p.get(key);
                for (long i = 0; i < n; i++) {
                    logStd.putScalar(i, 0.5 * Math.log10(v.getDouble(i)));
                }
            }));
        }
        tensors.add(counter(COUNTER));
    }

    private static TensorMapping counter(String suffix) {
        return new TensorMapping(suffix, new long[0], null, null);
    }
}
