"""Reference numbers for IIDBatchNorm1d (fibers of gspaces.no_base_space) and IIDBatchNorm2d (feature maps).

An ordinary escnn 1.0.13 user script (written for this repository). For each configuration it sets seeded scales
and biases, runs two training-mode forward passes (inputs x1, x2; momentum 0.1, eps 1e-5) and one eval-mode pass
(x3), and records the outputs and the running statistics after the two training passes. Per-field values are
listed field by field in the field type's order: "gamma" one scale per field, "beta" the biases of the field's
trivial irreps, "running_mean" the field's running mean (empty for fields without trivial irrep), "running_var".

Run: PYTHONPATH=/opt/escnn/site python3 -W ignore reference/iid_batchnorm.py  (writes reference/data/iid_batchnorm.json)
"""
import json
import os
from collections import defaultdict

import numpy as np
import torch
from escnn import gspaces, group, nn

torch.set_num_threads(1)
np.random.seed(0)

DECIMALS = 8


def field(G, key):
    if key == "regular":
        return G.regular_representation
    if key == "trivial":
        return G.trivial_representation
    ids = tuple(int(v) for v in key.split(":")[1].split(","))
    return G.irrep(*ids)


CONFIGS = [
    ("c4_fibers", "1d", {"kind": "cyclic", "n": 4}, ["regular", "irrep:1", "trivial", "regular", "irrep:2"], (6,)),
    ("so2_fibers", "1d", {"kind": "so2", "maximumFrequency": 6}, ["irrep:0", "irrep:1", "irrep:2", "irrep:0"], (5,)),
    ("o2_fibers", "1d", {"kind": "o2", "maximumFrequency": 6}, ["irrep:1,1", "irrep:0,0", "irrep:1,0", "irrep:1,2"],
     (5,)),
    ("d4_maps", "2d", {"kind": "dihedral", "n": 4}, ["regular", "irrep:1,1", "trivial", "irrep:1,2"], (3, 4, 4)),
    ("c8_maps", "2d", {"kind": "cyclic", "n": 8}, ["regular", "irrep:1", "irrep:3", "trivial"], (2, 3, 3)),
]


def gspace(spec, dim):
    kind = spec["kind"]
    if dim == "1d":
        G = {"cyclic": lambda: group.cyclic_group(spec["n"]), "dihedral": lambda: group.dihedral_group(spec["n"]),
             "so2": lambda: group.so2_group(spec["maximumFrequency"]),
             "o2": lambda: group.o2_group(spec["maximumFrequency"])}[kind]()
        return gspaces.no_base_space(G)
    return {"cyclic": lambda: gspaces.rot2dOnR2(spec["n"]),
            "dihedral": lambda: gspaces.flipRot2dOnR2(spec["n"])}[kind]()


def rounded(a):
    return np.round(np.asarray(a, dtype=np.float64), DECIMALS).tolist()


def trivial_count(G, r):
    return sum(1 for irr in r.irreps if G.irrep(*irr).is_trivial())


def case(name, dim, spec, keys, shape, seed):
    gs = gspace(spec, dim)
    G = gs.fibergroup
    reprs = [field(G, k) for k in keys]
    ftype = nn.FieldType(gs, reprs)
    module = nn.IIDBatchNorm1d(ftype) if dim == "1d" else nn.IIDBatchNorm2d(ftype)
    module = module.double()
    gen = torch.Generator().manual_seed(seed)
    gamma = (torch.rand(len(reprs), generator=gen, dtype=torch.float64) + 0.5).tolist()
    beta = [(0.5 * torch.randn(trivial_count(G, r), generator=gen, dtype=torch.float64)).tolist() for r in reprs]
    occurrence = defaultdict(int)
    positions = []
    for r in reprs:
        positions.append(occurrence[r.name])
        occurrence[r.name] += 1
    with torch.no_grad():
        for f, r in enumerate(reprs):
            esc = r.name.replace('.', '^')
            getattr(module, f"{esc}_weight")[positions[f], 0] = gamma[f]
            if beta[f]:
                getattr(module, f"{esc}_bias")[positions[f], :] = torch.tensor(beta[f], dtype=torch.float64)
    full = (shape[0], ftype.size) + tuple(shape[1:])
    xs = [torch.randn(*full, generator=gen, dtype=torch.float64) * 1.5 + 0.3 for _ in range(3)]
    module.train()
    with torch.no_grad():
        y1 = module(nn.GeometricTensor(xs[0], ftype)).tensor
        y2 = module(nn.GeometricTensor(xs[1], ftype)).tensor
        module.eval()
        y3 = module(nn.GeometricTensor(xs[2], ftype)).tensor
    running_mean = []
    running_var = []
    for f, r in enumerate(reprs):
        esc = r.name.replace('.', '^')
        if hasattr(module, f"{esc}_running_mean"):
            running_mean.append(rounded(getattr(module, f"{esc}_running_mean")[positions[f]].numpy()))
        else:
            running_mean.append([])
        running_var.append(float(np.round(getattr(module, f"{esc}_running_var")[positions[f], 0].item(), DECIMALS)))
    trainable = sum(p.numel() for p in module.parameters() if p.requires_grad)
    return {
        "name": name, "module": "IIDBatchNorm" + dim, "group": spec, "fields": keys,
        "trainable_parameters": trainable,
        "gamma": rounded(gamma), "beta": [rounded(b) for b in beta],
        "x1": rounded(xs[0].numpy()), "x2": rounded(xs[1].numpy()), "x3": rounded(xs[2].numpy()),
        "train_output_1": rounded(y1.numpy()), "train_output_2": rounded(y2.numpy()),
        "eval_output": rounded(y3.numpy()),
        "running_mean": running_mean, "running_var": running_var,
    }


def main():
    cases = [case(n, d, s, k, sh, 200 + i) for i, (n, d, s, k, sh) in enumerate(CONFIGS)]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "iid_batchnorm.json")
    with open(out, "w") as f:
        json.dump({"escnn": "1.0.13", "decimals": DECIMALS, "momentum": 0.1, "eps": 1e-5, "cases": cases}, f,
                  sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
