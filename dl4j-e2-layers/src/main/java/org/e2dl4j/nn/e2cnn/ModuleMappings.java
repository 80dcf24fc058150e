package org.e2dl4j.nn.e2cnn;

import java.util.ArrayList;
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
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.batchnorm.InnerBatchNorm;
import org.e2dl4j.nn.conv.AbstractR2Conv;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which e2cnn or torch module each of our parameterized layers is, and how their tensors correspond:
 * <ul>
 *   <li>R2Conv / R2ConvTransposed: {@code weights} = "W" (basis coefficients, same order), {@code bias} = "b"
 *       (one per trivial irrep of the output type);</li>
 *   <li>InnerBatchNorm: per field size s, in order of first occurrence in the field type, e2cnn's
 *       {@code batch_norm_[s]} (a torch BatchNorm3d over the fields of that size, in field order):
 *       {@code weight}, {@code bias}, {@code running_mean}, {@code running_var}, {@code num_batches_tracked};</li>
 *   <li>DenseLayer / OutputLayer: torch Linear, {@code weight} = W transposed ([out, in]), {@code bias} = b;</li>
 *   <li>BatchNormalization: torch BatchNorm1d / 2d ({@code running_var} = 10^(2 log10stdev) when DL4J keeps
 *       the log of the standard deviation).</li>
 * </ul>
 * Layers without parameters have no module here; other parameterized layers are refused by name.
 */
final class ModuleMappings {

    private static final String COUNTER = "num_batches_tracked";

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
            tensors.add(vector("weights", "W", params));
            if (params.containsKey("b")) {
                tensors.add(vector("bias", "b", params));
            }
        } else if (conf instanceof InnerBatchNorm bn) {
            kind = "InnerBatchNorm";
            innerBatchNorm(bn.getInType(), params, tensors);
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
                    + "R2Conv, R2ConvTransposed, InnerBatchNorm, DenseLayer, OutputLayer and BatchNormalization");
        }
        return new ModuleMapping(index, name, prefix, kind, List.copyOf(tensors), params);
    }

    /** A parameter that e2cnn holds as a vector of the same length and order. */
    private static TensorMapping vector(String suffix, String key, Map<String, INDArray> params) {
        return new TensorMapping(suffix, new long[] {params.get(key).length()},
                p -> p.get(key).dup('c').reshape(p.get(key).length()),
                (p, v) -> p.get(key).assign(v.reshape(p.get(key).shape())));
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
                    tensors.add(gathered(module + pair[0], pair[1], fields));
                }
            }
            if (params.containsKey(BatchNormalizationParamInitializer.GLOBAL_VAR)) {
                tensors.add(counter(module + COUNTER));
            }
        }
    }

    /** The entries {@code fields} of one of our per-field vectors. */
    private static TensorMapping gathered(String suffix, String key, long[] fields) {
        return new TensorMapping(suffix, new long[] {fields.length}, p -> {
            INDArray all = p.get(key).reshape(p.get(key).length());
            INDArray out = Nd4j.create(all.dataType(), fields.length);
            for (int i = 0; i < fields.length; i++) {
                out.putScalar(i, all.getDouble(fields[i]));
            }
            return out;
        }, (p, v) -> {
            INDArray all = p.get(key);
            for (int i = 0; i < fields.length; i++) {
                all.putScalar(fields[i], v.getDouble(i));
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
