package org.e2dl4j.nn.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.e2dl4j.math.repr.Disentanglement;
import org.e2dl4j.math.repr.Representation;
import org.e2dl4j.math.repr.Representations;
import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.FieldType;
import org.e2dl4j.nn.StockExport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Splits every field into the independent parts of its representation (e2cnn's {@code DisentangleModule}):
 * a field of type rho becomes the fields rho_0, rho_1, ... of {@link Representations#disentangle}, whose
 * permutation matrix P gives {@code P rho(g) P^T = rho_0(g) (+) rho_1(g) (+) ...}; the field's channels are
 * permuted by P ({@code y = P x}). Typical use: after a {@link RestrictionModule}, where the restriction of a
 * regular field splits into several regular fields of the subgroup.
 *
 * <p>Input and output: [N, C, H, W] with C = {@code inType.size()}, any spatial size; the output type has the
 * parts of each input field in place of the field. Exports to a frozen 1 x 1 stock {@code ConvolutionLayer}
 * holding the permutation (or vanishes when the permutation is the identity).
 */
public class DisentangleModule extends EquivariantLayer {

    private static final long serialVersionUID = 1L;

    private transient volatile Derived derived;

    /** The output type and channel permutation, with the input type they were derived from. */
    private record Derived(FieldType from, FieldType type, int[] source) {
    }

    /** For Jackson. */
    protected DisentangleModule() {
    }

    protected DisentangleModule(Builder b) {
        super(b);
    }

    /** Point by point, so on the plane (NCHW) and in space (NCDHW volumes) alike. */
    @Override
    protected boolean acceptsVolumes() {
        return true;
    }

    /** An input type whose every representation can be disentangled. */
    @Override
    protected void validate() {
        super.validate();
        try {
            derived();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(who() + ": cannot disentangle " + getInType() + ": " + e.getMessage(), e);
        }
    }

    /** The fields of the input type, each replaced by the parts it disentangles into. */
    @Override
    public FieldType outType() {
        return derived().type();
    }

    /** For each output channel, the input channel it comes from (a fresh array). */
    public int[] channelSource() {
        return derived().source().clone();
    }

    private Derived derived() {
        Derived d = derived;
        if (d == null || d.from() != getInType()) {
            d = derive(getInType());
            derived = d;
        }
        return d;
    }

    private static Derived derive(FieldType in) {
        Map<Representation, Disentanglement> byRepresentation = new HashMap<>();
        List<Representation> parts = new ArrayList<>();
        int[] source = new int[in.size()];
        for (int f = 0; f < in.fieldCount(); f++) {
            Disentanglement d = byRepresentation.computeIfAbsent(in.representations().get(f),
                    Representations::disentangle);
            parts.addAll(d.parts());
            double[][] p = d.changeOfBasis();
            int start = in.fieldStart(f);
            for (int row = 0; row < p.length; row++) {
                for (int col = 0; col < p.length; col++) {
                    if (p[row][col] != 0) {
                        source[start + row] = start + col;
                    }
                }
            }
        }
        return new Derived(in, new FieldType(in.gspace(), parts), source);
    }

    @Override
    protected org.deeplearning4j.nn.api.Layer createLayer(NeuralNetConfiguration conf, DataType networkDataType) {
        return new DisentangleModuleLayer(conf, networkDataType);
    }

    /**
    * Exports a {@link DisentangleModule} as a frozen bias-free 1 x 1 stock {@code ConvolutionLayer} whose filter is
    * its channel permutation; it vanishes when no channel moves.
    */
    @Override
    public StockExport toStock(org.deeplearning4j.nn.api.Layer layer) {
        return StockExport.replacedBy(stockLayers(layer));
    }

    private List<ExportedLayer> stockLayers(org.deeplearning4j.nn.api.Layer layer) {
        return ((DisentangleModuleLayer) layer).export();
    }

    /** Builds a {@link DisentangleModule} on the given input type. */
    public static class Builder extends EquivariantLayer.Builder<Builder> {

        public Builder(FieldType inType) {
            super(inType);
        }

        @Override
        @SuppressWarnings("unchecked")
        public DisentangleModule build() {
            return checked(new DisentangleModule(this));
        }
    }
}
