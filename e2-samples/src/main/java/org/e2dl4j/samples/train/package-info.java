/**
 * The rotated-MNIST experiment: training with DL4J's loop and a progress bar per epoch, evaluation on
 * upright and rotated test digits, and the result as a table, CSV and PNG chart.
 */
package org.e2dl4j.samples.train;
