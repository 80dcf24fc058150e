"""Reference numbers for the per-sample normalizations and escnn's extra nonlinearities.

An ordinary escnn 1.0.13 user script (written for this repository): it builds escnn's FieldNorm,
NormNonLinearity('n_softplus') and GatedNonLinearityUniform on seeded inputs and parameters, plus torch's
InstanceNorm2d, GroupNorm and LayerNorm for the cases where the equivariant instance and layer normalizations
reduce to them, and writes what they compute to data/normalization.json.

    PYTHONPATH=/path/to/escnn python3 -W ignore reference/normalization.py [output.json]

Deterministic: fixed seeds, one torch thread, double precision, keys sorted, floats rounded to 10 decimals.
Field types are written as in the other reference files: a list of [repr_key, multiplicity].
"""
import json
import os
import sys

import numpy as np
import torch
from escnn import group, gspaces
from escnn import nn as enn

torch.set_num_threads(1)

DECIMALS = 10


def rounded(a):
    return [round(float(v), DECIMALS) for v in np.asarray(a, dtype=np.float64).reshape(-1)]


def make_gspace(spec):
    if spec["kind"] == "rot2d":
        if spec["N"] == -1:
            return gspaces.rot2dOnR2(N=-1, maximum_frequency=spec["maximum_frequency"])
        return gspaces.rot2dOnR2(N=spec["N"])
    if spec["N"] == -1:
        return gspaces.flipRot2dOnR2(N=-1, maximum_frequency=spec["maximum_frequency"])
    return gspaces.flipRot2dOnR2(N=spec["N"])


def representation(gs, key):
    if key == "trivial":
        return gs.trivial_repr
    if key == "regular":
        return gs.regular_repr
    if key.startswith("irrep:"):
        return gs.irrep(*[int(k) for k in key[len("irrep:"):].split(",")])
    if key.startswith("quotient:"):
        return gs.quotient_repr(int(key[len("quotient:"):]))
    raise ValueError(key)


def field_reprs(gs, spec):
    return [representation(gs, key) for key, mult in spec for _ in range(mult)]


def gaussian(rng, *shape):
    return rng.standard_normal(shape)


def trivial_count(gs, r):
    return sum(1 for irr in r.irreps if gs.fibergroup.irrep(*irr).is_trivial())


def field_norm_case(name, gspace_spec, field_spec, affine, seed, height=3, width=4):
    rng = np.random.RandomState(seed)
    gs = make_gspace(gspace_spec)
    reprs = field_reprs(gs, field_spec)
    ftype = gs.type(*reprs)
    module = enn.FieldNorm(ftype, affine=affine).double()
    weights = (0.5 + rng.random_sample(len(reprs))).tolist()
    biases = [gaussian(rng, trivial_count(gs, r)) for r in reprs]
    if affine:
        # escnn keeps one weight / bias row per field of each representation, in field order
        seen = {}
        for f, r in enumerate(reprs):
            row = seen.get(r.name, 0)
            seen[r.name] = row + 1
            key = r.name.replace(".", "^")
            with torch.no_grad():
                getattr(module, f"{key}_weight")[row, 0] = weights[f]
                if biases[f].size > 0:
                    getattr(module, f"{key}_bias")[row, :] = torch.from_numpy(biases[f])
    x = gaussian(rng, 2, ftype.size, height, width) * 1.5 + 0.3
    module.eval()
    y = module(enn.GeometricTensor(torch.from_numpy(x), ftype)).tensor.detach().numpy()
    case = {"name": name, "gspace": gspace_spec, "type": field_spec, "affine": affine, "eps": module.eps,
            "shape": list(x.shape), "input": rounded(x), "output": rounded(y)}
    if affine:
        case["weight"] = rounded(weights)
        case["bias"] = rounded(np.concatenate(biases)) if biases else []
    return case


