/**
 * Layers that move or relabel fields without learning (e2cnn's structure modules): identity, restriction to a
 * subgroup, disentangling, reshuffling fields, the soft disk mask and upsampling.
 */
package org.e2dl4j.nn.structure;
