/**
 * The symmetry groups of the plane: the subgroups of O(2) a steerable CNN can be equivariant to.
 *
 * <p>Every element is r_theta f^j (reflect across the group's axis if j = 1, then rotate counter-clockwise
 * by theta), kept exact for the finite groups C_N and D_N (a rotation index k, theta = 2 pi k / N) and as an
 * angle for SO(2) and O(2). Groups combine, invert and list their elements as e2cnn does, and name their
 * subgroups by e2cnn's ids ({@link org.e2dl4j.math.group.SubgroupId}) with the inclusion and its partial
 * inverse ({@link org.e2dl4j.math.group.Subgroup}). {@link org.e2dl4j.math.group.GroupGrid} gives escnn's sampling
 * grids on the groups.
 */
package org.e2dl4j.math.group;
