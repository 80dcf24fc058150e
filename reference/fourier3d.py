#!/usr/bin/env python3
"""Writes escnn's Fourier nonlinearities on SO(3) and O(3) to reference/data/fourier3d.json.

Usage (escnn 1.0.13 importable, with PyTorch, numpy and scipy):

    PYTHONPATH=/path/to/escnn python3 -W ignore reference/fourier3d.py [OUTPUT_FILE]

For each config: escnn's sampling grid (each point as its 3 x 3 rotation matrix and inversion bit; for sphere grids
also the point R e_z on the sphere that the coset stands for), the band-limited (quotient) representation the module
builds (irreps in order, size, name) and the irreps of escnn's bl_regular_representation / bl_sphere_representation
of the same band limit, the module's matrices A (inverse Fourier transform) and Ainv (regularized pseudo-inverse),
and its output on a seeded 5-D input [batch, channels * size, D, H, W]. Everything in float64, one thread, keys
sorted, floats rounded to DECIMALS.

Grids: SO(3) 'cube' / 'ico' / 'tetra' (SciPy's rotation groups, escnn's order), 'rand' N with a seed (SciPy's
Rotation.random on numpy's RandomState); O(3): the same rotations, first without and then with the inversion
('rand': numpy's randint(0, 2) after the rotations). Sphere grids (for the quotients by SO(2) / the cone O(2)):
escnn's sphere_grid 'cube' / 'ico' / 'tetra' / 'cube_vertices', 'fibonacci' N and 'rand' N with a seed.
"""

import json
import os
import sys

import numpy as np
import torch

from escnn import gspaces
from escnn import nn

DECIMALS = 10


def rounded(x):
    return round(float(x), DECIMALS) + 0.0


def tree(a):
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 0:
        return rounded(a)
    return [tree(row) for row in a]


def element(g, o3, sphere):
    """The inversion bit and the rotation matrix of an element of SO(3) or O(3); for a sphere grid's coset
    representative the point R e_z instead (escnn picks the rest of R at random)."""
    if o3:
        inversion, rotation = g.to('MAT')
    else:
        inversion, rotation = 0, g.to('MAT')
    rotation = np.asarray(rotation, dtype=np.float64)
    if sphere:
        return {"inversion": int(inversion), "point": tree(rotation[:, 2])}
    return {"inversion": int(inversion), "rotation": tree(rotation)}


def grid_of(G, grid):
    kind = grid["type"]
    args = []
    kwargs = {}
    if "N" in grid:
        args.append(grid["N"])
    if "seed" in grid:
        kwargs["seed"] = grid["seed"]
    if kind.startswith("sphere "):
        name = kind[len("sphere "):]
        if name == "rand":
            # escnn's sphere 'rand' takes its seed positionally (its parameter is called rnd)
            return G.sphere_grid(name, grid["N"], grid["seed"])
        return G.sphere_grid(name, *args)
    return G.grid(kind, *args, **kwargs)


def config(name, group, band_limit, grid, function="p_relu", normalize=True, out_band_limit=None, quotient=False,
           channels=2, seed=0):
    o3 = group == "O3"
    gs = gspaces.flipRot3dOnR3(maximum_frequency=4) if o3 else gspaces.rot3dOnR3(maximum_frequency=4)
    G = gs.fibergroup
    irreps = G.bl_irreps(band_limit)
    out_irreps = None if out_band_limit is None else G.bl_irreps(out_band_limit)
    points = grid_of(G, grid)
    args = dict(function=function, normalize=normalize, out_irreps=out_irreps, inplace=False)
    subgroup = None
    if quotient:
        subgroup = ("cone", -1) if o3 else (False, -1)
        module = nn.QuotientFourierPointwise(gs, subgroup, channels, irreps, grid=points, **args)
        band_limited = G.bl_sphere_representation(band_limit)
    else:
        # FourierPointwise builds its grid itself from the grid arguments
        grid_args, grid_kwargs = grid_arguments(grid)
        module = nn.FourierPointwise(gs, channels, irreps, *grid_args, **args, **grid_kwargs)
        band_limited = G.bl_regular_representation(band_limit)
    module.eval()
    torch.manual_seed(seed)
    x = torch.randn(2, module.in_type.size, 2, 1, 2)
    with torch.no_grad():
        y = module(nn.GeometricTensor(x, module.in_type)).tensor
    return {
        "name": name,
        "group": G.name,
        "o3": o3,
        "subgroup": None if subgroup is None else [subgroup[0], subgroup[1]],
        "channels": channels,
        "bandLimit": band_limit,
        "outBandLimit": out_band_limit,
        "irreps": [list(i) for i in irreps],
        "outIrreps": None if out_irreps is None else [list(i) for i in out_irreps],
        "grid": grid,
        "function": function,
        "normalize": normalize,
        "gridElements": [element(g, o3, grid["type"].startswith("sphere ")) for g in points],
        "representation": {"name": module.rho.name, "size": module.rho.size,
                           "irreps": [list(i) for i in module.rho.irreps]},
        "outRepresentation": {"name": module.rho_out.name, "size": module.rho_out.size,
                              "irreps": [list(i) for i in module.rho_out.irreps]},
        "bandLimitedRepresentation": {"name": band_limited.name, "size": band_limited.size,
                                      "irreps": [list(i) for i in band_limited.irreps]},
        "A": tree(module.A.numpy()),
        "Ainv": tree(module.Ainv.numpy()),
        "input": tree(x.numpy().reshape(-1)),
        "inputShape": list(x.shape),
        "output": tree(y.numpy().reshape(-1)),
        "outputShape": list(y.shape),
    }


