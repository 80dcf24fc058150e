#!/usr/bin/env python3
"""Writes the e2cnn reference data that the Java tests compare against (reference/data/*.json).

Usage (e2cnn 0.2.3 importable, with PyTorch, numpy and scipy):

    PYTHONPATH=/path/to/e2cnn python3 -W ignore reference/generate.py [OUTPUT_DIR]

OUTPUT_DIR defaults to the folder ``data`` beside this script. The output is deterministic: fixed seeds,
one thread, sorted keys and every float rounded to a fixed number of decimals, so a second run on the same
installation rewrites the files byte for byte. See reference/README.md for what each file holds.
"""

import json
import math
import os
import random
import sys

import numpy as np
import torch
from scipy.ndimage import gaussian_filter

import e2cnn
from e2cnn import group as groups
from e2cnn import gspaces
from e2cnn import nn
from e2cnn.nn.modules.r2_conv.r2convolution import compute_basis_params

import architectures
import e2cnn_state_dict_to_npz as weights_npz

# Decimals kept per kind of number (the Java tests' tolerances are built on these).
GROUP_DECIMALS = 8      # groups.json: matrices, characters, changes of basis, SO(2)/O(2) angles
BASIS_DECIMALS = 7      # bases/*.json: e2cnn samples in float32, so 7 decimals keep all it has
ATTRIBUTE_DECIMALS = 8  # r2conv_blocks.json: gamma, radius, sigma
ERROR_DIGITS = 4        # equivariance.json: significant digits of measured errors

# The maximum frequency of the SO(2) / O(2) G-spaces of the R2Conv configs (their irreps go up to it).
CONTINUOUS_MAXIMUM_FREQUENCY = 4

FLATTEN_ORDER = ("flat position ((o * c_in + i) * k + row) * k + col of output channel o, input channel i; "
                 "row 0 is the top of the filter (y = (k-1)/2), col 0 its left side")

# ---------------------------------------------------------------------------------------------------------
# Number formatting


def rounded(x, decimals):
    """A plain Python float rounded to ``decimals``, without negative zero."""
    return round(float(x), decimals) + 0.0


def rounded_tree(a, decimals):
    """Nested lists of rounded floats from an array-like."""
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 0:
        return rounded(a, decimals)
    return [rounded_tree(row, decimals) for row in a]


def significant(x, digits=ERROR_DIGITS):
    """A float with ``digits`` significant digits."""
    return float("%.*e" % (digits - 1, float(x))) + 0.0


def plain(value):
    """Numpy scalars and tuples as JSON-friendly Python values."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    return value


def to_text(value, indent=0):
    """JSON with sorted keys: objects and nested arrays one entry a line, arrays of scalars on one line."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        pad = " " * (indent + 1)
        items = ["%s%s: %s" % (pad, json.dumps(key), to_text(value[key], indent + 1)) for key in sorted(value)]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        pad = " " * (indent + 1)
        return "[\n" + ",\n".join(pad + to_text(v, indent + 1) for v in value) + "\n" + " " * indent + "]"
    return json.dumps(value, separators=(",", ":"), ensure_ascii=True, allow_nan=False)


def write_json(path, obj):
    """Writes ``obj`` as to_text JSON; returns the size of the file in bytes."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="ascii", newline="\n") as f:
        f.write(to_text(obj) + "\n")
    return os.path.getsize(path)


# ---------------------------------------------------------------------------------------------------------
# groups.json


def group_of(key):
    """The e2cnn group of a groups.json key: C<N>, D<N>, SO2, O2."""
    if key == "SO2":
        return groups.so2_group(CONTINUOUS_MAXIMUM_FREQUENCY)
    if key == "O2":
        return groups.o2_group(CONTINUOUS_MAXIMUM_FREQUENCY)
    n = int(key[1:])
    return groups.cyclic_group(n) if key[0] == "C" else groups.dihedral_group(n)


def irrep_id(irrep):
    """Our irrep id: [k] for C_N / SO(2), [j, k] for D_N / O(2) (j = flip frequency, k = frequency)."""
    attributes = irrep.attributes
    if "flip_frequency" in attributes:
        return [int(attributes["flip_frequency"]), int(attributes["frequency"])]
    return [int(attributes["frequency"])]


def encode_element(key, element):
    """Elements as written in the files: k (C_N), [f, k] (D_N), theta (SO(2)), [f, theta] (O(2))."""
    if key == "SO2":
        return rounded(element, GROUP_DECIMALS)
    if key == "O2":
        return [int(element[0]), rounded(element[1], GROUP_DECIMALS)]
    return plain(element)


def test_elements(key, g):
    """All elements of a finite group; a few fixed angles (with and without flip) of SO(2) / O(2)."""
    if g.order() > 0:
        return list(g.elements)
    angles = [0.0, 0.3, math.pi / 2, 1.0, math.pi, 4.0, 7 * math.pi / 4]
    if key == "SO2":
        return angles
    return [(f, a) for f in (0, 1) for a in angles]


def generators_of(key, g):
    """Generators of a finite group: the rotation by 2 pi / N (if N > 1) and, for D_N, the flip."""
    if key[0] == "C":
        return [1] if g.order() > 1 else []
    n = g.order() // 2
    return ([(0, 1)] if n > 1 else []) + [(1, 0)]


def group_entry(key):
    """The groups.json entry of a group: its elements, irreps and (finite groups) regular representation."""
    g = group_of(key)
    elements = test_elements(key, g)
    entry = {
        "e2cnn_name": g.name,
        "order": int(g.order()),
        "elements": [encode_element(key, e) for e in elements],
        "identity": encode_element(key, g.identity),
        "irreps": [],
    }
    for irrep in g.irreps.values():
        matrices = [np.asarray(irrep(e), dtype=np.float64) for e in elements]
        entry["irreps"].append({
            "name": irrep.name,
            "id": irrep_id(irrep),
            "size": int(irrep.size),
            "sum_of_squares_constituents": int(irrep.sum_of_squares_constituents),
            "attributes": {k: plain(v) for k, v in irrep.attributes.items()},
            "supported_nonlinearities": sorted(irrep.supported_nonlinearities),
            "is_trivial": bool(irrep.is_trivial()),
            "matrices": rounded_tree(matrices, GROUP_DECIMALS),
            "characters": [rounded(np.trace(m), GROUP_DECIMALS) for m in matrices],
        })
    if g.order() > 0:
        regular = g.regular_representation
        matrices = [np.asarray(regular(e), dtype=np.float64) for e in elements]
        generators = generators_of(key, g)
        entry["elements_names"] = list(g.elements_names)
        entry["regular"] = {
            "size": int(regular.size),
            "irreps": list(regular.irreps),
            "change_of_basis": rounded_tree(regular.change_of_basis, GROUP_DECIMALS),
            "change_of_basis_inv": rounded_tree(regular.change_of_basis_inv, GROUP_DECIMALS),
            "character": [rounded(np.trace(m), GROUP_DECIMALS) for m in matrices],
            "matrices": rounded_tree(matrices, GROUP_DECIMALS),
            "generators": [plain(e) for e in generators],
            "generator_matrices": [rounded_tree(regular(e), GROUP_DECIMALS) for e in generators],
        }
    return entry


# (group key, subgroup id) of the quotient representations recorded
QUOTIENTS = [("C4", 2), ("C8", 2), ("C8", 4), ("C16", 4),
             ("D4", (None, 4)), ("D4", (None, 2)), ("D4", (0, 1)), ("D8", (0, 1))]


def quotient_entry(key, subgroup_id):
    """The groups.json entry of the quotient representation of a group by a subgroup."""
    g = group_of(key)
    q = g.quotient_representation(subgroup_id)
    generators = generators_of(key, g)
    return {
        "group": key,
        "subgroup_id": plain(subgroup_id),
        "name": q.name,
        "size": int(q.size),
        "irreps": list(q.irreps),
        "change_of_basis": rounded_tree(q.change_of_basis, GROUP_DECIMALS),
        "generators": [plain(e) for e in generators],
        "generator_matrices": [rounded_tree(q(e), GROUP_DECIMALS) for e in generators],
    }


def quotient_key(key, subgroup_id):
    """The key of a quotient in groups.json: C8/quotient4, D4/quotient(None,2)."""
    if isinstance(subgroup_id, tuple):
        return "%s/quotient(%s,%s)" % (key, subgroup_id[0], subgroup_id[1])
    return "%s/quotient%d" % (key, subgroup_id)


def transformed_image(gs, element, size):
    """e2cnn's transform of the one-channel image f[i][j] = 10 i + j."""
    image = torch.tensor([[10.0 * i + j for j in range(size)] for i in range(size)], dtype=torch.float64)
    field = nn.GeometricTensor(image.reshape(1, 1, size, size), nn.FieldType(gs, [gs.trivial_repr]))
    return field.transform(element).tensor[0, 0].numpy()


