"""Reference numbers for escnn's R3Conv and R3ConvTransposed (volumetric steerable convolutions).

An ordinary escnn 1.0.13 user script (written for this repository): for each configuration it builds escnn's
R3Conv or R3ConvTransposed between two field types of a 3D G-space, sets seeded weights and biases, and records

  - the geometry (kernel size, stride, padding, dilation, output padding) and the field types (irreps ids),
  - the basis dimension (number of weights) and of the bias,
  - escnn's expanded filter ([out, in, k, k, k] for R3Conv, [in, out, k, k, k] for R3ConvTransposed, as
    torch's conv3d / conv_transpose3d take it) and expanded bias,
  - a seeded input [1, C, D, H, W] and escnn's eval-mode output.

Escnn's basis elements need not be this library's one by one, so a test maps escnn's filter into this library's
basis by least squares (checking the residual) and compares outputs; the filter and output say what the layer
computes whatever the basis order.

Run: PYTHONPATH=/opt/escnn/site python3 -W ignore reference/r3conv.py  (writes reference/data/r3conv.json)
"""
import json
import os

import numpy as np
import torch
from escnn import gspaces, nn

torch.set_num_threads(1)
np.random.seed(0)  # escnn samples group elements with numpy when it solves some kernel constraints

DECIMALS = 8


def rounded(a):
    return np.round(np.asarray(a, dtype=np.float64), DECIMALS).tolist()


GSPACES = {
    "rot3dOnR3": lambda: gspaces.rot3dOnR3(),
    "flipRot3dOnR3": lambda: gspaces.flipRot3dOnR3(),
    "octaOnR3": lambda: gspaces.octaOnR3(),
    "trivialOnR3": lambda: gspaces.trivialOnR3(),
    "rot2dOnR3(4)": lambda: gspaces.rot2dOnR3(n=4),
    "dihedralOnR3(4)": lambda: gspaces.dihedralOnR3(n=4),
    "invOnR3": lambda: gspaces.invOnR3(),
}


def field(gs, key):
    """A field key: trivial, regular, or irrep:i[,j] (escnn's irrep id)."""
    G = gs.fibergroup
    if key == "trivial":
        return G.trivial_representation
    if key == "regular":
        return G.regular_representation
    ids = tuple(int(v) for v in key.split(":")[1].split(","))
    return G.irrep(*ids)


# name, gspace, in fields, out fields, kernel, stride, padding, dilation, output padding (transposed only; None = R3Conv)
CONFIGS = [
    ("so3_irreps", "rot3dOnR3", ["irrep:0", "irrep:1"], ["irrep:0", "irrep:1", "irrep:2"], 3, 1, 1, 1, None),
    ("so3_k5_stride2", "rot3dOnR3", ["irrep:1"], ["irrep:0", "irrep:1"], 5, 2, 2, 1, None),
    ("o3_vectors", "flipRot3dOnR3", ["irrep:0,0", "irrep:1,1"], ["irrep:0,0", "irrep:1,1", "irrep:0,1"], 3, 1, 0, 1,
     None),
    ("octa_regular", "octaOnR3", ["trivial"], ["regular"], 3, 1, 1, 1, None),
    ("octa_dilated", "octaOnR3", ["irrep:1"], ["irrep:0", "irrep:1"], 3, 1, 2, 2, None),
    ("trivial_plain", "trivialOnR3", ["trivial", "trivial"], ["trivial"], 3, 1, 1, 1, None),
    ("so3_transposed", "rot3dOnR3", ["irrep:1"], ["irrep:0", "irrep:1"], 3, 2, 1, 1, 1),
    ("octa_transposed", "octaOnR3", ["irrep:0"], ["irrep:0", "irrep:1"], 3, 1, 1, 1, 0),
    ("c4z_irreps_to_regular", "rot2dOnR3(4)", ["trivial", "irrep:1"], ["regular"], 3, 1, 1, 1, None),
    ("d4z_transposed", "dihedralOnR3(4)", ["regular"], ["irrep:0,0", "irrep:1,1"], 3, 2, 1, 1, 1),
    ("inv_regular_k5", "invOnR3", ["regular"], ["trivial", "regular"], 5, 1, 2, 1, None),
    ("c4z_transposed_dilated", "rot2dOnR3(4)", ["trivial", "irrep:1"], ["regular"], 3, 1, 2, 2, 0),
]

INPUT_SIZE = 6


def case(name, gs_name, in_keys, out_keys, k, stride, padding, dilation, output_padding, seed):
    gs = GSPACES[gs_name]()
    in_type = gs.type(*[field(gs, key) for key in in_keys])
    out_type = gs.type(*[field(gs, key) for key in out_keys])
    torch.manual_seed(seed)
    if output_padding is None:
        module = nn.R3Conv(in_type, out_type, k, padding=padding, stride=stride, dilation=dilation, bias=True)
    else:
        module = nn.R3ConvTransposed(in_type, out_type, k, padding=padding, output_padding=output_padding,
                                     stride=stride, dilation=dilation, bias=True)
    module = module.to(torch.float64)
    with torch.no_grad():
        module.weights.data[:] = torch.randn(module.weights.shape, dtype=torch.float64)
        if module.bias is not None:
            module.bias.data[:] = torch.randn(module.bias.shape, dtype=torch.float64)
    module.eval()
    x = torch.randn(1, in_type.size, INPUT_SIZE, INPUT_SIZE, INPUT_SIZE, dtype=torch.float64)
    y = module(in_type(x)).tensor.detach().numpy()
    filt = module.filter.detach().numpy()
    bias = module.expanded_bias.detach().numpy() if module.expanded_bias is not None else np.zeros(out_type.size)
    return {
        "name": name,
        "gspace": gs_name,
        "in_fields": in_keys,
        "out_fields": out_keys,
        "transposed": output_padding is not None,
        "kernel_size": k,
        "stride": stride,
        "padding": padding,
        "dilation": dilation,
        "output_padding": 0 if output_padding is None else output_padding,
        "dimension": int(module.weights.numel()),
        "bias_dimension": 0 if module.bias is None else int(module.bias.numel()),
        "filter_shape": list(filt.shape),
        "filter": rounded(filt.reshape(-1)),
        "expanded_bias": rounded(bias),
        "input_shape": list(x.shape),
        "input": rounded(x.numpy().reshape(-1)),
        "output_shape": list(y.shape),
        "output": rounded(y.reshape(-1)),
    }


def main():
    cases = [case(*c, seed=10 + i) for i, c in enumerate(CONFIGS)]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "r3conv.json")
    with open(out, "w") as f:
        json.dump({"escnn": "1.0.13", "cases": cases}, f, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
