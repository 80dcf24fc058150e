package org.e2dl4j.samples.model;

import java.util.List;

/** The models the rotated-MNIST sample trains and compares, in table order. */
public final class ModelCatalog {

    private ModelCatalog() {
    }

    /** The compared models. */
    public static List<ModelFactory> all() {
        return List.of(C8SteerableCnnFactory.standard(), ConventionalCnnFactory.standard());
    }
}
