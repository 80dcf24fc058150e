"""Reference numbers for escnn's 3D groups: SO(3), O(3), the octahedral and icosahedral groups and their full versions.

An ordinary escnn 1.0.13 user script (written for this repository). It records

  - for Octahedral and Icosahedral: every element in escnn's order (quaternion [x, y, z, w] and rotation matrix), the
    index of the identity, escnn's generators (as indices), the multiplication table (index of e_i @ e_j) and inverses;
  - for FullOctahedral and FullIcosahedral: every element as [inversion, matrix], the generators, and (FullOctahedral)
    the multiplication table;
  - the irreps (name, id, size) of each group and their matrices: SO(3)'s Wigner D matrices for l = 0..4 and O(3)'s
    irreps (j, l), l = 0..3, at fixed elements; the finite groups' irreps at every element;
  - escnn's real spherical harmonics Y_l(x) = D_l(R) Y_l(e_z) (e_z the pole, R any rotation with R e_z = x) at fixed
    unit points, l = 0..6, which is the basis escnn's HarmonicPolynomialR3Generator evaluates;
  - subgroup inclusions: for subgroup ids of SO(3) and O(3) (in O(3) also the dihedral and conic ids with escnn's axis
    parameter, (False, 2a, N) and ('cone', 2a, N) for a = pi / 2, pi / 3), the 3 x 3 matrix (with the inversion sign) of the
    inclusion of elements of the subgroup (all of a finite one, fixed ones of SO(2) / O(2));
  - the irreps of the restrictions of SO(3) / O(3) irreps to the finite subgroups (escnn's decomposition, in order);
  - escnn's discrete cylinder groups C_2 x C_4 and C_2 x D_4 as subgroups of O(3): elements [inversion, (flip,) angle]
    in escnn's order, their O(3) matrices and the irreps' matrices.

Floats rounded to 10 decimals. Deterministic (no sampling).
Run: PYTHONPATH=/opt/escnn/site python3 -W ignore reference/groups3d.py  (writes reference/data/groups3d.json)
"""
import json
import os

import numpy as np
from escnn import group

DECIMALS = 10

# the axis parameters of escnn's dihedralOnR3 / conicalOnR3 tested: the default pi / 2 and pi / 3
AXES = (np.pi / 2, np.pi / 3)


def rounded(a):
    return np.round(np.asarray(a, dtype=np.float64), DECIMALS).tolist()


def matrix_of(e):
    """The 3 x 3 action on R^3 of an element of SO(3), O(3) or one of their finite subgroups."""
    v = e.value
    if isinstance(v, tuple):
        # O(3) element (inversion, quaternion); or a direct-product element (C_2 element, rotation group element)
        inv, rot = v
        inv = int(inv) if not hasattr(inv, 'value') else int(inv.value)
        q = rot.to('Q') if hasattr(rot, 'to') else np.asarray(rot)
    else:
        inv, q = 0, e.to('Q')
    from scipy.spatial.transform import Rotation
    return ((-1) ** inv) * Rotation.from_quat(q).as_matrix()


def finite_group(G):
    els = list(G.elements)
    index = {e: i for i, e in enumerate(els)}
    out = {
        'name': G.name,
        'order': G.order(),
        'identity': index[G.identity],
        'generators': [index[g] for g in G.generators],
        'matrices': [rounded(matrix_of(e)) for e in els],
        'inversions': [int(np.linalg.det(matrix_of(e)) < 0) for e in els],
        'inverses': [index[~e] for e in els],
        'irreps': [{'name': irr.name, 'id': str(irr.id), 'size': irr.size,
                    'matrices': [rounded(irr(e)) for e in els]} for irr in G.irreps()],
    }
    if G.order() <= 60:
        out['products'] = [[index[a @ b] for b in els] for a in els]
    if not isinstance(els[0].value, tuple):
        out['quaternions'] = [rounded(e.to('Q')) for e in els]
    return out


