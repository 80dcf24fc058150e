"""escnn 1.0.13's cylinder G-spaces cylindricalOnR3 and fullCylindricalOnR3: their elements' action on R^3 and on
voxel feature maps.

An ordinary escnn user script for this repository:

    PYTHONPATH=/opt/escnn/site python3 -W ignore reference/cylinder3d.py

writes reference/data/cylinder3d.json. `cylinder_gspaces`: for every G-space (factory and arguments, including escnn's degenerate
cylindricalOnR3(1), which is the inversion C_2) it records escnn's fibergroup name, and per element (given by its
inversion bit and the parameters of its planar part) the 3 x 3 matrix of escnn's basespace_action on (x, y, z), whether
it is a signed permutation, and for those escnn's GeometricTensor.transform of one seeded random NCDHW volume (float64)
carrying the listed irreps (escnn's ids ((j,), planar id) flattened to [j, planar id...]).
`cylinder_bases`: escnn's R3Conv bases on cylindricalOnR3 and fullCylindricalOnR3 (regular and irreps fields, k = 3
and 5), in the layout of bases3d.json's cases: dimensions, bias dimensions, sorted He deviations and escnn's expanded
filters (of every unit weight for small layers, else of three random weight vectors drawn from a generator seeded per
case, so that escnn's own use of numpy's global generator, which depends on its Clebsch-Gordan cache, changes nothing).
Deterministic: numpy is seeded, floats are rounded to 8 decimals, keys are sorted.
"""
import json
import os

import numpy as np
import torch

from escnn import gspaces, nn
from escnn.nn.init import _generalized_he_init_variances

import bases3d

torch.set_num_threads(1)
DECIMALS = 8
ANGLES = [0.0, np.pi / 2, np.pi, 3 * np.pi / 2, 0.7]


def rounded(a):
    return np.round(np.asarray(a, dtype=np.float64), DECIMALS).tolist()


def is_signed_permutation(m):
    a = np.abs(np.round(m, 6))
    return bool(((a == 0) | (a == 1)).all() and (a.sum(0) == 1).all() and (a.sum(1) == 1).all())


def planar_params(value, full):
    """[flip, k] (C_N, D_N) or [flip, angle] (SO(2), O(2)) of the planar part of a cylinder element."""
    if full:
        f, r = value
        return [int(f), float(r) if isinstance(r, float) else int(r)]
    return [0, value if isinstance(value, float) else int(value)]


def elements(G, full, n):
    """[(element, params)]: every element of a discrete group, a few (quarter turns and 0.7) of a continuous one."""
    if G.order() > 0:
        return [(g, {'inversion': int(g.value[0]), 'planar': planar_params(g.value[1], full)}) for g in G.elements]
    out = []
    for inv in (0, 1):
        for f in ((0, 1) if full else (0,)):
            for a in ANGLES:
                g = G.element((inv, (f, a) if full else a))
                out.append((g, {'inversion': inv, 'planar': [f, a]}))
    return out


def irrep(G, i):
    return G.irrep((i[0],), tuple(i[1:]))


def case(factory, args, gs, fields, rng):
    G = gs.fibergroup
    full = factory == 'fullCylindricalOnR3'
    shape = (3, 4, 4)
    if G.order() == 2:
        # cylindricalOnR3(1): escnn's inversion C_2 (invOnR3)
        ft = nn.FieldType(gs, [G.irrep(0), G.irrep(1)])
        els = [(g, [0, int(g.value)]) for g in G.elements]
        fields = [[0], [1]]
    else:
        ft = nn.FieldType(gs, [irrep(G, i) for i in fields])
        els = elements(G, full, args.get('n', -1))
    x = np.round(rng.standard_normal((1, ft.size) + shape), 6)
    t = nn.GeometricTensor(torch.tensor(x, dtype=torch.float64), ft)
    out = []
    for g, params in els:
        m = gs.basespace_action(g)
        entry = {'params': params, 'matrix': rounded(m), 'preserves_grid': is_signed_permutation(m)}
        if entry['preserves_grid']:
            entry['output'] = rounded(t.transform(g).tensor.numpy())
        out.append(entry)
    return {'factory': factory, 'args': args, 'group': G.name, 'name': gs.name, 'fields': [list(f) for f in fields],
            'shape': list(shape), 'input': rounded(x), 'elements': out}


def cylinder_gspace(spec):
    """The G-space of a basis case; for SO(2) and O(2) the irreps up to frequency 6 are instantiated, as escnn's
    Clebsch-Gordan search needs the frequencies of the tensor products of the fields' irreps with Y_J."""
    full = spec["kind"] == "fullCylindrical"
    gs = gspaces.fullCylindricalOnR3(n=spec["n"]) if full else gspaces.cylindricalOnR3(n=spec["n"])
    if spec["n"] == -1:
        for j in (0, 1):
            for k in range(7):
                gs.fibergroup.irrep((j,), (1, k) if full else (k,))
                if full and k == 0:
                    gs.fibergroup.irrep((j,), (0, 0))
    return gs


