"""escnn 1.0.13's 3D G-spaces: the action of their elements on R^3 and on voxel feature maps.

An ordinary escnn user script for this repository:

    PYTHONPATH=/opt/escnn/site python3 -W ignore reference/gspaces3d.py

writes reference/data/gspaces3d.json. For every G-space (escnn factory and arguments) it records, per element
(by the parameters of the planar group it is made of, or by its rotation matrix for the groups of the cube), the
3 x 3 matrix by which escnn's basespace_action moves points of R^3 (x, y, z), and for the elements that map the
voxel grid onto itself escnn's GeometricTensor.transform of one seeded random feature map (NCDHW, float64).
Deterministic: numpy is seeded, floats are rounded to 8 decimals, keys are sorted.
"""
import itertools
import json
import os

import numpy as np
import torch

from escnn import gspaces, nn

torch.set_num_threads(1)
DECIMALS = 8


def rounded(a):
    return np.round(np.asarray(a, dtype=np.float64), DECIMALS).tolist()


def element_params(g):
    """Parameters of a planar-group element as the Java side builds it: [flip, k] or [flip, angle]."""
    name = type(g.group).__name__
    if name == 'CyclicGroup':
        return [0, int(g.value)]
    if name == 'DihedralGroup':
        return [int(g.value[0]), int(g.value[1])]
    if name == 'SO2':
        return [0, float(g.value)]
    if name == 'O2':
        return [int(g.value[0]), float(g.value[1])]
    raise ValueError(name)


def is_signed_permutation(m):
    a = np.abs(np.round(m, 6))
    return bool(((a == 0) | (a == 1)).all() and (a.sum(0) == 1).all() and (a.sum(1) == 1).all())


def transform_case(gs, field_irreps, shape, elements, rng):
    ft = nn.FieldType(gs, [gs.fibergroup.irrep(*i) if isinstance(i, tuple) else gs.fibergroup.irrep(i)
                           for i in field_irreps])
    x = np.round(rng.standard_normal((1, ft.size) + shape), 6)
    t = nn.GeometricTensor(torch.tensor(x, dtype=torch.float64), ft)
    out = []
    for g, params in elements:
        m = gs.basespace_action(g)
        entry = {'params': params, 'matrix': rounded(m), 'preserves_grid': is_signed_permutation(m)}
        if entry['preserves_grid']:
            entry['output'] = rounded(t.transform(g).tensor.numpy())
        out.append(entry)
    return {'fields': [list(i) if isinstance(i, tuple) else [i] for i in field_irreps], 'shape': list(shape),
            'input': rounded(x), 'elements': out}


def planar_elements(gs):
    G = gs.fibergroup
    if G.order() > 0:
        return [(g, element_params(g)) for g in G.elements]
    angles = [0.0, np.pi / 2, np.pi, 3 * np.pi / 2, 0.7]
    flips = [0, 1] if type(G).__name__ == 'O2' else [0]
    return [(G.element((f, a) if flips == [0, 1] else a), [f, a]) for f in flips for a in angles]


def cube_elements(G, with_inversion):
    """A few rotations of the cube (and their products with the inversion) plus one that is not."""
    mats = []
    for p in itertools.permutations(range(3)):
        for s in itertools.product([-1, 1], repeat=3):
            m = np.asarray(s, dtype=float).reshape(-1, 1) * np.eye(3)[list(p), :]
            mats.append(m)
    rotations = [m for m in mats if np.linalg.det(m) > 0]
    picked = [rotations[i] for i in (0, 1, 5, 9, 14, 23)]
    c, s = np.cos(0.4), np.sin(0.4)
    generic = np.asarray([[c, -s, 0], [s, c, 0], [0, 0, 1]]) @ np.asarray([[1, 0, 0], [0, c, s], [0, -s, c]])
    elements = []
    for m in picked + [generic]:
        for inv in ([0, 1] if with_inversion else [0]):
            if with_inversion:
                g = G.element((inv, m), 'MAT')
            else:
                g = G.element(m, 'MAT')
            elements.append((g, {'inversion': inv, 'rotation': rounded(m)}))
    return elements


def main():
    rng = np.random.default_rng(14)
    cases = {}
    planar = [
        ('trivialOnR3', {}, gspaces.trivialOnR3(), [0, 0]),
        ('invOnR3', {}, gspaces.invOnR3(), [0, 1]),
        ('mirOnR3', {}, gspaces.mirOnR3(), [0, 1]),
        ('mirOnR3', {'axis': 0.0}, gspaces.mirOnR3(axis=0.0), [0, 1]),
        ('rot2dOnR3', {'n': 4}, gspaces.rot2dOnR3(4), [0, 1]),
        ('rot2dOnR3', {'n': 8}, gspaces.rot2dOnR3(8), [0, 1]),
        ('rot2dOnR3', {'n': -1}, gspaces.rot2dOnR3(-1), [0, 1]),
        ('dihedralOnR3', {'n': 4}, gspaces.dihedralOnR3(4), [(0, 0), (1, 1)]),
        ('dihedralOnR3', {'n': 2, 'axis': np.pi / 4}, gspaces.dihedralOnR3(2, axis=np.pi / 4), [(0, 0), (1, 1)]),
        ('dihedralOnR3', {'n': 1}, gspaces.dihedralOnR3(1), [0, 1]),
        ('dihedralOnR3', {'n': -1}, gspaces.dihedralOnR3(-1), [(0, 0), (1, 1)]),
        ('conicalOnR3', {'n': 4}, gspaces.conicalOnR3(4), [(0, 0), (1, 1)]),
        ('conicalOnR3', {'n': 2, 'axis': np.pi / 4}, gspaces.conicalOnR3(2, axis=np.pi / 4), [(0, 0), (1, 1)]),
        ('conicalOnR3', {'n': -1}, gspaces.conicalOnR3(-1), [(0, 0), (1, 1)]),
    ]
    out = []
    for factory, args, gs, fields in planar:
        case = transform_case(gs, fields, (3, 4, 4), planar_elements(gs), rng)
        case.update({'factory': factory, 'args': {k: float(v) if k == 'axis' else v for k, v in args.items()},
                     'group': str(gs.fibergroup), 'name': gs.name})
        out.append(case)
    cases['planar_subgroups'] = out

    out = []
    for factory, gs, fields, inv in [('rot3dOnR3', gspaces.rot3dOnR3(), [0, 1, 2], False),
                                      ('flipRot3dOnR3', gspaces.flipRot3dOnR3(), [(0, 0), (1, 1), (0, 2)], True)]:
        case = transform_case(gs, fields, (4, 4, 4), cube_elements(gs.fibergroup, inv), rng)
        case.update({'factory': factory, 'args': {}, 'group': str(gs.fibergroup), 'name': gs.name})
        out.append(case)
    cases['rotation_groups'] = out

    # escnn's grid of kernel points: the [x, y, z] coordinates of the k^3 filter entries in C order (d, h, w)
    from escnn.nn.modules.conv.rd_convolution import get_grid_coords
    cases['kernel_grid'] = {str(k): rounded(get_grid_coords(3, k)) for k in (2, 3)}

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'gspaces3d.json')
    with open(path, 'w') as f:
        json.dump(cases, f, sort_keys=True, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
