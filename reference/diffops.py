"""Steerable PDO bases of e2cnn 0.2.3's R2Diffop (Jenner and Weiler 2021) for the tests of R2Diffop.

For each configuration (G-space, input and output field types, kernel size and the R2Diffop options) the script
builds e2cnn's R2Diffop and writes: the resolved maximum order, the basis dimension, e2cnn's basis names, and the
expanded filter of every unit weight vector (the filter basis in the layer's weight order, [weight][out][in][k][k],
rounded to 6 decimals). For two configurations it also writes a seeded input, weights and bias and e2cnn's
eval-mode output.

e2cnn discretizes with finite differences through sympy. Its Gaussian-derivative ("smoothing") stencils come from
the rbf package, which is not installed here; for those configurations the script gives e2cnn the Gaussian
derivative rbf documents (exp(-(eps r)^2) with eps = 1 / smoothing^2, differentiated in the evaluation point),
written out with sympy below, and everything else (basis, change of basis, normalization, masking) is e2cnn's.
RBF-FD needs rbf's stencil solver and is not covered.

Written for this repository. Run: PYTHONPATH=/opt/e2cnn python3 reference/diffops.py
"""
import json
import math
import os

import numpy as np
import sympy
import torch
from e2cnn import gspaces
from e2cnn import nn as enn
import e2cnn.diffops.utils as diffop_utils

DECIMALS = 6
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "diffops.json")


class GaussianStandIn:
    """rbf's Gaussian RBF exp(-(eps r)^2), called as rbf's RBF objects are: (x, c, eps, diff)."""

    def __init__(self):
        self.cache = {}

    def __call__(self, x, c, eps, diff):
        diff = tuple(int(d) for d in diff)
        if diff not in self.cache:
            x0, x1, c0, c1, e = sympy.symbols("x0 x1 c0 c1 e")
            expr = sympy.exp(-(e ** 2) * ((x0 - c0) ** 2 + (x1 - c1) ** 2))
            expr = sympy.diff(expr, x0, diff[0]) if diff[0] else expr
            expr = sympy.diff(expr, x1, diff[1]) if diff[1] else expr
            self.cache[diff] = sympy.lambdify((x0, x1, c0, c1, e), expr, "numpy")
        f = self.cache[diff]
        x = np.asarray(x, dtype=float)
        c = np.asarray(c, dtype=float)
        out = f(x[:, 0][:, None], x[:, 1][:, None], c[None, :, 0], c[None, :, 1], float(eps))
        return np.broadcast_to(out, (x.shape[0], c.shape[0])).astype(float)


diffop_utils._gaussian = GaussianStandIn()
diffop_utils._RBF_AVAILABLE = True


def make_gspace(kind, n=None, max_frequency=None):
    if kind == "rot":
        return gspaces.Rot2dOnR2(n) if max_frequency is None else gspaces.Rot2dOnR2(n, maximum_frequency=max_frequency)
    if kind == "fliprot":
        return gspaces.FlipRot2dOnR2(n) if max_frequency is None else gspaces.FlipRot2dOnR2(n, maximum_frequency=max_frequency)
    if kind == "flip":
        return gspaces.Flip2dOnR2()
    raise ValueError(kind)


def field_type(gs, spec):
    reprs = []
    for name in spec:
        if name == "regular":
            reprs.append(gs.regular_repr)
        elif name == "trivial":
            reprs.append(gs.trivial_repr)
        else:
            reprs.append(gs.irrep(*[int(v) for v in name.split(",")]))
    return enn.FieldType(gs, reprs)


