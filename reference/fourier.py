#!/usr/bin/env python3
"""Writes escnn's Fourier nonlinearities for the planar groups to reference/data/fourier.json.

Usage (escnn 1.0.13 importable, with PyTorch and numpy):

    PYTHONPATH=/path/to/escnn python3 -W ignore reference/fourier.py [OUTPUT_FILE]

For each config: escnn's sampling grid on the group, the band-limited (quotient) representation the module
builds (irreps in order, size, name), its matrices A (inverse Fourier transform: samples of the basis functions
on the grid) and Ainv (the regularized pseudo-inverse), and the module's output on a seeded input. Everything in
float64 (torch's default dtype is set to double), one thread, keys sorted, floats rounded to DECIMALS.
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


def gspace(kind, n, maximum_frequency):
    if kind == "rot":
        return gspaces.rot2dOnR2(N=n, maximum_frequency=maximum_frequency) if n == -1 else gspaces.rot2dOnR2(N=n)
    return gspaces.flipRot2dOnR2(N=n, maximum_frequency=maximum_frequency) if n == -1 else gspaces.flipRot2dOnR2(N=n)


def element(g):
    """(flip, rotation): the rotation index for C_N / D_N, the angle in radians for SO(2) / O(2)."""
    v = g.to('int') if g.group.order() > 0 else g.to('radians')
    if isinstance(v, tuple):
        flip, rot = v
    else:
        flip, rot = 0, v
    return {"flip": int(flip), "rotation": rounded(rot) if g.group.order() < 0 else int(rot)}


def grid_of(G, grid):
    if G.order() > 0:
        return G.grid(grid["type"], grid["N"])
    if grid["type"] == "rand":
        return G.grid(grid["N"], type="rand", seed=grid["seed"])
    return G.grid(grid["N"], type="regular")


def config(name, kind, n, irreps, grid, function="p_relu", normalize=True, out_irreps=None, subgroup=None,
           channels=2, maximum_frequency=6, seed=0):
    gs = gspace(kind, n, maximum_frequency)
    G = gs.fibergroup
    args = dict(function=function, normalize=normalize, out_irreps=out_irreps, inplace=False)
    grid_args = (grid["N"],) if G.order() < 0 else (grid["type"], grid["N"])
    grid_kwargs = {}
    if G.order() < 0:
        grid_kwargs["type"] = grid["type"]
        if grid["type"] == "rand":
            grid_kwargs["seed"] = grid["seed"]
    if subgroup is None:
        module = nn.FourierPointwise(gs, channels, irreps, *grid_args, **args, **grid_kwargs)
    else:
        module = nn.QuotientFourierPointwise(gs, subgroup, channels, irreps, *grid_args, **args, **grid_kwargs)
    module.eval()
    torch.manual_seed(seed)
    x = torch.randn(2, module.in_type.size, 2, 2)
    with torch.no_grad():
        y = module(nn.GeometricTensor(x, module.in_type)).tensor
    return {
        "name": name,
        "group": G.name,
        "gspace": {"kind": kind, "n": n, "maximumFrequency": maximum_frequency},
        "subgroup": None if subgroup is None else list(subgroup) if isinstance(subgroup, tuple) else subgroup,
        "channels": channels,
        "irreps": [list(i) for i in irreps],
        "outIrreps": None if out_irreps is None else [list(i) for i in out_irreps],
        "grid": grid,
        "function": function,
        "normalize": normalize,
        "gridElements": [element(g) for g in grid_of(G, grid)],
        "representation": {"name": module.rho.name, "size": module.rho.size,
                           "irreps": [list(i) for i in module.rho.irreps]},
        "outRepresentation": {"name": module.rho_out.name, "size": module.rho_out.size,
                              "irreps": [list(i) for i in module.rho_out.irreps]},
        "A": tree(module.A.numpy()),
        "Ainv": tree(module.Ainv.numpy()),
        "input": tree(x.numpy().reshape(-1)),
        "inputShape": list(x.shape),
        "output": tree(y.numpy().reshape(-1)),
        "outputShape": list(y.shape),
    }


def configs():
    so2 = [(k,) for k in range(4)]
    o2_2 = [(0, 0), (1, 0), (1, 1), (1, 2)]
    out = [
        config("C8 bl 4 regular 8", "rot", 8, [(k,) for k in range(5)], {"type": "regular", "N": 8}, seed=1),
        config("C8 bl 2 regular 8 sigmoid", "rot", 8, [(k,) for k in range(3)], {"type": "regular", "N": 8},
               function="p_sigmoid", seed=2),
        config("C8 bl 3 regular 4", "rot", 8, [(k,) for k in range(4)], {"type": "regular", "N": 4}, seed=3),
        config("D4 bl 2 regular 4 elu", "flip", 4, [(0, 0), (1, 0), (1, 1), (1, 2), (0, 2)],
               {"type": "regular", "N": 4}, function="p_elu", seed=4),
        config("D4 bl 1 regular 2 tanh", "flip", 4, [(0, 0), (1, 0), (1, 1)], {"type": "regular", "N": 2},
               function="p_tanh", seed=5),
        config("SO2 bl 3 regular 8 elu", "rot", -1, so2, {"type": "regular", "N": 8}, function="p_elu", seed=6),
        config("SO2 bl 3 regular 16", "rot", -1, so2, {"type": "regular", "N": 16}, seed=7),
        config("SO2 bl 3 regular 16 unnormalized", "rot", -1, so2, {"type": "regular", "N": 16}, normalize=False,
               seed=8),
        config("SO2 bl 3 to bl 1 regular 12", "rot", -1, so2, {"type": "regular", "N": 12}, out_irreps=so2[:2],
               seed=9),
        config("SO2 bl 1 to bl 3 regular 12 elu", "rot", -1, so2[:2], {"type": "regular", "N": 12},
               out_irreps=so2, function="p_elu", seed=10),
        config("SO2 bl 2 rand 11 seed 3", "rot", -1, so2[:3], {"type": "rand", "N": 11, "seed": 3}, seed=11),
        config("O2 bl 2 regular 8 elu", "flip", -1, o2_2, {"type": "regular", "N": 8}, function="p_elu", seed=12),
        config("O2 bl 2 rand 20 seed 5", "flip", -1, o2_2, {"type": "rand", "N": 20, "seed": 5}, seed=13),
        config("O2/SO2 regular 4", "flip", -1, o2_2, {"type": "regular", "N": 4}, subgroup=(None, -1), seed=14),
        config("O2/flips bl 3 regular 8 elu", "flip", -1, o2_2 + [(1, 3)], {"type": "regular", "N": 8},
               subgroup=(0., 1), function="p_elu", seed=15),
        config("SO2/C2 bl 4 regular 8 elu", "rot", -1, [(k,) for k in range(5)], {"type": "regular", "N": 8},
               subgroup=2, function="p_elu", seed=16),
        config("C8/C2 bl 4 regular 8", "rot", 8, [(k,) for k in range(5)], {"type": "regular", "N": 8},
               subgroup=2, seed=17),
        config("D4/flips bl 2 regular 4", "flip", 4, [(0, 0), (1, 0), (1, 1), (1, 2), (0, 2)],
               {"type": "regular", "N": 4}, subgroup=(0, 1), seed=18),
        config("D4/C4 bl 2 regular 4 elu", "flip", 4, [(0, 0), (1, 0), (1, 1), (1, 2), (0, 2)],
               {"type": "regular", "N": 4}, subgroup=(None, 4), function="p_elu", seed=19),
    ]
    return out


def main():
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float64)
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                                 "data", "fourier.json")
    data = {"escnn": "1.0.13", "decimals": DECIMALS, "configs": configs()}
    with open(target, "w") as f:
        json.dump(data, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
