/**
 * The voxel sample: the eight 3D Tetris pieces of Thomas et al. (2018, Tensor Field Networks) voxelized on a
 * cubic grid, trained upright and tested at the 24 rotations of the cube and at random 3D rotations, with a
 * conventional {@code Convolution3D} network beside a steerable one of about the same parameter count.
 *
 * <p>Grid convention (escnn's): a grid {@code [D, H, W]} of even side {@code n} is centred on the origin, and
 * voxel {@code (d, h, w)} is the cube of side 1 about the point {@code (x, y, z) = (w - c, c - h, c - d)},
 * {@code c = (n - 1) / 2}: the width axis is x, the height axis runs along -y and the depth axis along -z.
 */
package org.e2dl4j.samples.voxel;
