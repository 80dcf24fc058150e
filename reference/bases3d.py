"""Reference numbers for escnn's 3D steerable kernel bases (R3Conv) on the G-spaces of R^3.

An ordinary escnn 1.0.13 user script (written for this repository): for each configuration it builds
escnn.nn.R3Conv with escnn's default basis parameters (rings, sigma, frequency cut-off) between two field types and
records

  - the basis dimension (number of weights) and the bias dimension,
  - escnn's generalized He standard deviations of the weights, sorted (the weight order is escnn's own),
  - escnn's expanded filters [out][in][depth][height][width], flattened: for small layers the filter of every unit
    weight (the whole sampled basis), for larger ones the filters of a few seeded random weight vectors,
  - the field types as escnn's irrep ids (or "regular");

and, for kernel sizes 1 to 7 and dilations 1 and 2, R3Conv's default basis parameters (rings, sigma, the cut-off of
every ring, the maximum frequency) and the coordinates of the k^3 grid points (escnn's get_grid_coords).

Run: PYTHONPATH=/opt/escnn/site python3 -W ignore reference/bases3d.py  (writes reference/data/bases3d.json)
"""
import json
import os

import numpy as np
import torch
from escnn import gspaces, nn
from escnn.nn.init import _generalized_he_init_variances
from escnn.nn.modules.conv.r3convolution import compute_basis_params
from escnn.nn.modules.conv.rd_convolution import get_grid_coords

torch.set_num_threads(1)
np.random.seed(0)

DECIMALS = 8
# layers whose whole basis holds at most this many values store every unit-weight filter
ALL_FILTERS_LIMIT = 50_000
RANDOM_FILTERS = 3


def rounded(a):
    """Floats rounded to DECIMALS; those that round to zero written as the integer 0 (the filters are sparse)."""
    return [v if v != 0.0 else 0 for v in np.round(np.asarray(a, dtype=np.float64), DECIMALS).tolist()]


def gspace(spec):
    kind = spec["kind"]
    if kind == "so3":
        return gspaces.rot3dOnR3()
    if kind == "o3":
        return gspaces.flipRot3dOnR3()
    if kind == "octa":
        return gspaces.octaOnR3()
    if kind == "fullOcta":
        return gspaces.fullOctaOnR3()
    if kind == "ico":
        return gspaces.icoOnR3()
    if kind == "rot2d":
        return gspaces.rot2dOnR3(n=spec["n"])
    if kind == "dihedral":
        return gspaces.dihedralOnR3(n=spec["n"])
    if kind == "conical":
        return gspaces.conicalOnR3(n=spec["n"])
    if kind == "inv":
        return gspaces.invOnR3()
    if kind == "mir":
        return gspaces.mirOnR3()
    if kind == "trivial":
        return gspaces.trivialOnR3()
    raise ValueError(kind)


def as_id(key):
    """escnn's irrep id from its JSON form (lists for tuples, nested for the full octahedral group)."""
    return tuple(as_id(k) for k in key) if isinstance(key, list) else key


def representation(gs, key):
    """A field key: "regular" or an irrep id (escnn's, tuples written as lists)."""
    if key == "regular":
        return gs.regular_repr
    return gs.fibergroup.irrep(*as_id(key))


