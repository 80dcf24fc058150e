/**
 * G-spaces: a group G &lt;= O(2) (the fibergroup) acting on the plane R^2 and on square pixel grids.
 *
 * <p>An element acts on a point as a rotation after an optional reflection across the G-space's axis, and on
 * a feature map as (g.f)(x) = rho(g) f(g^-1 x); multiples of 90 degrees and the axis-aligned flips permute the
 * pixels exactly. The pixel orientation (row 0 on top, y up, counter-clockwise rotations as displayed) is
 * e2cnn's and fixed in one place, {@link org.e2dl4j.math.gspace.GridConvention}. {@link
 * org.e2dl4j.math.gspace.GSpaces} builds the G-spaces e2cnn offers; a G-space restricts to a subgroup together
 * with its fields ({@link org.e2dl4j.math.gspace.RestrictedGSpace}).
 */
package org.e2dl4j.math.gspace;
