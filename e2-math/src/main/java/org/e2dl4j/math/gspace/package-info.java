/**
 * G-spaces: a group G &lt;= O(2) (the fibergroup) acting on the plane R^2 and on square pixel grids, or a group
 * G &lt;= O(3) acting on R^3 and on cubic voxel grids (escnn's {@code GSpace3D}).
 *
 * <p>On the plane an element acts on a point as a rotation after an optional reflection across the G-space's axis,
 * and on a feature map as (g.f)(x) = rho(g) f(g^-1 x); multiples of 90 degrees and the axis-aligned flips permute the
 * pixels exactly. On R^3 an element acts by the O(3) matrix of its inclusion into O(3) ({@link
 * org.e2dl4j.math.gspace.GSpace#baseMatrix}); the 48 symmetries of the cube permute the voxels exactly. The pixel and
 * voxel orientation (row 0 on top, y up, counter-clockwise rotations as displayed; NCDHW axes (-z, -y, x)) is
 * e2cnn's and escnn's and fixed in one place, {@link org.e2dl4j.math.gspace.GridConvention}. {@link
 * org.e2dl4j.math.gspace.GSpaces} builds the G-spaces e2cnn and escnn offer; a G-space restricts to a subgroup together
 * with its fields ({@link org.e2dl4j.math.gspace.RestrictedGSpace}).
 */
package org.e2dl4j.math.gspace;
