/**
 * The networks the samples compare, each built by a {@link org.e2dl4j.samples.model.ModelFactory} from a
 * {@link org.e2dl4j.samples.model.ModelSpec}; {@link org.e2dl4j.samples.model.ModelCatalog} lists them.
 */
package org.e2dl4j.samples.model;
