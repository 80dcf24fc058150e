package org.e2dl4j.nn.structure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Permutes the fields of a feature map (e2cnn's {@code ReshuffleModule}): output field i is input field
 * {@code permutation[i]}, channels and all; the output type is {@code inType.indexSelect(permutation)}.
 * Equivariant for any permutation, since fields transform independently.
 *
 * <p>Input and output: [N, C, H, W] with C = {@code inType.size()}, any spatial size. Exports to a frozen 1 x 1
 * stock {@code ConvolutionLayer} holding the channel permutation (or vanishes for the identity).
 */
public class ReshuffleModule extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private int[] permutation;

    /** For Jackson. */
    protected ReshuffleModule() {
    }

    protected ReshuffleModule(Builder b) {
        super(b);
        this.permutation = b.permutation.clone();
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** A permutation of the input's fields. */
    @Override
    protected void validate() {
        super.validate();
        if (permutation == null) {
            throw new IllegalArgumentException(who() + ": no permutation (property 'permutation' missing)");
        }
        int n = getInType().fieldCount();
        boolean[] seen = new boolean[n];
        boolean valid = permutation.length == n;
        for (int i = 0; valid && i < n; i++) {
            int f = permutation[i];
            valid = f >= 0 && f < n && !seen[f];
            if (valid) {
                seen[f] = true;
            }
        }
        if (!valid) {
            throw new IllegalArgumentException(who() + ": expected a permutation of the " + n + " fields 0.."
                    + (n - 1) + " of " + getInType() + ", got " + Arrays.toString(permutation));
        }
    }

    /** The input fields in the order {@code permutation} gives. */
    @Override
    public FieldType outType() {
        return getInType().indexSelect(fields());
    }

    /** For each output channel, the input channel it comes from. */
    public int[] channelSource() {
        return getInType().channelIndices(fields());
    }

    private List<Integer> fields() {
        List<Integer> fields = new ArrayList<>(permutation.length);
        for (int f : permutation) {
            fields.add(f);
        }
        return fields;
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new ReshuffleModuleLayer(conf, networkDataType);
    }

    /** The field permutation: output field i is input field {@code getPermutation()[i]} (a fresh array). */
    public int[] getPermutation() {
        return permutation == null ? null : permutation.clone();
    }

    /** For Jackson. */
    public void setPermutation(int[] permutation) {
        this.permutation = permutation == null ? null : permutation.clone();
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && Arrays.equals(permutation, ((ReshuffleModule) o).permutation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), Arrays.hashCode(permutation));
    }

    /**
    * Exports a {@link ReshuffleModule} as a frozen bias-free 1 x 1 stock {@code ConvolutionLayer} whose filter is
    * its channel permutation; it vanishes when no channel moves.
    */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        return ((ReshuffleModuleLayer) layer).export();
    }

    /** Builds a {@link ReshuffleModule} from the input type and the field permutation. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        private final int[] permutation;

        /**
         * @param inType      the input field type
         * @param permutation output field i is input field {@code permutation[i]}; a permutation of
         *                    0..fieldCount-1
         */
        public Builder(FieldType inType, int... permutation) {
            super(inType);
            this.permutation = Objects.requireNonNull(permutation, "permutation").clone();
        }

        /** As {@link #Builder(FieldType, int...)}, with the permutation as a list. */
        public Builder(FieldType inType, List<Integer> permutation) {
            this(inType, permutation.stream().mapToInt(Integer::intValue).toArray());
        }

        /**
         * @throws IllegalArgumentException naming the layer and the type, if {@code permutation} is not a
         *                                  permutation of the input's fields
         */
        @Override
        @SuppressWarnings("unchecked")
        public ReshuffleModule build() {
            return checked(new ReshuffleModule(this));
        }
    }
}
