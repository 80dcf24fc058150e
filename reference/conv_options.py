#!/usr/bin/env python3
"""Writes reference/data/conv_options.json: e2cnn's R2Conv / R2ConvTransposed options and analytic kernel bases.

Usage (e2cnn 0.2.3 importable, with PyTorch and numpy):

    PYTHONPATH=/path/to/e2cnn python3 -W ignore reference/conv_options.py [OUTPUT_FILE]

A plain e2cnn user script, independent of generate.py. Deterministic: fixed seeds, one thread, sorted keys, floats
rounded to fixed decimals. What the file holds is described in reference/README.md ("conv_options.json").
"""

import json
import math
import os
import sys

import numpy as np
import torch

from e2cnn import gspaces
from e2cnn import nn

DECIMALS = 7  # e2cnn samples its bases in float32; inputs and weights are written with the same decimals

torch.set_num_threads(1)


def rounded(x):
    return round(float(x), DECIMALS) + 0.0


def tree(a):
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 0:
        return rounded(a)
    return [tree(row) for row in a]


def to_text(value, indent=0):
    """JSON with sorted keys: objects and nested arrays one entry a line, arrays of scalars on one line."""
    if isinstance(value, dict):
        pad = " " * (indent + 1)
        items = ["%s%s: %s" % (pad, json.dumps(key), to_text(value[key], indent + 1)) for key in sorted(value)]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}" if items else "{}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        pad = " " * (indent + 1)
        return "[\n" + ",\n".join(pad + to_text(v, indent + 1) for v in value) + "\n" + " " * indent + "]"
    return json.dumps(value, separators=(",", ":"), ensure_ascii=True, allow_nan=False)


# ---------------------------------------------------------------------------------------------------------
# specs: the encoding of reference/README.md ("Config specs"), decoded on the Java side by ReferenceData


def make_gspace(spec):
    if spec["kind"] == "rot2d":
        return gspaces.Rot2dOnR2(spec["N"], **({"maximum_frequency": spec["maximum_frequency"]}
                                               if "maximum_frequency" in spec else {}))
    if spec["kind"] == "fliprot2d":
        return gspaces.FlipRot2dOnR2(spec["N"])
    if spec["kind"] == "flip2d":
        return gspaces.Flip2dOnR2()
    raise ValueError(spec)


def representation(gs, key):
    if key == "trivial":
        return gs.trivial_repr
    if key == "regular":
        return gs.regular_repr
    if key.startswith("irrep:"):
        return gs.irrep(*[int(v) for v in key[len("irrep:"):].split(",")])
    raise ValueError(key)


def field_type(gs, spec):
    reprs = []
    for key, count in spec:
        reprs += [representation(gs, key)] * count
    return nn.FieldType(gs, reprs)


def seeded(seed, *shape):
    """Gaussian values rounded to DECIMALS, so that the Java side reads exactly what e2cnn used."""
    rng = np.random.RandomState(seed)
    return np.round(rng.standard_normal(shape), DECIMALS)


def run_layer(layer, in_type, x):
    layer.train()
    with torch.no_grad():
        y = layer(nn.GeometricTensor(torch.tensor(x, dtype=torch.float32), in_type)).tensor
    return y.numpy()


def set_parameters(layer, seed):
    weights = seeded(seed, layer.weights.numel())
    layer.weights.data = torch.tensor(weights, dtype=torch.float32)
    bias = None
    if layer.bias is not None:
        bias = seeded(seed + 1, layer.bias.numel())
        layer.bias.data = torch.tensor(bias, dtype=torch.float32)
    return weights, bias


# ---------------------------------------------------------------------------------------------------------
# 1. R2Conv with each padding mode

PADDING_CASES = [
    {"name": "c4_trivial_irrep_to_regular_k3_p2", "gspace": {"kind": "rot2d", "N": 4},
     "in": [["trivial", 1], ["irrep:1", 1]], "out": [["regular", 2]], "kernel_size": 3, "padding": 2,
     "stride": 1, "dilation": 1, "size": 6},
    {"name": "d4_regular_to_mixed_k5_p2_s2", "gspace": {"kind": "fliprot2d", "N": 4},
     "in": [["regular", 1]], "out": [["trivial", 1], ["irrep:1,1", 1]], "kernel_size": 5, "padding": 2,
     "stride": 2, "dilation": 1, "size": 7},
    {"name": "c8_trivial_to_regular_k3_p3_d2", "gspace": {"kind": "rot2d", "N": 8},
     "in": [["trivial", 2]], "out": [["regular", 1]], "kernel_size": 3, "padding": 3, "stride": 1,
     "dilation": 2, "size": 5},
]