def grid_arguments(grid):
    args = [grid["type"]]
    kwargs = {}
    if "N" in grid:
        args.append(grid["N"])
    if "seed" in grid:
        kwargs["seed"] = grid["seed"]
    return args, kwargs


def configs():
    return [
        config("SO3 bl 1 cube", "SO3", 1, {"type": "cube"}, seed=1),
        config("SO3 bl 2 ico elu", "SO3", 2, {"type": "ico"}, function="p_elu", seed=2),
        config("SO3 bl 1 tetra sigmoid", "SO3", 1, {"type": "tetra"}, function="p_sigmoid", seed=3),
        config("SO3 bl 2 to bl 1 ico", "SO3", 2, {"type": "ico"}, out_band_limit=1, seed=4),
        config("SO3 bl 1 to bl 2 ico tanh", "SO3", 1, {"type": "ico"}, out_band_limit=2, function="p_tanh", seed=5),
        config("SO3 bl 1 cube unnormalized", "SO3", 1, {"type": "cube"}, normalize=False, seed=6),
        config("SO3 bl 2 rand 40 seed 7", "SO3", 2, {"type": "rand", "N": 40, "seed": 7}, seed=7),
        config("O3 bl 1 cube", "O3", 1, {"type": "cube"}, seed=8),
        config("O3 bl 2 ico elu", "O3", 2, {"type": "ico"}, function="p_elu", seed=9),
        config("O3 bl 1 rand 30 seed 3", "O3", 1, {"type": "rand", "N": 30, "seed": 3}, seed=10),
        config("SO3/SO2 bl 2 sphere ico", "SO3", 2, {"type": "sphere ico"}, quotient=True, seed=11),
        config("SO3/SO2 bl 1 sphere cube elu", "SO3", 1, {"type": "sphere cube"}, quotient=True, function="p_elu",
               seed=12),
        config("SO3/SO2 bl 3 sphere fibonacci 40", "SO3", 3, {"type": "sphere fibonacci", "N": 40}, quotient=True,
               seed=13),
        config("SO3/SO2 bl 2 to bl 1 sphere rand 30 seed 5", "SO3", 2, {"type": "sphere rand", "N": 30, "seed": 5},
               quotient=True, out_band_limit=1, seed=14),
        config("SO3/SO2 bl 1 sphere cube_vertices", "SO3", 1, {"type": "sphere cube_vertices"}, quotient=True,
               seed=15),
        config("SO3/SO2 bl 1 cube", "SO3", 1, {"type": "cube"}, quotient=True, seed=16),
        config("O3/cone bl 2 sphere ico elu", "O3", 2, {"type": "sphere ico"}, quotient=True, function="p_elu",
               seed=17),
        config("O3/cone bl 3 sphere fibonacci 50", "O3", 3, {"type": "sphere fibonacci", "N": 50}, quotient=True,
               seed=18),
        config("O3/cone bl 1 sphere cube", "O3", 1, {"type": "sphere cube"}, quotient=True, seed=19),
    ]


def main():
    torch.set_num_threads(1)
    np.random.seed(0)
    torch.set_default_dtype(torch.float64)
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                                 "data", "fourier3d.json")
    data = {"escnn": "1.0.13", "decimals": DECIMALS, "configs": configs()}
    with open(target, "w") as f:
        json.dump(data, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
