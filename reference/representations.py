"""Reference data for user-built, induced and quotient representations: writes data/representations.json.

An ordinary e2cnn 0.2.3 / escnn 1.0.13 user script, written for this repository:

* ``o2``: e2cnn's O(2) (maximum frequency 3) representations induced from SO(2) (quotient[(None, -1)] and
  induced[(None, -1)][irrep_k], k = 0..3): irreps, change of basis, nonlinearities, matrices and characters at
  fixed elements; their restrictions to SO(2) and to the turned copy (theta, -1) of O(2); restrictions of the
  irreps to (theta, -1).
* ``discrete``: escnn's ``build_from_discrete_group_representation`` (e2cnn's needs the pymanopt 0.2 API, which
  is not installed) on representations of C_N and D_N given as matrices per element: the irreps found, their
  multiplicities and the change of basis, with escnn's irrep matrices at every element.
* ``r2conv``: e2cnn R2Conv layouts (weights, bias, blocks) on FlipRot2dOnR2(-1, maximum_frequency=3) and
  FlipRot2dOnR2(4) between fields of those types and of representations built with e2cnn's
  ``Representation(group, name, irreps, change_of_basis, supported_nonlinearities)``.

Deterministic: fixed seeds, one torch thread, sorted keys, floats rounded to 10 decimals.
Run: PYTHONPATH=/path/to/e2cnn:/path/to/escnn python3 -W ignore reference/representations.py [out folder]
"""
import json
import math
import os
import sys

import numpy as np
import torch

from e2cnn import gspaces
from e2cnn import nn as enn
from e2cnn.group import Representation

DECIMALS = 10
O2_FREQUENCY = 3
ANGLES = [0.0, 0.3, 1.0, math.pi / 2, 2.5, 4.0]
TURNS = [0.5, math.pi / 3]


def rounded(a):
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 0:
        return round(float(a), DECIMALS) + 0.0
    return [rounded(row) for row in a]


def to_text(value, indent=0):
    """JSON with sorted keys: objects and nested arrays one entry a line, arrays of scalars on one line."""
    if isinstance(value, dict):
        pad = " " * (indent + 1)
        items = ["%s%s: %s" % (pad, json.dumps(k), to_text(value[k], indent + 1)) for k in sorted(value)]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}" if items else "{}"
    if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        pad = " " * (indent + 1)
        return "[\n" + ",\n".join(pad + to_text(v, indent + 1) for v in value) + "\n" + " " * indent + "]"
    return json.dumps(value, separators=(",", ":"), ensure_ascii=True, allow_nan=False)


def o2_elements():
    return [(f, a) for f in (0, 1) for a in ANGLES]


def o2_entry(rep):
    els = o2_elements()
    return {
        "name": rep.name,
        "size": rep.size,
        "irreps": list(rep.irreps),
        "change_of_basis": rounded(rep.change_of_basis),
        "change_of_basis_inv": rounded(rep.change_of_basis_inv),
        "supported_nonlinearities": sorted(rep.supported_nonlinearities),
        "matrices": [rounded(rep(e)) for e in els],
        "characters": [rounded(rep.character(e)) for e in els],
    }


def o2_data():
    gs = gspaces.FlipRot2dOnR2(-1, maximum_frequency=O2_FREQUENCY)
    g = gs.fibergroup
    so2 = g.subgroup((None, -1))[0]
    reps = [g.quotient_representation((None, -1))]
    reps += [g.induced_representation((None, -1), so2.irrep(k)) for k in range(O2_FREQUENCY + 1)]
    induced = []
    for rep in reps:
        entry = o2_entry(rep)
        res = g.restrict_representation((None, -1), rep)
        entry["restricted_to_so2"] = {
            "irreps": list(res.irreps),
            "change_of_basis": rounded(res.change_of_basis),
            "matrices": [rounded(res(a)) for a in ANGLES],
        }
        induced.append(entry)
    turned = []
    for theta in TURNS:
        for rep in [g.irrep(0, 0), g.irrep(1, 0), g.irrep(1, 1), g.irrep(1, 2), reps[2]]:
            res = g.restrict_representation((theta, -1), rep)
            turned.append({
                "theta": rounded(theta),
                "of": rep.name,
                "irreps": list(res.irreps),
                "change_of_basis": rounded(res.change_of_basis),
                "matrices": [rounded(res(e)) for e in o2_elements()],
            })
    refused = []
    for sid in [(0.5, -1), (None, 4), (0.0, 2)]:
        sub = g.subgroup(sid)[0]
        try:
            g.induced_representation(sid, sub.trivial_representation)
            refused.append({"subgroup": list(sid), "error": None})
        except ValueError as e:
            refused.append({"subgroup": list(sid), "error": "ValueError: " + " ".join(str(e).split())})
    return {"maximum_frequency": O2_FREQUENCY, "elements": [list(e) for e in o2_elements()],
            "induced": induced, "restricted_to_turned_o2": turned, "induction_refused": refused}