def padding_modes():
    out = []
    for case_index, case in enumerate(PADDING_CASES):
        gs = make_gspace(case["gspace"])
        in_type = field_type(gs, case["in"])
        out_type = field_type(gs, case["out"])
        x = seeded(100 + case_index, 2, in_type.size, case["size"], case["size"])
        for mode in ("zeros", "reflect", "replicate", "circular"):
            torch.manual_seed(0)
            conv = nn.R2Conv(in_type, out_type, case["kernel_size"], padding=case["padding"],
                             stride=case["stride"], dilation=case["dilation"], padding_mode=mode)
            weights, bias = set_parameters(conv, 10 + case_index)
            y = run_layer(conv, in_type, x)
            entry = dict(case)
            entry.update({"padding_mode": mode, "weights": tree(weights), "bias": tree(bias),
                          "input": tree(x), "output": tree(y), "output_shape": list(y.shape)})
            out.append(entry)
    return out


# ---------------------------------------------------------------------------------------------------------
# 2. R2ConvTransposed with output_padding

TRANSPOSED_CASES = [
    {"name": "c4_trivial_to_regular_k3_s2_p1_op1", "gspace": {"kind": "rot2d", "N": 4},
     "in": [["trivial", 2]], "out": [["regular", 1]], "kernel_size": 3, "stride": 2, "padding": 1,
     "output_padding": 1, "dilation": 1, "size": 4},
    {"name": "d4_regular_to_trivial_k3_s3_p0_op2", "gspace": {"kind": "fliprot2d", "N": 4},
     "in": [["regular", 1]], "out": [["trivial", 2]], "kernel_size": 3, "stride": 3, "padding": 0,
     "output_padding": 2, "dilation": 1, "size": 3},
    {"name": "c4_irrep_to_mixed_k3_s2_p2_op1_d2", "gspace": {"kind": "rot2d", "N": 4},
     "in": [["irrep:1", 1]], "out": [["trivial", 1], ["irrep:1", 1]], "kernel_size": 3, "stride": 2,
     "padding": 2, "output_padding": 1, "dilation": 2, "size": 4},
]


def output_padding():
    out = []
    for case_index, case in enumerate(TRANSPOSED_CASES):
        gs = make_gspace(case["gspace"])
        in_type = field_type(gs, case["in"])
        out_type = field_type(gs, case["out"])
        x = seeded(200 + case_index, 2, in_type.size, case["size"], case["size"])
        torch.manual_seed(0)
        conv = nn.R2ConvTransposed(in_type, out_type, case["kernel_size"], padding=case["padding"],
                                   output_padding=case["output_padding"], stride=case["stride"],
                                   dilation=case["dilation"])
        weights, bias = set_parameters(conv, 20 + case_index)
        y = run_layer(conv, in_type, x)
        entry = dict(case)
        entry.update({"weights": tree(weights), "bias": tree(bias), "input": tree(x), "output": tree(y),
                      "output_shape": list(y.shape)})
        out.append(entry)
    return out


# ---------------------------------------------------------------------------------------------------------
# 3. custom frequency cut-offs and basis filters: basis dimension and e2cnn's weight names


def cutoff_table(table):
    """A callable cut-off given by its values on the rings (what the Java side stores as a table)."""
    return lambda r, table=table: table[float(r)]


CUTOFF_CASES = [
    # name, gspace, in, out, k, frequencies_cutoff (as written in the file), basis_filter (as written in the file)
    {"name": "c8_regular_k5_factor_1.5", "gspace": {"kind": "rot2d", "N": 8}, "in": [["regular", 1]],
     "out": [["regular", 1]], "kernel_size": 5, "cutoff": {"factor": 1.5}, "filter": None},
    {"name": "c8_regular_k5_table", "gspace": {"kind": "rot2d", "N": 8}, "in": [["regular", 1]],
     "out": [["regular", 1]], "kernel_size": 5, "cutoff": {"table": [[0.0, 0.0], [1.0, 1.0], [2.0, 1.0]]},
     "filter": None},
    {"name": "c4_mixed_k5_maximum_frequency_1", "gspace": {"kind": "rot2d", "N": 4},
     "in": [["trivial", 1], ["irrep:1", 1]], "out": [["regular", 1]], "kernel_size": 5, "cutoff": None,
     "filter": {"maximum_frequency": 1}},
    {"name": "c4_mixed_k5_maximum_radius_1", "gspace": {"kind": "rot2d", "N": 4},
     "in": [["trivial", 1], ["irrep:1", 1]], "out": [["regular", 1]], "kernel_size": 5, "cutoff": None,
     "filter": {"maximum_radius": 1.0}},
    {"name": "d4_regular_k5_non_negative_frequency_table", "gspace": {"kind": "fliprot2d", "N": 4},
     "in": [["regular", 1]], "out": [["regular", 1], ["irrep:1,1", 1]], "kernel_size": 5,
     "cutoff": {"table": [[0.0, 1.0], [1.0, 2.0], [2.0, 2.0]]}, "filter": {"non_negative_frequency": True}},
    {"name": "so2_k7_gamma_zero", "gspace": {"kind": "rot2d", "N": -1, "maximum_frequency": 3},
     "in": [["irrep:0", 1], ["irrep:1", 1]], "out": [["irrep:1", 1], ["irrep:2", 1]], "kernel_size": 7,
     "cutoff": None, "filter": {"gamma_zero": True}},
]