# escnn's irrep ids of the cylinder groups ((j,), planar id, 0), tuples written as lists
CYL_IRREPS = [[[0], [0], 0], [[1], [0], 0], [[0], [1], 0], [[1], [2], 0]]
FULL_IRREPS = [[[0], [0, 0], 0], [[1], [1, 0], 0], [[0], [1, 1], 0], [[1], [1, 2], 0]]
BASES = [
    # name, gspace, input fields, output fields, kernel sizes
    ("cylindrical_c4_regular", {"kind": "cylindrical", "n": 4}, ["regular"], ["regular"], [3, 5]),
    ("cylindrical_c4_irreps", {"kind": "cylindrical", "n": 4}, CYL_IRREPS, CYL_IRREPS, [3, 5]),
    ("cylindrical_so2_irreps", {"kind": "cylindrical", "n": -1}, CYL_IRREPS, CYL_IRREPS, [3, 5]),
    ("full_cylindrical_d4_regular", {"kind": "fullCylindrical", "n": 4}, ["regular"], ["regular"], [3]),
    ("full_cylindrical_d4_irreps", {"kind": "fullCylindrical", "n": 4}, FULL_IRREPS, FULL_IRREPS, [3, 5]),
    ("full_cylindrical_o2_irreps", {"kind": "fullCylindrical", "n": -1}, FULL_IRREPS, FULL_IRREPS, [3, 5]),
]


def basis_case(index, name, spec, in_keys, out_keys, k):
    gs = cylinder_gspace(spec)
    in_type = nn.FieldType(gs, [bases3d.representation(gs, key) for key in in_keys])
    out_type = nn.FieldType(gs, [bases3d.representation(gs, key) for key in out_keys])
    conv = nn.R3Conv(in_type, out_type, k, initialize=False)
    dim = conv.basisexpansion.dimension()
    unit = dim * out_type.size * in_type.size * k ** 3 <= bases3d.ALL_FILTERS_LIMIT
    weights = np.eye(dim) if unit else np.random.default_rng(100 + index).standard_normal((bases3d.RANDOM_FILTERS, dim))
    filters = []
    with torch.no_grad():
        for w in weights:
            conv.weights.data = torch.tensor(w, dtype=torch.float32)
            f, _ = conv.expand_parameters()
            filters.append(bases3d.rounded(f.detach().numpy().reshape(-1)))
    return {
        "name": name + "_k" + str(k), "gspace": spec, "gspace_name": gs.name, "in_fields": in_keys,
        "out_fields": out_keys, "in_size": in_type.size, "out_size": out_type.size, "kernel_size": k,
        "dimension": dim, "bias_dimension": 0 if conv.bias is None else int(conv.bias.numel()),
        "he_std_sorted": bases3d.rounded(sorted(_generalized_he_init_variances(conv.basisexpansion).tolist())),
        "filters_kind": "unit" if unit else "random", "filters": filters,
    }


def main():
    layers = [(name, spec, i, o, k) for name, spec, i, o, sizes in BASES for k in sizes]
    bases = [basis_case(index, *layer) for index, layer in enumerate(layers)]
    rng = np.random.default_rng(1414)
    cyl = [[0, 0], [1, 1]]
    full = [[1, 0, 0], [0, 1, 1]]
    specs = [
        ('cylindricalOnR3', {}, gspaces.cylindricalOnR3(), cyl),
        ('cylindricalOnR3', {'n': 4}, gspaces.cylindricalOnR3(4), cyl),
        ('cylindricalOnR3', {'n': 2}, gspaces.cylindricalOnR3(2), cyl),
        ('cylindricalOnR3', {'n': 3}, gspaces.cylindricalOnR3(3), cyl),
        ('cylindricalOnR3', {'n': 1}, gspaces.cylindricalOnR3(1), None),
        ('fullCylindricalOnR3', {}, gspaces.fullCylindricalOnR3(), full),
        ('fullCylindricalOnR3', {'n': 4}, gspaces.fullCylindricalOnR3(4), full),
        ('fullCylindricalOnR3', {'n': 2}, gspaces.fullCylindricalOnR3(2), full),
        ('fullCylindricalOnR3', {'n': 4, 'axis': 0.0}, gspaces.fullCylindricalOnR3(4, axis=0.0), full),
        ('fullCylindricalOnR3', {'n': 8, 'axis': np.pi}, gspaces.fullCylindricalOnR3(8, axis=np.pi), full),
        ('fullCylindricalOnR3', {'n': -1, 'axis': 0.0}, gspaces.fullCylindricalOnR3(-1, axis=0.0), full),
    ]
    cases = {'cylinder_bases': bases, 'cylinder_gspaces': [case(f, {k: float(v) if k == 'axis' else v for k, v in a.items()}, gs, fields, rng)
                                  for f, a, gs, fields in specs]}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data', 'cylinder3d.json')
    with open(path, 'w') as f:
        json.dump(cases, f, sort_keys=True, separators=(',', ':'))
        f.write('\n')


if __name__ == '__main__':
    main()
