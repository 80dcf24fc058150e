package org.e2dl4j.nn.invariant;

import java.util.List;

import org.e2dl4j.nn.EquivariantLayer;
import org.e2dl4j.nn.ExportRule;
import org.e2dl4j.nn.ExportedLayer;
import org.e2dl4j.nn.NormPool;

/** Refuses to export a {@link NormPool}: no stock DL4J layer computes the Euclidean norm of a group of channels. */
public final class NormPoolExportRule implements ExportRule {

    @Override
    public Class<NormPool> configClass() {
        return NormPool.class;
    }

    @Override
    public List<ExportedLayer> export(org.deeplearning4j.nn.api.Layer layer) {
        throw refusal((EquivariantLayer) layer.conf().getLayer(), "the Euclidean norm of each field");
    }

    /** The refusal for a layer whose output needs field norms. */
    static IllegalArgumentException refusal(EquivariantLayer c, String what) {
        return new IllegalArgumentException("cannot export " + c.describe() + " on " + c.getInType()
                + ": it computes " + what + ", and no stock DL4J layer or activation computes a square root of a"
                + " sum of squares; keep the layer (and this library) in the network, or replace it by GroupPooling"
                + " on permutation fields");
    }
}