def torch_norm_cases():
    """Single trivial fields, regular fields and mixed permutation fields: torch's own normalizations."""
    cases = []
    rng = np.random.RandomState(7)
    h, w = 4, 5

    x = gaussian(rng, 2, 1, h, w) * 2.0 + 0.7
    weight, bias = 1.3, -0.4
    inorm = torch.nn.InstanceNorm2d(1, affine=True, eps=1e-5).double()
    lnorm = torch.nn.LayerNorm([1, h, w], eps=1e-5).double()
    with torch.no_grad():
        inorm.weight.fill_(weight)
        inorm.bias.fill_(bias)
        lnorm.weight.fill_(weight)
        lnorm.bias.fill_(bias)
    for kind, module in (("instance", inorm), ("layer", lnorm)):
        cases.append({"name": f"torch {type(module).__name__}, one trivial field", "norm": kind,
                      "gspace": {"kind": "rot2d", "N": 4}, "type": [["trivial", 1]], "eps": 1e-5,
                      "weight": [weight], "bias": [bias], "shape": list(x.shape), "input": rounded(x),
                      "output": rounded(module(torch.from_numpy(x)).detach().numpy())})

    # three trivial fields: InstanceNorm2d normalizes each channel on its own
    x = gaussian(rng, 2, 3, h, w) * 1.5 - 0.2
    weights = [0.8, 1.1, 1.7]
    biases = [0.3, -0.5, 0.05]
    inorm = torch.nn.InstanceNorm2d(3, affine=True, eps=1e-5).double()
    with torch.no_grad():
        inorm.weight.copy_(torch.tensor(weights, dtype=torch.float64))
        inorm.bias.copy_(torch.tensor(biases, dtype=torch.float64))
    cases.append({"name": "torch InstanceNorm2d, three trivial fields", "norm": "instance",
                  "gspace": {"kind": "rot2d", "N": 8}, "type": [["trivial", 3]], "eps": 1e-5,
                  "weight": weights, "bias": biases, "shape": list(x.shape), "input": rounded(x),
                  "output": rounded(inorm(torch.from_numpy(x)).detach().numpy())})

    # regular fields of C4: the field's trivial subspace is spanned by (1, 1, 1, 1), so the equivariant instance
    # norm is torch's GroupNorm with one group per field
    x = gaussian(rng, 2, 12, h, w) + 0.4
    gnorm = torch.nn.GroupNorm(3, 12, eps=1e-5, affine=False).double()
    cases.append({"name": "torch GroupNorm(3 groups), three regular C4 fields", "norm": "instance",
                  "gspace": {"kind": "rot2d", "N": 4}, "type": [["regular", 3]], "eps": 1e-5,
                  "shape": list(x.shape), "input": rounded(x),
                  "output": rounded(gnorm(torch.from_numpy(x)).detach().numpy())})

    # two trivial and two regular D4 fields (18 channels), all permutation fields: torch's LayerNorm over
    # (C, H, W); its elementwise affine map set to the per-field weights and, on the trivial fields, the biases
    x = gaussian(rng, 2, 18, h, w) * 0.9 + 0.25
    weights = [0.7, 1.2, 0.9, 1.4]
    biases = [0.2, -0.6]
    sizes = [1, 1, 8, 8]
    lnorm = torch.nn.LayerNorm([18, h, w], eps=1e-5).double()
    with torch.no_grad():
        lnorm.weight.copy_(torch.tensor(np.repeat(weights, sizes)).view(18, 1, 1).expand(18, h, w))
        channel_bias = np.zeros(18)
        channel_bias[0:2] = biases
        lnorm.bias.copy_(torch.tensor(channel_bias).view(18, 1, 1).expand(18, h, w))
    cases.append({"name": "torch LayerNorm, two trivial and two regular D4 fields", "norm": "layer",
                  "gspace": {"kind": "fliprot2d", "N": 4}, "type": [["trivial", 2], ["regular", 2]], "eps": 1e-5,
                  "weight": weights, "bias": biases + [0.0, 0.0], "shape": list(x.shape), "input": rounded(x),
                  "output": rounded(lnorm(torch.from_numpy(x)).detach().numpy())})
    return cases