def basis_filter_of(spec):
    if spec is None:
        return None
    if "maximum_frequency" in spec:
        return lambda a, m=spec["maximum_frequency"]: abs(a["frequency"]) <= m
    if "maximum_radius" in spec:
        return lambda a, r=spec["maximum_radius"]: a["radius"] <= r + 1e-9
    if "non_negative_frequency" in spec:
        return lambda a: a["frequency"] >= 0
    if "gamma_zero" in spec:
        return lambda a: a["gamma"] == 0.0
    raise ValueError(spec)


def cutoff_of(spec):
    if spec is None:
        return None
    if "factor" in spec:
        return float(spec["factor"])
    return cutoff_table({float(r): float(f) for r, f in spec["table"]})


def custom_bases():
    out = []
    for case in CUTOFF_CASES:
        gs = make_gspace(case["gspace"])
        in_type = field_type(gs, case["in"])
        out_type = field_type(gs, case["out"])
        conv = nn.R2Conv(in_type, out_type, case["kernel_size"], frequencies_cutoff=cutoff_of(case["cutoff"]),
                         basis_filter=basis_filter_of(case["filter"]), initialize=False)
        default = nn.R2Conv(in_type, out_type, case["kernel_size"], initialize=False)
        entry = dict(case)
        entry.update({"dimension": int(conv.basisexpansion.dimension()),
                      "default_dimension": int(default.basisexpansion.dimension()),
                      "basis_names": list(conv.basisexpansion.get_basis_names()),
                      "initial_weights_all_zero": bool((conv.weights.data == 0).all())})
        out.append(entry)
    return out


# ---------------------------------------------------------------------------------------------------------
# 4. the analytic kernel basis sampled at arbitrary points

ANALYTIC_CASES = [
    {"name": "c4_irrep1_to_regular", "gspace": {"kind": "rot2d", "N": 4}, "in": "irrep:1", "out": "regular",
     "rings": [0.0, 1.0, 2.5], "sigma": [0.3, 0.6, 0.4], "maximum_frequency": 3},
    {"name": "d4_regular_to_irrep11", "gspace": {"kind": "fliprot2d", "N": 4}, "in": "regular",
     "out": "irrep:1,1", "rings": [0.0, 1.5], "sigma": [0.5, 0.7], "maximum_frequency": 4},
    {"name": "so2_irrep1_to_irrep2", "gspace": {"kind": "rot2d", "N": -1, "maximum_frequency": 3},
     "in": "irrep:1", "out": "irrep:2", "rings": [0.5, 2.0], "sigma": [0.6, 0.6], "maximum_frequency": 0},
    {"name": "flip_regular_to_regular", "gspace": {"kind": "flip2d"}, "in": "regular", "out": "regular",
     "rings": [0.0, 1.0, 2.0], "sigma": [0.4, 0.6, 0.6], "maximum_frequency": 2},
]

POINT_COUNT = 9


def analytic_bases():
    rng = np.random.RandomState(7)
    out = []
    for case in ANALYTIC_CASES:
        gs = make_gspace(case["gspace"])
        points = np.round(rng.uniform(-3.0, 3.0, size=(2, POINT_COUNT)), DECIMALS)
        points[:, 0] = 0.0  # the origin, where the angle is undefined
        kwargs = {} if case["gspace"].get("N") == -1 else {"maximum_frequency": case["maximum_frequency"]}
        basis = gs.build_kernel_basis(representation(gs, case["in"]), representation(gs, case["out"]),
                                      list(case["sigma"]), list(case["rings"]), **kwargs)
        samples = basis.sample(points)  # (out, in, dim, points)
        attributes = []
        for attr in basis:
            attributes.append({"frequency": int(attr["frequency"]), "radius": rounded(attr["radius"]),
                               "in_irrep": attr["in_irrep"], "out_irrep": attr["out_irrep"],
                               "in_irrep_idx": int(attr["in_irrep_idx"]), "out_irrep_idx": int(attr["out_irrep_idx"]),
                               "inner_idx": int(attr["inner_idx"]), "gamma": rounded(attr["gamma"])})
        entry = dict(case)
        entry.update({"points": tree(points.T), "dimension": int(basis.dim),
                      "samples": tree(np.transpose(samples, (2, 0, 1, 3))), "attributes": attributes})
        out.append(entry)
    return out


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                                                               "conv_options.json")
    data = {
        "e2cnn_version": __import__("e2cnn").__version__ if hasattr(__import__("e2cnn"), "__version__") else "0.2.3",
        "padding_modes": padding_modes(),
        "output_padding": output_padding(),
        "custom_bases": custom_bases(),
        "analytic_bases": analytic_bases(),
        "samples_layout": "samples[element][out][in][point]; points[point] = [x, y]",
    }
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write(to_text(data) + "\n")


if __name__ == "__main__":
    main()