CONFIGS = [
    # name, gspace, input fields, output fields, kernel sizes
    ("so3_irreps", {"kind": "so3"}, [[0], [1], [2]], [[0], [1], [2]], [3, 5]),
    ("o3_irreps", {"kind": "o3"}, [[0, 0], [1, 0], [1, 1], [0, 1]], [[0, 0], [1, 1], [0, 2], [1, 2]], [3, 5]),
    ("octa_irreps", {"kind": "octa"}, [[0], [1], [-1], [2], [3]], [[0], [1], [-1], [2], [3]], [3, 5]),
    ("octa_regular", {"kind": "octa"}, ["regular"], ["regular"], [3]),
    ("octa_irreps_to_regular", {"kind": "octa"}, [[0], [1]], ["regular"], [5]),
    ("full_octa_irreps", {"kind": "fullOcta"}, [[[0], [0], 0], [[1], [0], 0], [[0], [1], 0], [[1], [1], 0]],
     [[[0], [0], 0], [[1], [1], 0], [[0], [2], 0], [[1], [-1], 0]], [3]),
    ("ico_irreps", {"kind": "ico"}, [[0], [1]], [[0], [1], [2], [3], [4]], [3]),
    ("rot2d_so2_irreps", {"kind": "rot2d", "n": -1}, [[0], [1], [2]], [[0], [1], [2]], [3, 5]),
    ("rot2d_c4_regular", {"kind": "rot2d", "n": 4}, ["regular"], ["regular"], [3, 5]),
    ("dihedral_d4_regular", {"kind": "dihedral", "n": 4}, ["regular"], ["regular"], [3, 5]),
    ("dihedral_o2_irreps", {"kind": "dihedral", "n": -1}, [[0, 0], [1, 0], [1, 1]], [[0, 0], [1, 1], [1, 2]], [3]),
    ("conical_d4_regular", {"kind": "conical", "n": 4}, ["regular"], ["regular"], [3, 5]),
    ("conical_o2_irreps", {"kind": "conical", "n": -1}, [[0, 0], [1, 0], [1, 1]], [[0, 0], [1, 1], [1, 2]], [3]),
    ("inv_regular", {"kind": "inv"}, ["regular"], ["regular"], [3]),
    ("mir_regular", {"kind": "mir"}, ["regular"], ["regular"], [3]),
    ("trivial", {"kind": "trivial"}, ["regular"], ["regular"], [3, 5]),
]


def case(name, spec, in_keys, out_keys, k):
    gs = gspace(spec)
    in_type = nn.FieldType(gs, [representation(gs, key) for key in in_keys])
    out_type = nn.FieldType(gs, [representation(gs, key) for key in out_keys])
    conv = nn.R3Conv(in_type, out_type, k, initialize=False)
    dim = conv.basisexpansion.dimension()
    filter_size = out_type.size * in_type.size * k ** 3
    result = {
        "name": name + "_k" + str(k),
        "gspace": spec,
        "gspace_name": gs.name,
        "in_fields": in_keys,
        "out_fields": out_keys,
        "in_size": in_type.size,
        "out_size": out_type.size,
        "kernel_size": k,
        "dimension": dim,
        "bias_dimension": 0 if conv.bias is None else int(conv.bias.numel()),
        "he_std_sorted": rounded(sorted(_generalized_he_init_variances(conv.basisexpansion).tolist())),
    }
    if dim * filter_size <= ALL_FILTERS_LIMIT:
        weights = np.eye(dim)
        result["filters_kind"] = "unit"
    else:
        weights = np.random.randn(RANDOM_FILTERS, dim)
        result["filters_kind"] = "random"
    filters = []
    with torch.no_grad():
        for w in weights:
            conv.weights.data = torch.tensor(w, dtype=torch.float32)
            f, _ = conv.expand_parameters()
            filters.append(rounded(f.detach().numpy().reshape(-1)))
    result["filters"] = filters
    return result


def default_policy(k, dilation):
    fco_filter, rings, sigma, maximum_frequency = compute_basis_params(k, dilation=dilation)
    # the band limit keeps degree J on a ring iff J <= cut-off(radius); find the cut-off as the largest J kept
    cutoffs = []
    for r in rings:
        kept = [j for j in range(0, 4 * k + 4) if fco_filter({"irrep:frequency": j, "radius": r})]
        cutoffs.append(max(kept) if kept else -1)
    return {
        "kernel_size": k,
        "dilation": dilation,
        "rings": rounded(rings),
        "sigma": rounded(sigma),
        "max_degree_per_ring": cutoffs,
        "maximum_frequency": int(maximum_frequency),
        "grid_xyz": rounded(get_grid_coords(3, k, dilation)),
    }


def main():
    policies = [default_policy(k, d) for k in range(1, 8) for d in (1, 2)]
    cases = []
    for name, spec, in_keys, out_keys, sizes in CONFIGS:
        for k in sizes:
            cases.append(case(name, spec, in_keys, out_keys, k))
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "data", "bases3d.json"), "w") as f:
        json.dump({"cases": cases, "default_basis_policy": policies}, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
