package org.e2dl4j.samples.train;

import org.e2dl4j.samples.data.LabelledImages;

/**
 * A labelled image set with a name for tables and charts.
 *
 * @param name   the column name, for example "90 deg"
 * @param images the images
 */
public record NamedImages(String name, LabelledImages images) {
}
