package org.e2dl4j.nn;

import org.deeplearning4j.nn.conf.layers.ActivationLayer;

/** A layer class outside DL4J that is no EquivariantLayer (so it declares no stock form), to test that export names it. */
public class UnexportableLayer extends ActivationLayer {

    private static final long serialVersionUID = 1L;

    public UnexportableLayer() {
        super(new ActivationLayer.Builder().activation(org.nd4j.linalg.activations.Activation.IDENTITY));
    }
}