def basespace_actions():
    """How e2cnn moves pixels: transformed index pictures and one transformed regular field."""
    actions = {}
    for name, gs in [("Rot2dOnR2(4)", gspaces.Rot2dOnR2(4)), ("FlipRot2dOnR2(4)", gspaces.FlipRot2dOnR2(4)),
                     ("Flip2dOnR2", gspaces.Flip2dOnR2())]:
        actions[name] = {
            str(size): [{"element": plain(e), "output": rounded_tree(transformed_image(gs, e, size), GROUP_DECIMALS)}
                        for e in gs.fibergroup.elements]
            for size in (3, 4)
        }
    gs = gspaces.Rot2dOnR2(4)
    field = torch.zeros(1, 4, 3, 3, dtype=torch.float64)
    field[0, :, 0, 1] = torch.tensor([1.0, 2.0, 3.0, 4.0])
    tensor = nn.GeometricTensor(field, nn.FieldType(gs, [gs.regular_repr]))
    actions["Rot2dOnR2(4)_regular_field_at_row0_col1"] = [
        {"element": plain(e), "output": rounded_tree(tensor.transform(e).tensor[0].numpy(), GROUP_DECIMALS)}
        for e in gs.fibergroup.elements
    ]
    return actions


def groups_json():
    """The content of groups.json."""
    keys = ["C1", "C2", "C3", "C4", "C5", "C8", "C16", "D1", "D2", "D4", "D8", "SO2", "O2"]
    return {
        "encoding": {
            "C_N": "an integer k, 0 <= k < N, for the rotation by the angle 2 pi k / N",
            "D_N": "a pair [f, k] for r^k f^f: the flip f applied first (f = 0 or 1), then the rotation r^k",
            "SO(2)": "the rotation angle, in [0, 2 pi)",
            "O(2)": "a pair [f, angle] for r_angle f^f",
            "irrep_id": "our id of an irrep (e2cnn only names them): [rotation frequency] for C_N and SO(2), "
                        "[flip frequency, rotation frequency] for D_N and O(2)",
            "matrices": "lists of rows, every entry rounded to %d decimals" % GROUP_DECIMALS,
        },
        "groups": {key: group_entry(key) for key in keys},
        "quotient_representations": {quotient_key(k, s): quotient_entry(k, s) for k, s in QUOTIENTS},
        "basespace_action": basespace_actions(),
        "basespace_action_note": "each output is e2cnn's GeometricTensor.transform(element) of the one-channel "
                                 "picture whose pixel in row i (from the top) and column j holds 10 i + j",
    }


# ---------------------------------------------------------------------------------------------------------
# R2Conv configs: r2conv_dims.json, r2conv_blocks.json, bases/*.json

