/**
 * The limits on what this library builds ({@link org.e2dl4j.math.SizeLimits}), shared by the groups,
 * representations, kernel bases and layers, so that a request too large to hold is refused with its sizes
 * before anything is allocated.
 */
package org.e2dl4j.math;