def so3_elements():
    """Fixed rotations as quaternions [x, y, z, w] (normalised), including a pi rotation and one near the identity."""
    raw = [[0., 0., 0., 1.], [0.3, -0.5, 0.2, 0.7], [1., 2., 3., 4.], [-0.8, 0.1, 0.4, 0.2], [0., 1., 0., 0.],
           [0.6, 0.6, -0.3, 0.1], [1e-3, -2e-3, 5e-4, 1.], [-0.2, -0.9, 0.3, -0.4]]
    return [np.asarray(q) / np.linalg.norm(q) for q in raw]


def pole_rotation(x):
    """A rotation matrix R with R e_z = x (Rodrigues), for a unit vector x not equal to -e_z."""
    z = np.array([0., 0., 1.])
    v = np.cross(z, x)
    c = float(np.dot(z, x))
    vx = np.array([[0, -v[2], v[1]], [v[2], 0, -v[0]], [-v[1], v[0], 0]])
    return np.eye(3) + vx + vx @ vx / (1 + c)


def planar_label(e):
    v = e.to('radians')
    return rounded(v) if isinstance(v, tuple) else [0, round(float(v), DECIMALS)]


def cylinder_label(e):
    """[inversion, flip, angle] of an element of a cylinder group."""
    inv, planar = e.to('[int | radians]')
    f, t = planar if isinstance(planar, tuple) else (0, planar)
    return [int(inv), int(f), round(float(t), DECIMALS)]


def subgroups(G, ids, continuous_elements):
    out = []
    for key, sg_id in ids:
        H, incl, _ = G.subgroup(sg_id)
        if isinstance(H, group.DirectProductGroup) and H.order() < 0:
            full = isinstance(H.G2, group.O2)
            labels = [[i, f, t] for i in (0, 1) for f in ((0, 1) if full else (0,)) for t in (0., 0.7, 2.1, 4.4)]
            els = [H.element((i, (f, t) if full else t), '[int | radians]') for i, f, t in labels]
        elif isinstance(H, group.SO3):
            els = [H.element(q, 'Q') for q in so3_elements()[:4]]
            labels = [rounded(h.to('Q')) for h in els]
        elif H.order() > 0:
            els = list(H.elements)
            spatial = isinstance(H, (group.Octahedral, group.Icosahedral, group.DirectProductGroup))
            labels = [i if spatial else planar_label(h) for i, h in enumerate(els)]
        else:
            els = [H.element(x, 'radians') for x in continuous_elements(H)]
            labels = [planar_label(h) for h in els]
        out.append({'id': key, 'subgroup': H.name, 'order': H.order(), 'elements': labels,
                    'matrices': [rounded(matrix_of(incl(h))) for h in els]})
    return out


def continuous(H):
    angles = [0., 0.7, 2.1, np.pi, 4.4]
    if isinstance(H, group.O2):
        return [(f, t) for f in (0, 1) for t in angles]
    return angles


