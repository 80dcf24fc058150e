package org.e2dl4j.math.repr;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.geometry.euclidean.threed.Rotation;

/**
 * escnn's real Wigner D matrices D_l(R) of SO(3), from the spherical harmonics: since Y_l(R x) = D_l(R) Y_l(x) and
 * the Y_l,m are orthogonal with norm^2 4 pi / (2l + 1),
 * <pre>
 *   D_l(R) = (2l + 1) / (4 pi) * integral over the sphere of Y_l(R x) Y_l(x)^T dx,
 * </pre>
 * evaluated exactly (the integrand is a polynomial of degree 2l) by a product quadrature: l + 1 Gauss-Legendre nodes
 * in cos(theta) times 2l + 1 equally spaced angles phi. The nodes and Y_l there are cached per degree.
 */
final class WignerD {

    private static final Map<Integer, WignerD> CACHE = new ConcurrentHashMap<>();

    private final int l;
    private final double[][] points;
    private final double[] weights;
    private final double[][] harmonics;

    private WignerD(int l) {
        this.l = l;
        GaussIntegrator gauss = new GaussIntegratorFactory().legendre(l + 1);
        int nPhi = 2 * l + 1;
        int n = gauss.getNumberOfPoints() * nPhi;
        points = new double[n][];
        weights = new double[n];
        harmonics = new double[n][];
        int k = 0;
        for (int i = 0; i < gauss.getNumberOfPoints(); i++) {
            double t = gauss.getPoint(i);
            double s = Math.sqrt(Math.max(0, 1 - t * t));
            for (int j = 0; j < nPhi; j++) {
                double phi = 2 * Math.PI * j / nPhi;
                points[k] = new double[] {s * Math.cos(phi), s * Math.sin(phi), t};
                weights[k] = gauss.getWeight(i) * (2 * Math.PI / nPhi) * (2 * l + 1) / (4 * Math.PI);
                harmonics[k] = SphericalHarmonics.evaluate(l, points[k]);
                k++;
            }
        }
    }

    /** D_l(R) in escnn's basis. */
    static double[][] matrix(int l, Rotation r) {
        return CACHE.computeIfAbsent(l, WignerD::new).matrix(r);
    }

    private double[][] matrix(Rotation r) {
        int d = 2 * l + 1;
        double[][] out = new double[d][d];
        double[] rx = new double[3];
        for (int k = 0; k < points.length; k++) {
            r.applyTo(points[k], rx);
            double[] yr = SphericalHarmonics.evaluate(l, rx);
            double[] y = harmonics[k];
            double w = weights[k];
            for (int i = 0; i < d; i++) {
                double a = w * yr[i];
                for (int j = 0; j < d; j++) {
                    out[i][j] += a * y[j];
                }
            }
        }
        return out;
    }
}
