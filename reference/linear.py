"""Reference numbers for the equivariant Linear layer on escnn's G-space without base space.

An ordinary escnn 1.0.13 user script (written for this repository): for each configuration it builds
escnn.nn.Linear between two field types of gspaces.no_base_space(G) and records

  - the basis dimension (number of weights) and the number of bias parameters,
  - the basis itself in escnn's weight order: the matrix the layer expands from each unit weight vector,
  - the standard deviations of escnn's generalized He initialization (one per weight),
  - seeded weights and bias, the expanded matrix and bias, a seeded input and escnn's output,
  - the change of basis of every field representation (to check that both libraries mean the same fields).

Run: PYTHONPATH=/opt/escnn/site python3 -W ignore reference/linear.py  (writes reference/data/linear.json)
"""
import json
import os

import numpy as np
import torch
from escnn import gspaces, group, nn
from escnn.nn import init

torch.set_num_threads(1)
np.random.seed(0)  # escnn samples group elements with numpy when it solves O(2) and SO(2) Clebsch-Gordan systems

DECIMALS = 8


def groups():
    return {
        "C4": (group.cyclic_group(4), {"kind": "cyclic", "n": 4}),
        "C8": (group.cyclic_group(8), {"kind": "cyclic", "n": 8}),
        "D4": (group.dihedral_group(4), {"kind": "dihedral", "n": 4}),
        "SO2": (group.so2_group(6), {"kind": "so2", "maximumFrequency": 6}),
        "O2": (group.o2_group(6), {"kind": "o2", "maximumFrequency": 6}),
    }


def field(G, key):
    """The representation of a field key as the Java side writes it: regular, trivial, irrep:k or irrep:j,k."""
    if key == "regular":
        return G.regular_representation
    if key == "trivial":
        return G.trivial_representation
    ids = tuple(int(v) for v in key.split(":")[1].split(","))
    return G.irrep(*ids)


CONFIGS = [
    ("c4_mixed", "C4", ["regular", "irrep:1", "trivial", "regular"], ["trivial", "regular", "irrep:2", "irrep:1"]),
    ("c8_regular", "C8", ["regular", "regular"], ["regular", "regular", "regular"]),
    ("c8_to_invariant", "C8", ["regular", "irrep:2"], ["trivial", "trivial"]),
    ("d4_mixed", "D4", ["regular", "irrep:1,1", "irrep:1,0"], ["irrep:1,1", "regular", "irrep:0,0", "irrep:1,2"]),
    ("so2_irreps", "SO2", ["irrep:0", "irrep:1", "irrep:2", "irrep:1"], ["irrep:1", "irrep:0", "irrep:2", "irrep:2"]),
    ("o2_irreps", "O2", ["irrep:0,0", "irrep:1,0", "irrep:1,1", "irrep:1,2"],
     ["irrep:1,1", "irrep:0,0", "irrep:1,2", "irrep:1,0", "irrep:1,1"]),
]


def rounded(a):
    return np.round(np.asarray(a, dtype=np.float64), DECIMALS).tolist()


def case(name, group_name, in_keys, out_keys, seed):
    G, spec = groups()[group_name]
    gs = gspaces.no_base_space(G)
    in_type = nn.FieldType(gs, [field(G, k) for k in in_keys])
    out_type = nn.FieldType(gs, [field(G, k) for k in out_keys])
    torch.manual_seed(seed)
    layer = nn.Linear(in_type, out_type, bias=True)
    dim = layer.basisexpansion.dimension()
    basis = []
    for w in range(dim):
        e = torch.zeros(dim)
        e[w] = 1
        basis.append(rounded(layer.basisexpansion(e).reshape(out_type.size, in_type.size).detach().numpy()))
    stds = init._generalized_he_init_variances(layer.basisexpansion).numpy()
    gen = torch.Generator().manual_seed(seed + 1)
    weights = torch.randn(dim, generator=gen, dtype=torch.float64)
    bias_count = 0 if layer.bias is None else layer.bias.numel()
    bias = torch.randn(bias_count, generator=gen, dtype=torch.float64)
    x = torch.randn(3, in_type.size, generator=gen, dtype=torch.float64)
    with torch.no_grad():
        layer.weights.copy_(weights.float())
        if bias_count:
            layer.bias.copy_(bias.float())
    layer = layer.double()
    layer.eval()
    with torch.no_grad():
        y = layer(nn.GeometricTensor(x, in_type)).tensor.numpy()
        matrix = layer.matrix.numpy()
        expanded_bias = layer.expanded_bias.numpy() if bias_count else np.zeros(0)
    trainable = sum(p.numel() for p in layer.parameters() if p.requires_grad)
    return {
        "name": name,
        "group": spec,
        "in_fields": in_keys,
        "out_fields": out_keys,
        "in_size": in_type.size,
        "out_size": out_type.size,
        "dimension": dim,
        "bias_dimension": bias_count,
        "trainable_parameters": trainable,
        "basis": basis,
        "he_std": rounded(stds),
        "weights": rounded(weights.float().double().numpy()),
        "bias": rounded(bias.float().double().numpy()),
        "matrix": rounded(matrix),
        "expanded_bias": rounded(expanded_bias),
        "input": rounded(x.numpy()),
        "output": rounded(y),
        "change_of_basis": {k: rounded(field(G, k).change_of_basis) for k in sorted(set(in_keys + out_keys))},
    }


def main():
    cases = [case(name, g, i, o, 100 + k) for k, (name, g, i, o) in enumerate(CONFIGS)]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "linear.json")
    with open(out, "w") as f:
        json.dump({"escnn": "1.0.13", "decimals": DECIMALS, "cases": cases}, f, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