# (gspace kind, N, input fields, output fields, kernel size); fields "key*multiplicity + ..." with the
# representation keys of the spec encoding (README.md).
CONFIGS = [
    ("rot2d", 4, "trivial", "regular", 3),
    ("rot2d", 4, "trivial", "trivial", 5),
    ("rot2d", 4, "irrep:1", "irrep:1", 3),
    ("rot2d", 4, "irrep:1", "irrep:1", 5),
    ("rot2d", 4, "irrep:1", "irrep:2", 5),
    ("rot2d", 4, "regular*2", "trivial + irrep:1 + regular", 5),
    ("rot2d", 4, "trivial*3", "regular*2 + trivial*2", 5),
    ("rot2d", 4, "quotient:2", "regular", 5),
    ("rot2d", 4, "regular", "trivial", 7),
    ("rot2d", 8, "trivial", "regular", 3),
    ("rot2d", 8, "trivial", "regular", 5),
    ("rot2d", 8, "regular", "regular", 3),
    ("rot2d", 8, "regular", "regular", 5),
    ("rot2d", 8, "regular", "regular", 9),
    ("rot2d", 8, "trivial", "trivial", 3),
    ("rot2d", 8, "trivial", "trivial", 7),
    ("rot2d", 8, "irrep:1", "irrep:1", 3),
    ("rot2d", 8, "irrep:1", "irrep:1", 5),
    ("rot2d", 8, "irrep:1", "irrep:1", 7),
    ("rot2d", 8, "trivial*3", "regular*2 + trivial*2", 5),
    ("rot2d", 8, "quotient:2", "regular", 3),
    ("rot2d", 8, "quotient:2", "regular", 5),
    ("rot2d", 8, "regular", "trivial", 3),
    ("rot2d", 8, "regular", "trivial", 7),
    ("rot2d", 16, "trivial", "regular", 5),
    ("rot2d", 16, "trivial", "regular", 7),
    ("rot2d", 16, "trivial", "regular", 9),
    ("rot2d", 16, "regular", "regular", 3),
    ("rot2d", 16, "regular", "regular", 5),
    ("rot2d", 16, "regular", "regular", 7),
    ("rot2d", 16, "regular", "regular", 9),
    ("rot2d", 16, "trivial", "trivial", 3),
    ("rot2d", 16, "trivial", "trivial", 5),
    ("rot2d", 16, "trivial", "trivial", 7),
    ("rot2d", 16, "irrep:1", "irrep:1", 7),
    ("rot2d", 16, "irrep:1", "irrep:2", 5),
    ("rot2d", 16, "regular*2", "trivial + irrep:1 + regular", 5),
    ("rot2d", 16, "trivial*3", "regular*2 + trivial*2", 5),
    ("rot2d", 16, "quotient:2", "regular", 5),
    ("rot2d", 16, "regular", "trivial", 3),
    ("rot2d", 8, "irrep:3", "irrep:4", 7),
    ("rot2d", 8, "irrep:4", "irrep:4", 5),
    ("rot2d", -1, "trivial", "trivial", 5),
    ("rot2d", -1, "trivial", "trivial", 7),
    ("rot2d", -1, "trivial", "irrep:1", 3),
    ("rot2d", -1, "trivial", "irrep:1", 9),
    ("rot2d", -1, "irrep:1", "irrep:1", 7),
    ("rot2d", -1, "irrep:1", "irrep:1", 9),
    ("rot2d", -1, "irrep:1", "irrep:2", 3),
    ("rot2d", -1, "irrep:1", "irrep:2", 5),
    ("rot2d", -1, "irrep:1", "irrep:2", 7),
    ("rot2d", -1, "irrep:1", "irrep:3", 7),
    ("rot2d", -1, "irrep:0*2 + irrep:1*2 + irrep:2 + irrep:3", "irrep:0 + irrep:1 + irrep:2*2 + irrep:3", 5),
    ("fliprot2d", 4, "trivial", "regular", 3),
    ("fliprot2d", 4, "trivial", "regular", 5),
    ("fliprot2d", 4, "trivial", "regular", 7),
    ("fliprot2d", 4, "regular", "regular", 3),
    ("fliprot2d", 4, "regular", "regular", 7),
    ("fliprot2d", 4, "irrep:1,1", "irrep:1,1", 5),
    ("fliprot2d", 4, "irrep:1,0", "irrep:1,1", 5),
    ("fliprot2d", 4, "irrep:0,2", "irrep:1,2", 5),
    ("fliprot2d", 8, "trivial", "regular", 3),
    ("fliprot2d", 8, "trivial", "regular", 7),
    ("fliprot2d", 8, "trivial", "regular", 9),
    ("fliprot2d", 8, "regular", "regular", 3),
    ("fliprot2d", 8, "regular", "regular", 5),
    ("fliprot2d", 8, "regular", "regular", 7),
    ("fliprot2d", 8, "irrep:1,1", "irrep:1,1", 3),
    ("fliprot2d", 8, "irrep:1,1", "irrep:1,1", 5),
    ("fliprot2d", 8, "irrep:1,0", "irrep:1,1", 5),
    ("fliprot2d", 8, "irrep:0,4", "irrep:1,4", 5),
    ("fliprot2d", 8, "quotient:0,1", "regular", 5),
    ("fliprot2d", 8, "trivial*2 + irrep:1,1", "regular + irrep:1,0*2", 5),
    ("fliprot2d", -1, "trivial", "trivial", 3),
    ("fliprot2d", -1, "trivial", "trivial", 7),
    ("fliprot2d", -1, "irrep:1,1", "irrep:1,1", 5),
    ("fliprot2d", -1, "irrep:1,1", "irrep:1,1", 7),
    ("fliprot2d", -1, "irrep:1,0", "irrep:1,2", 5),
    ("flip2d", None, "trivial", "regular", 3),
    ("flip2d", None, "trivial", "regular", 5),
    ("flip2d", None, "trivial", "regular", 7),
    ("flip2d", None, "regular", "regular", 5),
    ("trivial", None, "trivial", "trivial", 3),
    ("trivial", None, "trivial", "trivial", 5),
    ("trivial", None, "trivial", "trivial", 7),
]

# Configs whose sampled basis is written out element by element (bases/*.json).
BASIS_CONFIGS = [
    ("rot2d", 4, "trivial", "regular", 3),
    ("rot2d", 8, "trivial", "regular", 7),
    ("rot2d", 8, "regular", "regular", 3),
    ("rot2d", 8, "irrep:1", "irrep:1", 5),
    ("rot2d", 8, "irrep:1", "irrep:2", 7),
    ("rot2d", 8, "trivial + irrep:1", "regular + trivial", 5),
    ("rot2d", 16, "trivial", "regular", 5),
    ("fliprot2d", 4, "trivial", "regular", 5),
    ("fliprot2d", 4, "irrep:1,1", "irrep:1,1", 5),
    ("rot2d", -1, "irrep:0 + irrep:1 + irrep:2", "irrep:0 + irrep:1 + irrep:2", 5),
    ("flip2d", None, "regular", "regular", 5),
]

BLOCK_ATTRIBUTES = ["in_irrep", "out_irrep", "in_irrep_idx", "out_irrep_idx", "radius", "sigma", "frequency",
                    "gamma", "s", "offset", "inner_idx", "idx", "idx1", "idx2"]


def fields(text):
    """'regular*2 + trivial' -> [['regular', 2], ['trivial', 1]]."""
    out = []
    for part in text.split("+"):
        key, _, count = part.strip().partition("*")
        out.append([key, int(count) if count else 1])
    return out


def gspace_spec(kind, n):
    """The G-space spec of a config (README.md)."""
    spec = {"kind": kind}
    if n is not None:
        spec["N"] = n
    if n == -1:
        spec["maximum_frequency"] = CONTINUOUS_MAXIMUM_FREQUENCY
    return spec


def make_gspace(spec):
    """e2cnn's G-space of a spec."""
    kind = spec["kind"]
    options = {"maximum_frequency": spec["maximum_frequency"]} if "maximum_frequency" in spec else {}
    axis = {"axis": spec["axis"]} if "axis" in spec else {}
    if kind == "rot2d":
        return gspaces.Rot2dOnR2(spec["N"], **options)
    if kind == "fliprot2d":
        return gspaces.FlipRot2dOnR2(spec["N"], **options, **axis)
    if kind == "flip2d":
        return gspaces.Flip2dOnR2(**axis)
    if kind == "trivial":
        return gspaces.TrivialOnR2()
    raise ValueError("unknown gspace kind %r" % kind)