def main():
    so3 = group.so3_group(6)
    o3 = group.o3_group(3)
    data = {}
    for key, G in [('octa', group.octa_group()), ('ico', group.ico_group()), ('fullOcta', group.full_octa_group()),
                   ('fullIco', group.full_ico_group())]:
        data[key] = finite_group(G)

    qs = so3_elements()
    data['so3'] = {
        'quaternions': [rounded(q) for q in qs],
        'irreps': {str(l): [rounded(so3.irrep(l)(so3.element(q, 'Q'))) for q in qs] for l in range(5)},
        'characters': {str(l): [round(float(so3.irrep(l).character(so3.element(q, 'Q'))), DECIMALS) for q in qs]
                       for l in range(7)},
    }
    data['o3'] = {
        'elements': [[j, rounded(q)] for j in (0, 1) for q in qs[:4]],
        'irreps': [{'name': o3.irrep(j, l).name, 'id': [j, l],
                    'matrices': [rounded(o3.irrep(j, l)(o3.element((i, q), 'Q'))) for i in (0, 1) for q in qs[:4]]}
                   for j in (0, 1) for l in range(4)],
    }
    rng = np.random.RandomState(0)
    points = rng.randn(12, 3)
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    data['sphericalHarmonics'] = {
        'points': rounded(points),
        'values': {str(l): [rounded(so3.irrep(l)(so3.element(pole_rotation(x), 'MAT'))[:, l]) for x in points]
                   for l in range(7)},
    }
    data['so3Subgroups'] = subgroups(so3, [("'octa'", 'octa'), ("'ico'", 'ico'), ('(False, 4)', (False, 4)),
                                           ('(False, -1)', (False, -1)), ('(True, 4)', (True, 4)),
                                           ('(True, -1)', (True, -1)), ('(True, 3)', (True, 3))], continuous)
    data['o3Subgroups'] = subgroups(o3, [("'so3'", (False, 'so3')), ("'octa'", (False, 'octa')),
                                         ("'ico'", (False, 'ico')), ("(True, 'octa')", (True, 'octa')),
                                         ("(True, 'ico')", (True, 'ico')), ('(False, 4)', (False, False, 4)),
                                         ('(False, -1)', (False, False, -1)), ('(True, 4)', (False, True, 4)),
                                         ('(True, -1)', (False, True, -1)), ("('cone', 4)", ('cone', 4)),
                                         ("('cone', -1)", ('cone', -1)), ("('cone', 1)", ('cone', 1)),
                                         ('(True, False, 1)', (True, False, 1))]
                                  + [(f'(False, {2 * a!r}, {n})', (False, 2 * a, n)) for a in AXES for n in (4, -1, 1)]
                                  + [(f"('cone', {2 * a!r}, {n})", ('cone', 2 * a, n)) for a in AXES for n in (4, -1, 1)]
                                  + [(f'(True, {b}, {n})', (True, b, n)) for b in (False, True) for n in (4, -1)]
                                  + [(f'(True, {np.pi / 2!r}, {n})', (True, np.pi / 2, n)) for n in (4, -1)],
                                  continuous)
    restrictions = []
    for parent, sg_id, key, irreps in [(so3, 'octa', "'octa'", [(l,) for l in range(7)]),
                                       (so3, 'ico', "'ico'", [(l,) for l in range(7)]),
                                       (o3, (True, 'octa'), "(True, 'octa')", [(j, l) for j in (0, 1) for l in range(4)]),
                                       (o3, (True, 'ico'), "(True, 'ico')", [(j, l) for j in (0, 1) for l in range(4)])]:
        for irr_id in irreps:
            rho = parent.restrict_representation(sg_id, parent.irrep(*irr_id))
            restrictions.append({'parent': parent.name, 'subgroup': key, 'irrep': list(irr_id),
                                 'irreps': [str(i) for i in rho.irreps]})
    for sg_id, key in [((True, False, 4), '(True, False, 4)'), ((True, True, 4), '(True, True, 4)')]:
        for irr_id in [(j, l) for j in (0, 1) for l in range(4)]:
            rho = o3.restrict_representation(sg_id, o3.irrep(*irr_id))
            restrictions.append({'parent': o3.name, 'subgroup': key, 'irrep': list(irr_id),
                                 'irreps': [str(i) for i in rho.irreps]})
    data['restrictions'] = restrictions
    cylinders = {}
    for key, sg_id in [('cylinderDiscrete4', (True, False, 4)), ('fullCylinderDiscrete4', (True, True, 4))]:
        H, incl, _ = o3.subgroup(sg_id)
        els = list(H.elements)
        cylinders[key] = {'name': H.name, 'order': H.order(),
                          'elements': [cylinder_label(e) for e in els],
                          'matrices': [rounded(matrix_of(incl(e))) for e in els],
                          'irreps': [{'name': irr.name, 'id': str(irr.id), 'size': irr.size,
                                      'matrices': [rounded(irr(e)) for e in els]} for irr in H.irreps()]}
    data['cylinders'] = cylinders
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'groups3d.json')
    with open(path, 'w') as f:
        json.dump(data, f, sort_keys=True, separators=(',', ':'))


if __name__ == '__main__':
    main()