# ---- representations of finite groups given by their matrices ----------------------------------------------


def rot(t):
    return np.array([[math.cos(t), -math.sin(t)], [math.sin(t), math.cos(t)]])


def permutation(images):
    n = len(images)
    p = np.zeros((n, n))
    for i, j in enumerate(images):
        p[j, i] = 1.0
    return p


def cases():
    """(key, kind, N, function (f, k) -> matrix): actions of C_N / D_N on the plane and on points."""
    c = []
    c.append(("C4_rotations", "C", 4, lambda f, k: rot(2 * math.pi * k / 4)))
    c.append(("C4_points", "C", 4, lambda f, k: permutation([(i + k) % 4 for i in range(4)])))
    c.append(("C3_points", "C", 3, lambda f, k: permutation([(i + k) % 3 for i in range(3)])))
    c.append(("C6_pairs", "C", 6, lambda f, k: np.kron(permutation([(i + k) % 3 for i in range(3)]),
                                                      rot(2 * math.pi * k / 2))))
    c.append(("C8_rotation_twice", "C", 8, lambda f, k: np.kron(np.eye(2), rot(2 * math.pi * 3 * k / 8))))
    # r^k f^f acts on the vertex at angle pi/4 + i pi/2 (of the square) as i -> k + (-1)^f i - f
    c.append(("D4_vertices", "D", 4, lambda f, k: permutation([(k + (-1) ** f * i - f) % 4 for i in range(4)])))
    # and on the edge midpoint at angle i pi/2 as i -> k + (-1)^f i
    c.append(("D4_edges", "D", 4, lambda f, k: permutation([(k + (-1) ** f * i) % 4 for i in range(4)])))
    c.append(("D3_plane", "D", 3, lambda f, k: rot(2 * math.pi * k / 3) @ np.diag([1.0, (-1.0) ** f])))
    c.append(("D6_hexagon", "D", 6, lambda f, k: permutation([(k + (-1) ** f * i) % 6 for i in range(6)])))
    return c


def escnn_group(kind, n):
    from escnn import group as eg
    return eg.cyclic_group(n) if kind == "C" else eg.dihedral_group(n)


def ours(kind, e):
    """Our element encoding (f, k) of an escnn element."""
    v = e.to('int')
    return (0, int(v)) if kind == "C" else (int(v[0]), int(v[1]))


def irrep_name(irr_id):
    return "irrep_" + ",".join(str(i) for i in (irr_id if isinstance(irr_id, tuple) else (irr_id,)))


def discrete_entry(key, kind, n, action):
    from escnn.group.representation import build_from_discrete_group_representation
    g = escnn_group(kind, n)
    matrices = {e: action(*ours(kind, e)) for e in g.elements}
    for a in g.elements:
        for b in g.elements:
            assert np.allclose(matrices[a] @ matrices[b], matrices[a @ b]), (key, a, b)
    rep = build_from_discrete_group_representation(matrices, key, g, [])
    elements = [list(ours(kind, e)) for e in g.elements]
    irreps = {}
    for irr_id in sorted(set(rep.irreps)):
        irr = g.irrep(*irr_id) if isinstance(irr_id, tuple) else g.irrep(irr_id)
        irreps[irrep_name(irr_id)] = [rounded(irr(e)) for e in g.elements]
    counts = {}
    for irr_id in rep.irreps:
        counts[irrep_name(irr_id)] = counts.get(irrep_name(irr_id), 0) + 1
    return {
        "group": kind + str(n),
        "elements": elements,
        "matrices": [rounded(matrices[e]) for e in g.elements],
        "irreps": [irrep_name(i) for i in rep.irreps],
        "multiplicities": counts,
        "change_of_basis": rounded(rep.change_of_basis),
        "irrep_matrices": irreps,
    }


def discrete_data():
    np.random.seed(0)
    return {key: discrete_entry(key, kind, n, action) for key, kind, n, action in cases()}


# ---- R2Conv layouts ---------------------------------------------------------------------------------------


def user_o2(g):
    """Two representations of O(2) built with e2cnn's Representation constructor (orthogonal changes of basis)."""
    a = Representation(g, "user_a", ["irrep_0,0", "irrep_1,1"],
                       np.kron(np.eye(1), np.array([[0.6, 0.0, -0.8], [0.0, 1.0, 0.0], [0.8, 0.0, 0.6]])),
                       ["norm", "gated"])
    b = Representation(g, "user_b", ["irrep_1,2", "irrep_1,0", "irrep_1,1"],
                       np.linalg.qr(np.arange(25, dtype=float).reshape(5, 5) % 7 + np.eye(5))[0], ["norm"])
    return {"user_a": a, "user_b": b}