def subgroup_id(text):
    """e2cnn's subgroup id of a spec key's text: 'M' or 'axis,M' (axis an int or None)."""
    parts = text.split(",")
    if len(parts) == 1:
        return int(parts[0])
    return (None if parts[0] == "None" else int(parts[0]), int(parts[1]))


def make_repr(gs, key):
    """e2cnn's representation of a spec key."""
    if key == "trivial":
        return gs.trivial_repr
    if key == "regular":
        return gs.regular_repr
    if key.startswith("irrep:"):
        return gs.irrep(*[int(v) for v in key[len("irrep:"):].split(",")])
    if key.startswith("quotient:"):
        return gs.quotient_repr(subgroup_id(key[len("quotient:"):]))
    if key.startswith("induced:"):
        _, subgroup, irrep = key.split(":")
        sid = subgroup_id(subgroup)
        subgroup_irrep = gs.fibergroup.subgroup(sid)[0].irrep(*[int(v) for v in irrep.split(",")])
        return gs.induced_repr(sid, subgroup_irrep)
    raise ValueError("unknown representation key %r" % key)


def make_field_type(gs, spec):
    """e2cnn's field type of a spec's list of [key, multiplicity]."""
    reprs = []
    for key, count in spec:
        reprs += [make_repr(gs, key)] * count
    return nn.FieldType(gs, reprs)


def group_prefix(kind, n):
    """The group part of a config name."""
    if kind == "rot2d":
        return "SO2" if n == -1 else "C%d" % n
    if kind == "fliprot2d":
        return "O2" if n == -1 else "D%d" % n
    return {"flip2d": "Flip", "trivial": "Triv"}[kind]


def config_name(kind, n, text_in, text_out, k):
    """The file-name-safe name of a config: C8__trivialx1__to__regularx1__k5."""
    def part(text):
        return "+".join("%sx%d" % (key.replace(":", "").replace(",", "_"), count) for key, count in fields(text))
    return "%s__%s__to__%s__k%d" % (group_prefix(kind, n), part(text_in), part(text_out), k)


def type_summary(field_type):
    """Size, number of fields and representation names of a field type."""
    return {"size": int(field_type.size), "n_fields": len(field_type.representations),
            "repr_names": [r.name for r in field_type.representations]}


def build_conv(config):
    """The config's spec and e2cnn's R2Conv (default basis parameters), or the error e2cnn raises."""
    kind, n, text_in, text_out, k = config
    spec = {"gspace": gspace_spec(kind, n), "in": fields(text_in), "out": fields(text_out), "kernel_size": k}
    conv, error = conv_of_spec(spec)
    return spec, conv, error


def conv_of_spec(spec):
    """e2cnn's R2Conv of a spec (default basis parameters) and None, or None and the error e2cnn raises."""
    gs = make_gspace(spec["gspace"])
    in_type = make_field_type(gs, spec["in"])
    out_type = make_field_type(gs, spec["out"])
    try:
        return nn.R2Conv(in_type, out_type, spec["kernel_size"], initialize=False), None
    except ValueError as e:
        return None, "ValueError: " + " ".join(str(e).split())


def expanded_basis(conv):
    """d x D float64 matrix: row j = e2cnn's expanded filter for the unit weight vector e_j."""
    be = conv.basisexpansion
    d = be.dimension()
    rows = []
    with torch.no_grad():
        for j in range(d):
            w = torch.zeros(d)
            w[j] = 1
            rows.append(be(w).reshape(-1).numpy().astype(np.float64))
    return np.stack(rows)


def rank_and_singular_values(matrix):
    """Rank (singular values above 1e-5 of the largest) and singular values of a matrix."""
    s = np.linalg.svd(matrix, compute_uv=False)
    return int((s > 1e-5 * s[0]).sum()), s


def block_pairs(conv):
    """The layer's non-empty (input, output) representation pairs with their block expansions, in e2cnn's order."""
    be = conv.basisexpansion
    for pair in be._representations_pairs:
        yield pair, getattr(be, "block_expansion_%s" % (pair,)), be


def dims_entry(config):
    """The r2conv_dims.json entry of a config, and its blocks as (key, pair, block expansion)."""
    spec, conv, error = build_conv(config)
    name = config_name(*config)
    entry = {"name": name, "config": spec}
    if error is not None:
        entry["error"] = error
        return entry, []
    basis = expanded_basis(conv)
    rings, sigma, maximum_frequency = basis_params(spec["kernel_size"], 1)
    entry.update({
        "group": conv.in_type.fibergroup.name,
        "in_type": type_summary(conv.in_type),
        "out_type": type_summary(conv.out_type),
        "weights": int(conv.weights.numel()),
        "basisexpansion_dimension": int(conv.basisexpansion.dimension()),
        "bias": int(conv.bias.numel()) if conv.bias is not None else 0,
        "filter_shape": [int(conv.out_type.size), int(conv.in_type.size), spec["kernel_size"], spec["kernel_size"]],
        "rank_on_grid": rank_and_singular_values(basis)[0],
        "rings": rings,
        "sigma": sigma,
        "maximum_frequency": maximum_frequency,
        "blocks": [],
    })
    blocks = []
    for pair, block, be in block_pairs(conv):
        entry["blocks"].append(block_layout(pair, block, be))
        key = "%s|%s|%s|k%d" % (conv.in_type.fibergroup.name, pair[0], pair[1], spec["kernel_size"])
        blocks.append((key, pair, block))
    return entry, blocks


def block_layout(pair, block, be):
    """Where one (input, output) pair sits in the weight vector: its basis dimension, counts and weight range."""
    start, end = be._weights_ranges[pair]
    return {"in_repr": pair[0], "out_repr": pair[1], "dimension": int(block.dimension()),
            "in_count": int(be._in_count[pair[0]]), "out_count": int(be._out_count[pair[1]]),
            "weights_range": [int(start), int(end)]}


def block_entry(pair, block):
    """The r2conv_blocks.json entry of one block expansion."""
    sampled = block.sampled_basis.numpy().astype(np.float64)
    rows = []
    for attr in block.attributes:
        row = []
        for name in BLOCK_ATTRIBUTES:
            value = plain(attr.get(name))
            if name in ("radius", "sigma", "gamma"):
                value = rounded(value, ATTRIBUTE_DECIMALS)
            row.append(value)
        rows.append(row)
    return {
        "in_repr": pair[0],
        "out_repr": pair[1],
        "dimension": int(block.dimension()),
        "rank_on_grid": rank_and_singular_values(sampled.reshape(sampled.shape[0], -1))[0],
        "shape": [int(v) for v in sampled.shape],
        "attr_names": BLOCK_ATTRIBUTES,
        "attrs": rows,
    }