def n_softplus_case(seed):
    rng = np.random.RandomState(seed)
    gspace_spec = {"kind": "rot2d", "N": 8}
    field_spec = [["irrep:1", 1], ["trivial", 1], ["regular", 1], ["irrep:3", 2]]
    gs = make_gspace(gspace_spec)
    ftype = gs.type(*field_reprs(gs, field_spec))
    module = enn.NormNonLinearity(ftype, function="n_softplus").double()
    log_bias = gaussian(rng, len(ftype)) * 0.5
    with torch.no_grad():
        module.log_bias.copy_(torch.from_numpy(log_bias).view(1, -1, 1, 1))
    x = gaussian(rng, 2, ftype.size, 3, 3)
    y = module(enn.GeometricTensor(torch.from_numpy(x), ftype)).tensor.detach().numpy()
    return {"name": "n_softplus on C8", "gspace": gspace_spec, "type": field_spec,
            "log_bias": rounded(log_bias), "shape": list(x.shape), "input": rounded(x), "output": rounded(y)}


def gated_uniform_case(name, gspace_spec, gated_keys, fields, seed):
    rng = np.random.RandomState(seed)
    gs = make_gspace(gspace_spec)
    g = gs.fibergroup
    gated = [representation(gs, key) for key in gated_keys]
    rho = group.directsum([g.trivial_representation] * len(gated) + gated)
    ftype = gs.type(*[rho] * fields)
    module = enn.GatedNonLinearityUniform(ftype).double()
    bias = gaussian(rng, fields, len(gated))
    with torch.no_grad():
        module.bias.copy_(torch.from_numpy(bias).view(1, fields, len(gated)))
    x = gaussian(rng, 2, ftype.size, 3, 3) * 1.2
    y = module(enn.GeometricTensor(torch.from_numpy(x), ftype)).tensor.detach().numpy()
    return {"name": name, "gspace": gspace_spec, "gated": gated_keys, "fields": fields, "bias": rounded(bias),
            "shape": list(x.shape), "input": rounded(x), "output": rounded(y), "out_shape": list(y.shape)}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "data", "normalization.json")
    data = {
        "generator": "reference/normalization.py, escnn 1.0.13",
        "field_norm": [
            field_norm_case("C4 regular, trivial, irrep 1, irrep 2, quotient by C2", {"kind": "rot2d", "N": 4},
                            [["regular", 1], ["trivial", 1], ["irrep:1", 1], ["irrep:2", 1], ["quotient:2", 1]],
                            True, 1),
            field_norm_case("D4 regular, irrep 1,1, two trivial, irrep 1,0, regular", {"kind": "fliprot2d", "N": 4},
                            [["regular", 1], ["irrep:1,1", 1], ["trivial", 2], ["irrep:1,0", 1], ["regular", 1]],
                            True, 2),
            field_norm_case("C8 two regular and irrep 3, no affine", {"kind": "rot2d", "N": 8},
                            [["regular", 2], ["irrep:3", 1]], False, 3),
            field_norm_case("SO(2) trivial, irrep 1, irrep 2", {"kind": "rot2d", "N": -1, "maximum_frequency": 4},
                            [["irrep:1", 1], ["trivial", 1], ["irrep:2", 1]], True, 4),
        ],
        "torch_norms": torch_norm_cases(),
        "n_softplus": [n_softplus_case(5)],
        "gated_uniform": [
            gated_uniform_case("C8 gates for irrep 1 and irrep 3, three fields", {"kind": "rot2d", "N": 8},
                               ["irrep:1", "irrep:3"], 3, 6),
            gated_uniform_case("D4 gates for irrep 1,1, irrep 1,0 and irrep 0,2, two fields",
                               {"kind": "fliprot2d", "N": 4}, ["irrep:1,1", "irrep:1,0", "irrep:0,2"], 2, 7),
        ],
    }
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as f:
        json.dump(data, f, sort_keys=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