# name, gspace (kind, N, maximum frequency), input fields, output fields, R2Diffop options
CONFIGS = [
    ("C4_regular_k3", ("rot", 4, None), ["trivial", "regular"], ["regular", "1"], dict(kernel_size=3)),
    ("C4_offset0_k5_acc3", ("rot", 4, None), ["regular"], ["regular"], dict(kernel_size=5, accuracy=3, maximum_offset=0)),
    ("C8_irreps_k5_order3", ("rot", 8, None), ["0", "1", "3"], ["2", "1", "4"], dict(kernel_size=5, maximum_order=3)),
    ("C8_regular_k5_smoothing", ("rot", 8, None), ["regular"], ["1", "0"], dict(kernel_size=5, smoothing=1.25)),
    ("D4_regular_k5", ("fliprot", 4, None), ["regular", "1,1"], ["1,0", "regular"], dict(kernel_size=5)),
    ("D4_irreps_k3_order2_angle", ("fliprot", 4, None), ["1,0", "1,2", "1,1"], ["0,0", "1,1", "0,2"],
     dict(kernel_size=3, maximum_order=2, angle_offset=0.3)),
    ("SO2_k5_order4", ("rot", -1, 3), ["0", "1", "2"], ["1", "0", "3"], dict(kernel_size=5, maximum_order=4)),
    ("SO2_k5_power1_smoothing", ("rot", -1, 3), ["1", "0"], ["0", "2"],
     dict(kernel_size=5, maximum_order=4, maximum_power=1, smoothing=0.9)),
    ("O2_k5", ("fliprot", -1, 3), ["0,0", "1,1", "1,2"], ["1,0", "1,1", "0,0"], dict(kernel_size=5)),
    ("Flip_k3_order2", ("flip", None, None), ["regular", "trivial"], ["1", "regular"], dict(kernel_size=3, maximum_order=2)),
]

OUTPUTS = {
    "C4_regular_k3": 7,
    "D4_regular_k5": 9,
}


def rounded(a):
    return np.round(np.asarray(a, dtype=np.float64), DECIMALS).tolist()


def entry(name, gspace_spec, ins, outs, options):
    gs = make_gspace(*gspace_spec)
    in_type = field_type(gs, ins)
    out_type = field_type(gs, outs)
    torch.manual_seed(3)
    layer = enn.R2Diffop(in_type, out_type, bias=True, **options)
    layer.eval()
    dim = layer.basisexpansion.dimension()
    k = layer.kernel_size
    filters = []
    with torch.no_grad():
        for w in range(dim):
            weights = torch.zeros(dim)
            weights[w] = 1.0
            f = layer.basisexpansion(weights).reshape(out_type.size, in_type.size, k, k)
            filters.append(f.numpy())
    result = {
        "gspace": list(gspace_spec),
        "in": ins,
        "out": outs,
        "in_repr_names": [r.name for r in in_type.representations],
        "out_repr_names": [r.name for r in out_type.representations],
        "options": options,
        "kernel_size": k,
        "dimension": dim,
        "basis_names": list(layer.basisexpansion.get_basis_names()),
        "filters": rounded(np.stack(filters)),
    }
    if name in OUTPUTS:
        size = OUTPUTS[name]
        g = torch.Generator().manual_seed(11)
        x = torch.randn(2, in_type.size, size, size, generator=g)
        weights = torch.randn(dim, generator=g)
        bias = torch.randn(layer.bias.shape[0], generator=g) if layer.bias is not None else None
        layer.train()
        with torch.no_grad():
            layer.weights.copy_(weights)
            if bias is not None:
                layer.bias.copy_(bias)
        layer.eval()
        padding = k // 2
        with torch.no_grad():
            out = enn.R2Diffop(in_type, out_type, bias=True, padding=padding, initialize=False, **options)
            out.weights.copy_(weights)
            if bias is not None:
                out.bias.copy_(bias)
            out.eval()
            y = out(enn.GeometricTensor(x, in_type)).tensor
        result["output"] = {
            "padding": padding,
            "input": rounded(x.numpy()),
            "weights": rounded(weights.numpy()),
            "bias": rounded(bias.numpy()) if bias is not None else [],
            "output": rounded(y.numpy()),
        }
    return result


def main():
    torch.set_num_threads(1)
    data = {"e2cnn": "0.2.3", "decimals": DECIMALS, "configs": {}}
    for name, spec, ins, outs, options in CONFIGS:
        data["configs"][name] = entry(name, spec, ins, outs, options)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(data, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
