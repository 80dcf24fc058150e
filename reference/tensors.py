#!/usr/bin/env python3
"""Writes reference/data/tensors.json: e2cnn's action of group elements on feature fields, at elements that do
not map the pixel grid onto itself (resampled by scipy.ndimage.rotate, order 2), and e2cnn's equivariance
errors of one seeded R2Conv at every element of C8.

Usage (e2cnn 0.2.3, PyTorch, numpy, scipy 1.10):

    PYTHONPATH=/path/to/e2cnn python3 -W ignore reference/tensors.py [OUTPUT_FILE]

OUTPUT_FILE defaults to data/tensors.json beside this script. Deterministic: fixed seeds, one thread, sorted
keys, floats rounded to DECIMALS. An ordinary e2cnn user script, written for this repository.
"""

import json
import os
import sys

import numpy as np
import scipy
import torch

from e2cnn import gspaces
from e2cnn import nn

DECIMALS = 10           # every array and error below
INPUT_SEED = 20261201   # numpy seed of the input fields
WEIGHT_SEED = 3         # torch seed of the R2Conv's weights
CHECK_SIZE = 11         # side of the R2Conv check's input
CHECK_ATOL = 1e-7       # e2cnn's EquivariantModule.check_equivariance defaults
CHECK_RTOL = 1e-5


def rounded(a):
    """Nested lists of floats rounded to DECIMALS, without negative zero."""
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 0:
        return round(float(a), DECIMALS) + 0.0
    return [rounded(row) for row in a]


def plain(element):
    """A group element as JSON: an int (C_N), a float (SO(2)) or [flip, rotation] (D_N, O(2))."""
    if isinstance(element, tuple):
        return [plain(e) for e in element]
    if isinstance(element, (int, np.integer)):
        return int(element)
    return round(float(element), DECIMALS) + 0.0


def to_text(value, indent=0):
    """JSON with sorted keys, objects and nested arrays one entry a line, arrays of scalars on one line."""
    if isinstance(value, dict):
        pad = " " * (indent + 1)
        items = ["%s%s: %s" % (pad, json.dumps(key), to_text(value[key], indent + 1)) for key in sorted(value)]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        pad = " " * (indent + 1)
        return "[\n" + ",\n".join(pad + to_text(v, indent + 1) for v in value) + "\n" + " " * indent + "]"
    return json.dumps(value, separators=(",", ":"), ensure_ascii=True, allow_nan=False)


def field_action(field_type, x, element):
    """e2cnn's action on a float64 array: rho(g) on the fibers, then the G-space's base-space action.

    FieldType.transform does the same but returns float32; the script checks that both agree."""
    out = np.ascontiguousarray(field_type.gspace.featurefield_action(x, field_type.representation, element))
    check = field_type.transform(torch.tensor(x, dtype=torch.float32), element).numpy()
    assert np.abs(check - out).max() < 1e-5, "FieldType.transform and featurefield_action disagree"
    return out


# (name, G-space, its spec as in reference/README.md, fields as [repr key, multiplicity], batch, H, W, elements)
def cases():
    c8 = gspaces.Rot2dOnR2(8)
    c16 = gspaces.Rot2dOnR2(16)
    so2 = gspaces.Rot2dOnR2(-1, maximum_frequency=6)
    o2 = gspaces.FlipRot2dOnR2(-1, maximum_frequency=6)
    d8 = gspaces.FlipRot2dOnR2(8)
    flip = gspaces.Flip2dOnR2(axis=np.pi / 3)
    return [
        ("C8 regular+irrep1 9x9", c8, {"kind": "rot2d", "N": 8},
         [["regular", 1], ["irrep:1", 1]], 1, 9, 9, [1, 3, 2]),
        ("C16 trivial+irrep1 9x9", c16, {"kind": "rot2d", "N": 16},
         [["trivial", 1], ["irrep:1", 1]], 2, 9, 9, [1, 5]),
        ("SO2 irreps 0,1,2 7x8", so2, {"kind": "rot2d", "N": -1, "maximum_frequency": 6},
         [["irrep:0", 1], ["irrep:1", 1], ["irrep:2", 1]], 1, 7, 8, [0.3, 2.0]),
        ("O2 irreps 1,0 1,1 1,2 9x9", o2, {"kind": "fliprot2d", "N": -1, "maximum_frequency": 6},
         [["irrep:1,0", 1], ["irrep:1,1", 1], ["irrep:1,2", 1]], 1, 9, 9, [(1, 0.7), (0, 0.3), (1, 0.0)]),
        ("D8 regular 8x8", d8, {"kind": "fliprot2d", "N": 8},
         [["regular", 1]], 1, 8, 8, [(1, 1), (0, 3)]),
        ("Flip axis pi/3 regular 6x7", flip, {"kind": "flip2d", "axis": float(np.pi / 3)},
         [["regular", 1]], 1, 6, 7, [1]),
    ]