def make_field(gs, key, users):
    g = gs.fibergroup
    if key in users:
        return users[key]
    if key.startswith("irrep:"):
        return g.irrep(*[int(x) for x in key[len("irrep:"):].split(",")])
    if key == "quotient:None,-1":
        return g.quotient_representation((None, -1))
    if key.startswith("induced:None,-1:"):
        so2 = g.subgroup((None, -1))[0]
        return g.induced_representation((None, -1), so2.irrep(int(key.split(":")[2])))
    if key.startswith("restrict:0.5,-1:"):
        return g.restrict_representation((0.5, -1), make_field(gs, key[len("restrict:0.5,-1:"):], users))
    if key == "regular":
        return g.regular_representation
    raise ValueError(key)


def conv_entry(gs, spec, users):
    in_type = enn.FieldType(gs, [make_field(gs, k, users) for k, m in spec["in"] for _ in range(m)])
    out_type = enn.FieldType(gs, [make_field(gs, k, users) for k, m in spec["out"] for _ in range(m)])
    conv = enn.R2Conv(in_type, out_type, spec["kernel_size"], initialize=False)
    be = conv.basisexpansion
    blocks = []
    for pair in be._representations_pairs:
        block = getattr(be, "block_expansion_%s" % (pair,))
        start, end = be._weights_ranges[pair]
        blocks.append({"in_repr": pair[0], "out_repr": pair[1], "dimension": int(block.dimension()),
                       "in_count": int(be._in_count[pair[0]]), "out_count": int(be._out_count[pair[1]]),
                       "weights_range": [int(start), int(end)]})
    return {"config": spec, "weights": int(conv.weights.numel()),
            "bias": int(conv.bias.numel()) if conv.bias is not None else 0,
            "in_size": int(in_type.size), "out_size": int(out_type.size), "blocks": blocks}


def r2conv_data(discrete):
    out = {}
    gs = gspaces.FlipRot2dOnR2(-1, maximum_frequency=O2_FREQUENCY)
    users = user_o2(gs.fibergroup)
    user_defs = {name: {"irreps": list(r.irreps), "change_of_basis": rounded(r.change_of_basis),
                        "supported_nonlinearities": sorted(r.supported_nonlinearities)} for name, r in users.items()}
    o2_configs = [
        ("quotient", [["quotient:None,-1", 1]], [["quotient:None,-1", 2]], 5),
        ("induced", [["induced:None,-1:1", 1], ["induced:None,-1:0", 1]],
         [["induced:None,-1:2", 1], ["induced:None,-1:1", 2]], 5),
        ("mixed", [["irrep:0,0", 2], ["quotient:None,-1", 1]], [["induced:None,-1:3", 1], ["irrep:1,1", 1]], 7),
        ("user", [["user_a", 2], ["irrep:1,0", 1]], [["user_b", 1], ["induced:None,-1:1", 1]], 5),
        ("turned", [["restrict:0.5,-1:irrep:1,1", 1]], [["restrict:0.5,-1:induced:None,-1:2", 1],
                                                         ["quotient:None,-1", 1]], 3),
    ]
    for name, fin, fout, k in o2_configs:
        spec = {"gspace": {"kind": "fliprot2d", "N": -1, "maximum_frequency": O2_FREQUENCY},
                "in": fin, "out": fout, "kernel_size": k}
        out["O2_" + name] = conv_entry(gs, spec, users)
    d4 = gspaces.FlipRot2dOnR2(4)
    sq = discrete["D4_vertices"]
    d4_users = {"D4_vertices": Representation(d4.fibergroup, "D4_vertices", sq["irreps"],
                                              np.array(sq["change_of_basis"]), ["pointwise"])}
    spec = {"gspace": {"kind": "fliprot2d", "N": 4}, "in": [["D4_vertices", 1], ["irrep:1,1", 1]],
            "out": [["D4_vertices", 2], ["regular", 1]], "kernel_size": 5}
    out["D4_user"] = conv_entry(d4, spec, d4_users)
    return out, user_defs


def main():
    torch.manual_seed(0)
    torch.set_num_threads(1)
    np.random.seed(0)
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    discrete = discrete_data()
    r2conv, users = r2conv_data(discrete)
    data = {"o2": o2_data(), "discrete": discrete, "r2conv": r2conv, "user_representations": users}
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "representations.json"), "w", encoding="ascii", newline="\n") as f:
        f.write(to_text(data) + "\n")


if __name__ == "__main__":
    main()