def basis_params(kernel_size, dilation):
    """e2cnn's default rings, sigmas and maximum frequency for a kernel size."""
    _, _, rings, sigma, maximum_frequency = compute_basis_params(kernel_size, dilation=dilation)
    return [float(r) for r in rings], [float(s) for s in sigma], int(maximum_frequency)


def default_policy(kernel_size, dilation):
    grid, band_limit, rings, sigma, maximum_frequency = compute_basis_params(kernel_size, dilation=dilation)
    # the largest frequency e2cnn's default band-limiting filter keeps on each ring
    cutoffs = []
    for r in rings:
        frequency = 0
        while band_limit({"radius": r, "frequency": frequency + 1}):
            frequency += 1
        cutoffs.append(frequency)
    return {"kernel_size": kernel_size, "dilation": dilation, "rings": [float(r) for r in rings],
            "sigma": [float(s) for s in sigma], "max_frequency_per_ring": cutoffs,
            "maximum_frequency": int(maximum_frequency), "grid_xy": [[float(x), float(y)] for x, y in grid.T]}


def basis_file(config):
    """The name and content of the bases/*.json file of a config."""
    spec, conv, error = build_conv(config)
    if error is not None:
        raise ValueError("basis config %s has an empty basis" % (config,))
    name = config_name(*config)
    raw = expanded_basis(conv)
    rank, singular_values = rank_and_singular_values(raw)
    if rank != raw.shape[0]:
        raise ValueError("basis config %s is rank deficient on the grid (%d < %d)" % (name, rank, raw.shape[0]))
    # orthonormal rows spanning the rows of raw: QR of raw^T, signs fixed by a positive diagonal of R
    q, r = np.linalg.qr(raw.T)
    q = q * np.where(np.diag(r) < 0, -1.0, 1.0)
    k = spec["kernel_size"]
    return name, {
        "config": spec,
        "name": name,
        "group": conv.in_type.fibergroup.name,
        "in_type": type_summary(conv.in_type),
        "out_type": type_summary(conv.out_type),
        "filter_shape": [int(conv.out_type.size), int(conv.in_type.size), k, k],
        "flatten_order": FLATTEN_ORDER,
        "dimension": int(raw.shape[0]),
        "rank": rank,
        "D": int(raw.shape[1]),
        "singular_values": rounded_tree(singular_values, BASIS_DECIMALS),
        "element_sq_norms": rounded_tree((raw ** 2).sum(axis=1), BASIS_DECIMALS),
        "element_sq_norms_note": "sum over the grid of the squared entries of each expanded element (e2cnn "
                                 "normalizes it to the size of the element's output irrep, 1 or 2)",
        "basis_names": list(conv.basisexpansion.get_basis_names()),
        "Q": rounded_tree(q.T, BASIS_DECIMALS),
        "Q_note": "rank x D, orthonormal rows spanning the rows of raw (float64 QR of raw^T, positive diagonal "
                  "of R); projector onto the span = Q^T Q",
        "raw": rounded_tree(raw, BASIS_DECIMALS),
        "raw_note": "dimension x D: row j = e2cnn's expanded filter for the weights e_j (e2cnn's parameter order, "
                    "basis_names), flattened in flatten_order",
    }


# ---------------------------------------------------------------------------------------------------------
# r2conv_fuzz.json: seeded random R2Conv configs, their parameter counts and weight layout

FUZZ_SEED = 20240612
FUZZ_COUNT = 150
# (G-space kind, weight) of the random G-spaces: finite groups most often
FUZZ_GSPACES = [("rot2d", 3), ("fliprot2d", 3), ("so2", 1.5), ("o2", 1.5), ("flip2d", 1), ("trivial", 0.5)]
FUZZ_CYCLIC_ORDERS = [2, 3, 4, 5, 6, 8, 12, 16]
FUZZ_DIHEDRAL_ORDERS = [2, 3, 4, 6, 8]
FUZZ_MAXIMUM_FREQUENCIES = [2, 3, 4, 6]
FUZZ_AXES = [0.0, math.pi / 4, math.pi / 3]  # reflection axes other than e2cnn's default pi/2


def fuzz_gspace(rng):
    """A random G-space spec; a flip axis other than pi/2 for a quarter of the D_N and half of the flips."""
    kind = rng.choices([k for k, _ in FUZZ_GSPACES], weights=[w for _, w in FUZZ_GSPACES])[0]
    if kind == "rot2d":
        return {"kind": "rot2d", "N": rng.choice(FUZZ_CYCLIC_ORDERS)}
    if kind == "fliprot2d":
        spec = {"kind": "fliprot2d", "N": rng.choice(FUZZ_DIHEDRAL_ORDERS)}
        if rng.random() < 0.25:
            spec["axis"] = rng.choice(FUZZ_AXES)
        return spec
    if kind in ("so2", "o2"):
        return {"kind": "rot2d" if kind == "so2" else "fliprot2d", "N": -1,
                "maximum_frequency": rng.choice(FUZZ_MAXIMUM_FREQUENCIES)}
    if kind == "flip2d":
        return {"kind": "flip2d", "axis": rng.choice(FUZZ_AXES)} if rng.random() < 0.5 else {"kind": "flip2d"}
    return {"kind": "trivial"}