def representation(gs, key):
    if key == "regular":
        return gs.regular_repr
    if key == "trivial":
        return gs.trivial_repr
    return gs.irrep(*[int(i) for i in key[len("irrep:"):].split(",")])


def transform_entry(rng, name, gs, spec, fields, batch, h, w, elements):
    field_type = nn.FieldType(gs, [representation(gs, key) for key, count in fields for _ in range(count)])
    x = rng.standard_normal((batch, field_type.size, h, w))
    return {
        "name": name,
        "gspace": spec,
        "fields": fields,
        "shape": [batch, field_type.size, h, w],
        "input": rounded(x.reshape(-1)),
        "transforms": [{"element": plain(e), "output": rounded(field_action(field_type, np.round(x, DECIMALS), e)
                                                                 .reshape(-1))}
                       for e in elements],
    }


def conv_check(rng):
    """e2cnn's EquivariantModule.check_equivariance protocol, in float64, for a seeded R2Conv on C8."""
    gs = gspaces.Rot2dOnR2(8)
    in_type = nn.FieldType(gs, [gs.trivial_repr] * 2 + [gs.irrep(1)])
    out_type = nn.FieldType(gs, [gs.regular_repr] * 2)
    torch.manual_seed(WEIGHT_SEED)
    torch.set_default_dtype(torch.float64)  # e2cnn's basis expansion builds its filter in the default type
    conv = nn.R2Conv(in_type, out_type, 5, padding=2, bias=False)
    weights = np.round(conv.weights.detach().numpy(), DECIMALS)
    conv.weights.data = torch.tensor(weights, dtype=torch.float64)
    conv.train()  # every forward pass expands the filter from the float64 weights as written
    x = np.round(rng.standard_normal((2, in_type.size, CHECK_SIZE, CHECK_SIZE)), DECIMALS)

    def run(a):
        with torch.no_grad():
            return conv(nn.GeometricTensor(torch.tensor(a, dtype=torch.float64), in_type)).tensor.numpy()

    y = run(x)
    elements = []
    for element in gs.testing_elements:
        out1 = field_action(out_type, y, element)      # g.f(x)
        out2 = run(field_action(in_type, x, element))  # f(g.x)
        errors = np.abs(out1 - out2)
        elements.append({
            "element": plain(element),
            "max_abs_err": rounded(errors.max()),
            "mean_abs_err": rounded(errors.mean()),
            "allclose": bool(np.allclose(out1, out2, atol=CHECK_ATOL, rtol=CHECK_RTOL)),
            "worst_excess": rounded((errors - CHECK_RTOL * np.abs(out2)).max() - CHECK_ATOL),
        })
    return {
        "name": "R2Conv C8 [2 x trivial, irrep 1] -> 2 x regular, k5, padding 2, no bias",
        "weights": rounded(weights),
        "input_shape": list(x.shape),
        "input": rounded(x.reshape(-1)),
        "output": rounded(y.reshape(-1)),
        "atol": CHECK_ATOL,
        "rtol": CHECK_RTOL,
        "elements": elements,
    }


def main():
    torch.set_num_threads(1)
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                             "data", "tensors.json")
    rng = np.random.RandomState(INPUT_SEED)
    data = {
        "notes": "Inputs are seeded N(0, 1) float64 arrays, flattened in NCHW order. Each transform output is "
                 "e2cnn's featurefield_action (fibers by rho(g), then the base space: np.rot90 at multiples of "
                 "90 degrees, else scipy.ndimage.rotate(order=2, reshape=False) with scipy's defaults) on the "
                 "input as written here. Elements: int k of C_N, angle of SO(2), [flip, k] of D_N, "
                 "[flip, angle] of O(2). conv_check: e2cnn's R2Conv with the given weights (its parameter "
                 "order), in float64, errors |g.f(x) - f(g.x)| per element of C8 over the whole output, "
                 "allclose = np.allclose(g.f(x), f(g.x), atol, rtol), worst_excess = max(|g.f(x) - f(g.x)| - "
                 "rtol |f(g.x)|) - atol. %d decimals; scipy %s." % (DECIMALS, scipy.__version__),
        "transforms": [transform_entry(rng, *c) for c in cases()],
        "conv_check": conv_check(rng),
    }
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="ascii", newline="\n") as f:
        f.write(to_text(data) + "\n")


if __name__ == "__main__":
    main()
