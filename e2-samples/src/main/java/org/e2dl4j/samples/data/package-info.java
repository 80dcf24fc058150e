/**
 * Image data of the samples: IDX files (MNIST's format), the embedded MNIST subset, labelled image sets,
 * exact and interpolated rotations about the image centre (counter-clockwise as displayed), and a DL4J
 * {@link org.nd4j.linalg.dataset.api.iterator.DataSetIterator} over them.
 */
package org.e2dl4j.samples.data;
