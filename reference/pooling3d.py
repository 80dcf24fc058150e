"""escnn 1.0.13's 3D pooling and upsampling modules on seeded volumes, for the layers3d tests of this repository.

An ordinary escnn user script: PYTHONPATH=/opt/escnn/site python3 -W ignore reference/pooling3d.py
Writes reference/data/pooling3d.json (deterministic: fixed seeds, one thread, floats rounded to 10 decimals).
"""
import json
import os

import numpy as np
import torch

from escnn import gspaces, nn

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)

CHANNELS = 3


def volume(seed, shape):
    rng = np.random.RandomState(seed)
    return rng.randn(2, CHANNELS, *shape)


def rounded(a):
    return [round(float(v), 10) for v in np.asarray(a, dtype=np.float64).ravel()]


def case(name, module, params, seed, shape):
    x = volume(seed, shape)
    t = nn.GeometricTensor(torch.tensor(x), module.in_type)
    module.eval()
    with torch.no_grad():
        y = module(t).tensor.numpy()
    return {
        "name": name,
        "params": params,
        "input_shape": list(x.shape),
        "input": rounded(x),
        "output_shape": list(y.shape),
        "output": rounded(y),
    }


def main():
    gs = gspaces.trivialOnR3()
    t = nn.FieldType(gs, [gs.trivial_repr] * CHANNELS)
    cases = []
    for k, s, p, d, ceil, shape in [(2, 2, 0, 1, False, (4, 5, 6)), (3, 2, 1, 1, False, (5, 5, 5)),
                                    (2, 1, 0, 2, False, (5, 4, 5)), (2, 2, 0, 1, True, (5, 5, 5))]:
        cases.append(case("max k%d s%d p%d d%d%s" % (k, s, p, d, " ceil" if ceil else ""),
                          nn.PointwiseMaxPool3D(t, kernel_size=k, stride=s, padding=p, dilation=d, ceil_mode=ceil),
                          {"op": "max", "kernel": k, "stride": s, "padding": p, "dilation": d, "ceil": ceil},
                          len(cases) + 1, shape))
    for k, s, p, ceil, shape in [(2, 2, 0, False, (4, 5, 6)), (3, 2, 1, False, (5, 5, 5)),
                                 (2, 2, 0, True, (5, 4, 5)), (3, 1, 1, False, (3, 4, 3))]:
        cases.append(case("avg k%d s%d p%d%s" % (k, s, p, " ceil" if ceil else ""),
                          nn.PointwiseAvgPool3D(t, kernel_size=k, stride=s, padding=p, ceil_mode=ceil),
                          {"op": "avg", "kernel": k, "stride": s, "padding": p, "ceil": ceil},
                          len(cases) + 1, shape))
    for sigma, s, p, shape in [(0.6, 2, None, (5, 6, 5)), (0.5, 1, 1, (4, 4, 4))]:
        params = {"op": "antialiased", "sigma": sigma, "stride": s}
        if p is not None:
            params["padding"] = p
        cases.append(case("antialiased sigma %g s%d" % (sigma, s),
                          nn.PointwiseAvgPoolAntialiased3D(t, sigma=sigma, stride=s, padding=p),
                          params, len(cases) + 1, shape))
    for scale, size, mode, align, shape in [(2, None, "trilinear", False, (2, 3, 4)),
                                            (3, None, "trilinear", False, (2, 2, 3)),
                                            (None, (3, 5, 4), "trilinear", True, (2, 3, 2)),
                                            (2, None, "nearest", False, (2, 3, 2))]:
        params = {"op": "upsampling", "mode": mode, "align_corners": align}
        if scale is not None:
            params["scale"] = scale
        if size is not None:
            params["size"] = list(size)
        cases.append(case("upsampling %s %s%s" % (mode, "x%d" % scale if scale else "to %s" % (size,),
                                                   " aligned" if align else ""),
                          nn.R3Upsampling(t, scale_factor=scale, size=size, mode=mode, align_corners=align),
                          params, len(cases) + 1, shape))
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "pooling3d.json")
    with open(out, "w") as f:
        json.dump({"escnn": "1.0.13", "channels": CHANNELS, "cases": cases}, f, sort_keys=True, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
