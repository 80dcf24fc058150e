"""Reference numbers for escnn's TensorProductModule (a learnable quadratic nonlinearity) on planar G-spaces.

An ordinary escnn 1.0.13 user script (written for this repository): for each configuration it builds
escnn.nn.TensorProductModule between two uniform field types with the same number of fields and records

  - the basis dimension (number of weights) and the size of the tensor product representation,
  - seeded weights and escnn's expanded matrix [C * out size, in size ** 2],
  - a seeded input feature map and escnn's output,
  - the irreps of rho (x) rho (escnn's Representation.tensor), as escnn's ids.

Run: PYTHONPATH=/opt/escnn/site python3 -W ignore reference/tensor_product.py  (writes reference/data/tensor_product.json)
"""
import json
import os

import numpy as np
import torch
from escnn import gspaces, group, nn

torch.set_num_threads(1)
np.random.seed(0)  # escnn samples group elements with numpy when it solves O(2) and SO(2) Clebsch-Gordan systems

DECIMALS = 8


def rounded(a):
    return np.round(np.asarray(a, dtype=np.float64), DECIMALS).tolist()


def field(G, key):
    """The representation of a field key: regular, trivial, irrep:k / irrep:j,k, or sum[key][key]..."""
    if key == "regular":
        return G.regular_representation
    if key == "trivial":
        return G.trivial_representation
    if key.startswith("sum"):
        parts = key[len("sum["):-1].split("][")
        return group.directsum([field(G, p) for p in parts])
    ids = tuple(int(v) for v in key.split(":")[1].split(","))
    return G.irrep(*ids)


def gspace(spec):
    if spec["kind"] == "cyclic":
        return gspaces.rot2dOnR2(N=spec["n"])
    if spec["kind"] == "dihedral":
        return gspaces.flipRot2dOnR2(N=spec["n"])
    if spec["kind"] == "so2":
        return gspaces.rot2dOnR2(N=-1, maximum_frequency=spec["maximumFrequency"])
    return gspaces.flipRot2dOnR2(N=-1, maximum_frequency=spec["maximumFrequency"])


CONFIGS = [
    ("c4_regular", {"kind": "cyclic", "n": 4}, "regular", "regular", 2),
    ("c8_irrep1_to_regular", {"kind": "cyclic", "n": 8}, "irrep:1", "regular", 3),
    ("d4_regular", {"kind": "dihedral", "n": 4}, "regular", "regular", 2),
    ("so2_irrep1", {"kind": "so2", "maximumFrequency": 2}, "irrep:1", "sum[irrep:0][irrep:2]", 3),
    ("o2_mixed", {"kind": "o2", "maximumFrequency": 2}, "sum[irrep:0,0][irrep:1,1]",
     "sum[irrep:0,0][irrep:1,0][irrep:1,1][irrep:1,2]", 2),
]


def case(name, spec, in_key, out_key, fields, seed):
    gs = gspace(spec)
    G = gs.fibergroup
    rho = field(G, in_key)
    sigma = field(G, out_key)
    in_type = gs.type(*[rho] * fields)
    out_type = gs.type(*[sigma] * fields)
    torch.manual_seed(seed)
    module = nn.TensorProductModule(in_type, out_type).to(torch.float64)
    with torch.no_grad():
        module.weights.data[:] = torch.randn(module.weights.shape, dtype=torch.float64)
    module.train()
    matrix = module.expand_parameters().detach().numpy()
    x = torch.randn(2, in_type.size, 3, 3, dtype=torch.float64)
    y = module(in_type(x)).tensor.detach().numpy()
    tensor = rho.tensor(rho)
    return {
        "name": name,
        "group": spec,
        "in_field": in_key,
        "out_field": out_key,
        "fields": fields,
        "dimension": int(module.weights.numel()),
        "tensor_size": int(tensor.size),
        "tensor_irreps": sorted(str(i) for i in tensor.irreps),
        "weights": rounded(module.weights.detach().numpy()),
        "matrix": rounded(matrix),
        "input": rounded(x.numpy()),
        "output": rounded(y),
    }


def main():
    cases = [case(n, spec, i, o, f, 100 + k) for k, (n, spec, i, o, f) in enumerate(CONFIGS)]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "tensor_product.json")
    with open(out, "w") as fh:
        json.dump({"cases": cases}, fh, sort_keys=True, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    main()
