/**
 * The symmetry groups a steerable CNN can be equivariant to: the subgroups of O(2) of the plane, and escnn's 3D
 * groups SO(3), O(3), the octahedral and icosahedral groups and their full versions (with the inversion).
 *
 * <p>Every element is r_theta f^j (reflect across the group's axis if j = 1, then rotate counter-clockwise
 * by theta), kept exact for the finite groups C_N and D_N (a rotation index k, theta = 2 pi k / N) and as an
 * angle for SO(2) and O(2). Groups combine, invert and list their elements as e2cnn does, and name their
 * subgroups by e2cnn's ids ({@link org.e2dl4j.math.group.SubgroupId}) with the inclusion and its partial
 * inverse ({@link org.e2dl4j.math.group.Subgroup}). {@link org.e2dl4j.math.group.GroupGrid} gives escnn's sampling
 * grids on the groups.
 *
 * <p>3D elements are (inversion, R) with R a Hipparchus rotation ({@link org.e2dl4j.math.group.GroupElement#spatial});
 * the finite 3D groups ({@link org.e2dl4j.math.group.PolyhedralGroup}) list escnn's elements in escnn's order and
 * multiply them exactly by their tables. Subgroups of SO(3) and O(3) (the finite ones, and the planar groups about the
 * z axis as escnn embeds them) are named by escnn's ids in Java form ({@link org.e2dl4j.math.group.SubgroupId#octa()},
 * {@link org.e2dl4j.math.group.SubgroupId#planarDihedral(double, int)}, ...).
 */
package org.e2dl4j.math.group;