def irrep_ids(family, n):
    """The irrep ids ('k' or 'j,k') of C_n ('cyclic'), D_n ('dihedral'), SO(2) or O(2) up to frequency n."""
    if family == "cyclic":
        return [str(k) for k in range(n // 2 + 1)]
    if family == "so2":
        return [str(k) for k in range(n + 1)]
    ids = ["0,0", "1,0"]
    if family == "o2":
        return ids + ["1,%d" % k for k in range(1, n + 1)]
    ids += ["1,%d" % k for k in range(1, (n - 1) // 2 + 1)]
    return ids + (["0,%d" % (n // 2), "1,%d" % (n // 2)] if n % 2 == 0 else [])


def fuzz_irrep_ids(gspace):
    """The irrep ids of a G-space spec's group (SO(2) and O(2) up to the spec's maximum frequency)."""
    kind, n = gspace["kind"], gspace.get("N")
    if kind == "trivial":
        return ["0"]
    if kind == "flip2d":
        return ["0", "1"]
    if n == -1:
        return irrep_ids("so2" if kind == "rot2d" else "o2", gspace["maximum_frequency"])
    return irrep_ids("cyclic" if kind == "rot2d" else "dihedral", n)


def fuzz_subgroups(gspace):
    """Every subgroup id ('M', 'None,M' or 'k,M') of a finite C_N or D_N spec, with the irrep ids of the subgroup."""
    n = gspace["N"]
    divisors = [m for m in range(1, n + 1) if n % m == 0]
    if gspace["kind"] == "rot2d":
        return [(str(m), irrep_ids("cyclic", m)) for m in divisors]
    rotations = [("None,%d" % m, irrep_ids("cyclic", m)) for m in divisors]
    # (k, 1) is the flip group {e, r^k f}, which e2cnn builds as C_2
    reflections = [("%d,%d" % (k, m), irrep_ids("cyclic", 2) if m == 1 else irrep_ids("dihedral", m))
                   for m in divisors for k in range(n // m)]
    return rotations + reflections


def fuzz_key(rng, gspace):
    """A random representation key of a G-space spec: trivial, irrep; regular, quotient, induced (finite groups)."""
    finite = gspace["kind"] in ("rot2d", "fliprot2d") and gspace["N"] > 0
    kinds = ["trivial", "irrep", "irrep"] + (["regular", "quotient", "induced"] if finite else [])
    if gspace["kind"] == "flip2d":
        kinds.append("regular")
    kind = rng.choice(kinds)
    if kind in ("trivial", "regular"):
        return kind
    if kind == "irrep":
        return "irrep:" + rng.choice(fuzz_irrep_ids(gspace))
    subgroup, subgroup_irreps = rng.choice(fuzz_subgroups(gspace))
    if kind == "quotient":
        return "quotient:" + subgroup
    return "induced:%s:%s" % (subgroup, rng.choice(subgroup_irreps))


def fuzz_field_type(rng, gspace):
    """One to three runs of a random representation, each repeated one to three times."""
    return [[fuzz_key(rng, gspace), rng.randint(1, 3)] for _ in range(rng.randint(1, 3))]


def fuzz_name(index, spec):
    """The name of a fuzz config: fuzz017__D4__regularx2+inducedNone_2_0x1__to__trivialx1__k5."""
    gspace = spec["gspace"]
    group = group_prefix(gspace["kind"], gspace.get("N"))
    if "axis" in gspace:
        group += "@%.4f" % gspace["axis"]

    def part(field_type):
        return "+".join("%sx%d" % (key.replace(":", "", 1).replace(":", "_").replace(",", "_"), count)
                        for key, count in field_type)
    return "fuzz%03d__%s__%s__to__%s__k%d" % (index, group, part(spec["in"]), part(spec["out"]), spec["kernel_size"])


def fuzz_specs():
    """The FUZZ_COUNT random config specs of FUZZ_SEED, with their names."""
    rng = random.Random(FUZZ_SEED)
    specs = []
    for index in range(FUZZ_COUNT):
        gspace = fuzz_gspace(rng)
        spec = {"gspace": gspace, "in": fuzz_field_type(rng, gspace), "out": fuzz_field_type(rng, gspace),
                "kernel_size": rng.randint(3, 7)}
        specs.append((fuzz_name(index, spec), spec))
    return specs


def fuzz_entry(name, spec):
    """The r2conv_fuzz.json entry of a spec: e2cnn's counts and weight layout, or the error it raises."""
    conv, error = conv_of_spec(spec)
    entry = {"name": name, "config": spec}
    if error is not None:
        entry["error"] = error
        return entry
    entry.update({
        "group": conv.in_type.fibergroup.name,
        "in_type": type_summary(conv.in_type),
        "out_type": type_summary(conv.out_type),
        "weights": int(conv.weights.numel()),
        "basisexpansion_dimension": int(conv.basisexpansion.dimension()),
        "bias": int(conv.bias.numel()) if conv.bias is not None else 0,
        "filter_shape": [int(conv.out_type.size), int(conv.in_type.size), spec["kernel_size"], spec["kernel_size"]],
        "blocks": [block_layout(pair, block, be) for pair, block, be in block_pairs(conv)],
    })
    return entry


# ---------------------------------------------------------------------------------------------------------
# equivariance.json: e2cnn's R2Conv equivariance protocol, at angles that need interpolation

SUPERSAMPLING = 5
OUTPUT_SIZE = 33
IMAGE_SEED = 20240611
WEIGHT_SEED = 7
BLUR = 4.0  # standard deviation of the picture's blur, in pixels of the layer's input


def smooth_image(channels, size):
    """A deterministic smooth picture in [-0.5, 0.5]: Gaussian-blurred uniform noise, one map per channel."""
    rng = np.random.RandomState(IMAGE_SEED)
    noise = rng.uniform(-1.0, 1.0, size=(channels, size, size))
    blurred = np.stack([gaussian_filter(c, sigma=BLUR * SUPERSAMPLING, mode="reflect") for c in noise])
    blurred /= 2.0 * np.abs(blurred).max()
    return blurred[np.newaxis]


def block_mean(a, s):
    """Means over s x s blocks of the last two axes (both divisible by s)."""
    b, c, h, w = a.shape
    return a.reshape(b, c, h // s, s, w // s, s).mean(axis=(3, 5))


def equivariance_errors(conv):
    """Mean absolute error of conv(x).transform(g) against conv(x.transform(g)) per testing element g.

    The input is a smooth picture at SUPERSAMPLING times the layer's resolution; it is transformed at that
    resolution, averaged over SUPERSAMPLING^2 blocks before the layer, the outputs are averaged over
    SUPERSAMPLING^2 blocks again and compared on the central disk (radius a quarter of the output size).
    """
    k = conv.kernel_size
    size = (OUTPUT_SIZE * SUPERSAMPLING - 1 + k) * SUPERSAMPLING
    x = nn.GeometricTensor(torch.tensor(smooth_image(conv.in_type.size, size), dtype=torch.float32), conv.in_type)

    def run(t):
        shrunk = block_mean(t.tensor.numpy().astype(np.float64), SUPERSAMPLING)
        return conv(nn.GeometricTensor(torch.tensor(shrunk, dtype=torch.float32), conv.in_type))

    errors = []
    with torch.no_grad():
        for element in conv.space.testing_elements:
            out1 = block_mean(run(x).transform(element).tensor.numpy().astype(np.float64), SUPERSAMPLING)
            out2 = block_mean(run(x.transform(element)).tensor.numpy().astype(np.float64), SUPERSAMPLING)
            h, w = out1.shape[-2:]
            yy, xx = np.meshgrid(np.arange(h) - h / 2, np.arange(w) - w / 2, indexing="ij")
            disk = yy ** 2 + xx ** 2 < (h / 4) ** 2
            errors.append((element, float(np.abs(out1[..., disk] - out2[..., disk]).mean())))
    return errors


def equivariance_module(name, gs, in_type, out_type, k):
    """The equivariance.json entry of a seeded, He-initialized R2Conv."""
    torch.manual_seed(WEIGHT_SEED)
    conv = nn.R2Conv(in_type, out_type, k)
    conv.eval()
    per_element = []
    for element, error in equivariance_errors(conv):
        encoded = rounded(element, GROUP_DECIMALS) if isinstance(element, float) else plain(element)
        per_element.append([encoded, significant(error)])
    return {
        "name": name,
        "group": gs.fibergroup.name,
        "kernel_size": k,
        "in_type": type_summary(in_type),
        "out_type": type_summary(out_type),
        "e2cnn_check": {
            "mean_abs_err_per_element": per_element,
            "max_of_means": max(e for _, e in per_element),
        },
    }


def equivariance_json():
    """The content of equivariance.json."""
    c8 = gspaces.Rot2dOnR2(8)
    so2 = gspaces.Rot2dOnR2(-1, maximum_frequency=6)
    so2_in = nn.FieldType(so2, [so2.irrep(0), so2.irrep(1)])
    so2_out = nn.FieldType(so2, [so2.irrep(0), so2.irrep(1), so2.irrep(2)])
    return {
        "notes": "e2cnn_check.mean_abs_err_per_element = [testing element, mean absolute error] over e2cnn's "
                 "testing elements of the G-space, measured on e2cnn's R2Conv (He-initialized, torch seed %d) "
                 "with e2cnn's GeometricTensor.transform, following the protocol of e2cnn's "
                 "R2Conv.check_equivariance: input at %dx the layer's resolution, transformed there, "
                 "%dx%d block means before the layer and again on its output, compared on the central disk. "
                 "The picture is a seeded, blurred noise image (the photo e2cnn's method reads is not part of "
                 "its source distribution). Errors have %d significant digits."
                 % (WEIGHT_SEED, SUPERSAMPLING, SUPERSAMPLING, SUPERSAMPLING, ERROR_DIGITS),
        "modules": [
            equivariance_module("R2Conv C8 3xtrivial->4xregular k5", c8,
                                nn.FieldType(c8, [c8.trivial_repr] * 3), nn.FieldType(c8, [c8.regular_repr] * 4), 5),
            equivariance_module("R2Conv SO2 [0,1]->[0,1,2] k7", so2, so2_in, so2_out, 7),
        ],
    }


# ---------------------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------------------
# e2cnn weights (e2cnn_weights/*.npz): trained-looking models, their learnable state, an input and the output

WEIGHTS_SEED = 16
C8_WIDTH = 0.125            # the C8 example's 24, 48, 48, 96, 96, 64 fields times this, rounded
C8_FIELDS = (24, 48, 48, 96, 96, 64)
C8_CLASSES = 10


def docs_model():
    """The model of e2cnn's nn README (as E2cnnExportExampleTest builds it): C8, 3 trivial -> 3 regular -> 1 regular."""
    gs = gspaces.Rot2dOnR2(8)
    c_in = nn.FieldType(gs, [gs.trivial_repr] * 3)
    c_hid = nn.FieldType(gs, [gs.regular_repr] * 3)
    c_out = nn.FieldType(gs, [gs.regular_repr] * 1)
    model = nn.SequentialModule(
        nn.R2Conv(c_in, c_hid, 5, bias=False), nn.InnerBatchNorm(c_hid), nn.ReLU(c_hid),
        nn.PointwiseMaxPool(c_hid, 3, 2, padding=1),
        nn.R2Conv(c_hid, c_out, 3, bias=False), nn.InnerBatchNorm(c_out), nn.ELU(c_out),
        nn.GroupPooling(c_out))
    return model, c_in, 31


class C8SteerableCNN(torch.nn.Module):
    """e2cnn's examples/model.ipynb C8SteerableCNN with its field counts scaled by C8_WIDTH."""

    def __init__(self):
        super().__init__()
        gs = gspaces.Rot2dOnR2(8)
        self.input_type = nn.FieldType(gs, [gs.trivial_repr])
        fields = [max(1, int(round(f * C8_WIDTH))) for f in C8_FIELDS]
        kernels = (7, 5, 5, 5, 5, 5)
        paddings = (1, 2, 2, 2, 2, 1)
        modules = [nn.MaskModule(self.input_type, 29, margin=1)]
        in_type = self.input_type
        for i, f in enumerate(fields):
            out_type = nn.FieldType(gs, [gs.regular_repr] * f)
            modules += [nn.R2Conv(in_type, out_type, kernel_size=kernels[i], padding=paddings[i], bias=False),
                        nn.InnerBatchNorm(out_type), nn.ReLU(out_type)]
            if i in (1, 3):
                modules.append(nn.PointwiseAvgPoolAntialiased(out_type, sigma=0.66, stride=2))
            in_type = out_type
        modules += [nn.PointwiseAvgPoolAntialiased(in_type, sigma=0.66, stride=1, padding=0), nn.GroupPooling(in_type)]
        self.features = nn.SequentialModule(*modules)
        self.head = torch.nn.Sequential(torch.nn.Linear(fields[-1], 64), torch.nn.BatchNorm1d(64), torch.nn.ELU(),
                                        torch.nn.Linear(64, C8_CLASSES))

    def forward(self, x):
        y = self.features(nn.GeometricTensor(x, self.input_type)).tensor
        return self.head(y.reshape(y.shape[0], -1))


def norm_model():
    """A C8 model with every mapped layer beyond the convolutions: NormBatchNorm over interleaved field sizes,
    NormNonLinearity, GatedNonLinearity1, GNormBatchNorm (over scalar fields: e2cnn 0.2.3 fails on fields with a
    change of basis), InducedNormBatchNorm and InducedNormNonLinearity over fields induced from C4, NormPool;
    convolutions with bias where the output has trivial fields. The input has an irrep-4 field and the irrep-4
    fields feed the gated convolution (irrep 2), since e2cnn's kernel basis between irrep 4 and the trivial
    irrep is empty: every parameter and statistic changes the output."""
    gs = gspaces.Rot2dOnR2(8)
    g = gs.fibergroup
    c_in = nn.FieldType(gs, [gs.trivial_repr, g.irrep(4)])
    mixed = nn.FieldType(gs, [g.irrep(1), g.irrep(4), g.irrep(1), g.irrep(4), g.irrep(2)])
    scalars = nn.FieldType(gs, [gs.trivial_repr] * 3)
    gated_in = nn.FieldType(gs, [gs.trivial_repr] * 2 + [g.irrep(1), g.irrep(2)])
    gated_out = nn.FieldType(gs, [g.irrep(1), g.irrep(2)])
    c4, _, _ = g.subgroup(4)
    induced = nn.FieldType(gs, [gs.induced_repr(4, c4.irrep(1))] * 2)
    model = nn.SequentialModule(
        nn.R2Conv(c_in, mixed, 3, padding=1), nn.NormBatchNorm(mixed), nn.NormNonLinearity(mixed),
        nn.R2Conv(mixed, gated_in, 3, padding=1), nn.GatedNonLinearity1(gated_in),
        nn.R2Conv(gated_out, scalars, 3, padding=1), nn.GNormBatchNorm(scalars), nn.ReLU(scalars),
        nn.R2Conv(scalars, induced, 3, padding=1), nn.InducedNormBatchNorm(induced),
        nn.InducedNormNonLinearity(induced), nn.NormPool(induced))
    return model, c_in, 9


def perturb_norms(model):
    """Random non-trivial scales, shifts and norm biases for the norm model's layers (e2cnn's start at 1, 0, 0);
    the norm biases exp(log_bias) small (0.05 to 0.15), so that the norm nonlinearities pass most fields."""
    with torch.no_grad():
        for key, p in model.named_parameters():
            last = key.rsplit(".", 1)[-1]
            if last == "log_bias":
                p.copy_(torch.log(0.05 + 0.1 * torch.rand_like(p)))
            elif last.endswith("_weight"):
                p.copy_(0.5 + torch.rand_like(p))
            elif last.endswith("bias"):
                p.copy_(0.2 * torch.randn_like(p))


def perturb_affine(model):
    """Random non-trivial scales and shifts for every batch normalization (e2cnn's start at 1 and 0)."""
    with torch.no_grad():
        for key, p in model.named_parameters():
            if "batch_norm" in key or isinstance(dict(model.named_modules()).get(key.rsplit(".", 1)[0]),
                                                  torch.nn.BatchNorm1d):
                if key.endswith("weight"):
                    p.copy_(0.5 + torch.rand_like(p))
                else:
                    p.copy_(0.2 * torch.randn_like(p))


def weights_fixture(out_dir, name, model, channels, size, forward):
    """Trains the statistics with three training-mode passes, then writes the state, an input and the output."""
    perturb_affine(model)
    model.train()
    with torch.no_grad():
        for _ in range(3):
            forward(model, 1.5 * torch.randn(4, channels, size, size) + 0.3)
    model.eval()
    x = torch.randn(2, channels, size, size)
    with torch.no_grad():
        y = forward(model, x)
    state = weights_npz.model_state(model)
    path = os.path.join(out_dir, "e2cnn_weights", name + ".npz")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    weights_npz.save_npz(path, state)
    weights_npz.save_npz(os.path.join(out_dir, "e2cnn_weights", name + "_io.npz"),
                         {"input": x.numpy(), "output": y.numpy()})
    # the state re-read through the script loads strictly into a fresh model, which then computes the same output
    fresh = type(model)() if isinstance(model, C8SteerableCNN) else (norm_model() if name == "norm_model"
                                                                      else docs_model())[0]
    weights_npz.load_into(fresh, path)
    fresh.eval()
    with torch.no_grad():
        again = forward(fresh, x)
    if not torch.equal(again, y):
        raise AssertionError("%s: the re-read state gives another output" % name)


def weights_fixtures(out_dir):
    """The e2cnn_weights fixtures: the nn README model, the (narrow) C8 example model and the norm model."""
    torch.manual_seed(WEIGHTS_SEED)
    model, c_in, size = docs_model()
    weights_fixture(out_dir, "docs_model", model, c_in.size, size,
                    lambda m, x: m(nn.GeometricTensor(x, c_in)).tensor)
    torch.manual_seed(WEIGHTS_SEED + 1)
    c8 = C8SteerableCNN()
    weights_fixture(out_dir, "c8_model", c8, 1, 29, lambda m, x: torch.softmax(m(x), dim=1))
    torch.manual_seed(WEIGHTS_SEED + 2)
    model, c_in, size = norm_model()
    perturb_norms(model)
    weights_fixture(out_dir, "norm_model", model, c_in.size, size,
                    lambda m, x: m(nn.GeometricTensor(x, c_in)).tensor)


def main():
    """Writes every file into the output folder."""
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    torch.set_num_threads(1)
    torch.manual_seed(0)
    np.random.seed(0)

    write_json(os.path.join(out_dir, "groups.json"), groups_json())

    configs = []
    blocks = {}
    for config in CONFIGS:
        entry, config_blocks = dims_entry(config)
        configs.append(entry)
        for key, pair, block in config_blocks:
            if key not in blocks:
                blocks[key] = block_entry(pair, block)
    policy = {str(k): default_policy(k, 1) for k in (1, 2, 3, 4, 5, 6, 7, 9, 11)}
    policy["5_dilation2"] = default_policy(5, 2)
    write_json(os.path.join(out_dir, "r2conv_dims.json"), {
        "e2cnn_version": e2cnn.__version__,
        "notes": "Every config is an e2cnn R2Conv with its default rings, sigma, frequency cut-off and offset. "
                 "weights: length of its weight vector (the dimension of its basis expansion); bias: length of "
                 "its bias (the trivial irreps of the output type); rank_on_grid: rank of the sampled basis; "
                 "error: what e2cnn raises instead of building a layer with no basis at all.",
        "default_basis_policy": policy,
        "configs": configs,
    })
    write_json(os.path.join(out_dir, "r2conv_blocks.json"), {"attr_names": BLOCK_ATTRIBUTES, "blocks": blocks})
    write_json(os.path.join(out_dir, "r2conv_fuzz.json"), {
        "e2cnn_version": e2cnn.__version__,
        "seed": FUZZ_SEED,
        "notes": "%d R2Conv configs drawn with Python's random.Random(%d) over C_N, D_N (some with another "
                 "reflection axis), SO(2), O(2), flips and the trivial group; field types of one to three runs "
                 "of trivial, regular, irrep, quotient and induced representations; kernel sizes 3 to 7; e2cnn's "
                 "default basis parameters. weights, bias and blocks as in r2conv_dims.json; error: what e2cnn "
                 "raises for an empty basis." % (FUZZ_COUNT, FUZZ_SEED),
        "configs": [fuzz_entry(name, spec) for name, spec in fuzz_specs()],
    })

    index = []
    for config in BASIS_CONFIGS:
        name, content = basis_file(config)
        relative = "bases/%s.json" % name
        size = write_json(os.path.join(out_dir, relative), content)
        index.append({"file": relative, "name": name, "dimension": content["dimension"], "rank": content["rank"],
                      "D": content["D"], "bytes": size, "has_raw": True})
    write_json(os.path.join(out_dir, "bases", "index.json"), {"bases": index})

    write_json(os.path.join(out_dir, "equivariance.json"), equivariance_json())
    architectures.write_architectures(out_dir, write_json)

    weights_fixtures(out_dir)


if __name__ == "__main__":
    main()
