/**
 * The invariant maps ({@link org.e2dl4j.nn.invariant.GroupPooling}, {@link org.e2dl4j.nn.invariant.NormPool},
 * {@link org.e2dl4j.nn.invariant.InducedNormPool}): maps from fields to scalars that do not change under the
 * fiber action, built from the core's whole-tensor reductions over groups of channels
 * ({@link org.e2dl4j.nn.ChannelGroupPool}, max or sum, and {@link org.e2dl4j.nn.FieldNorms}).
 */
package org.e2dl4j.nn.invariant;
