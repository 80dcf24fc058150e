"""Per-layer profile of the C8 train step on PyTorch (torch.profiler, CPU), in the table layout of the Java tool
E2Profile, so that the two can be set side by side.

  PYTHONPATH=/opt/e2cnn /usr/bin/python3 -W ignore e2-samples/scripts/c8_profile.py \
      --model e2cnn,plain --width 1.0 --batch 64 --threads 2 --warmup 2 --repeats 5

--width, --batch and --model take comma-separated lists (e.g. --width 1.0,0.25 --batch 64,16,8); every combination
is profiled in one run. An ordinary e2cnn 0.2.3 + torch user script; nothing in the repository reads it.

Models (the architecture of e2cnn's examples/model.ipynb, as the main sample's C8SteerableCnnFactory builds it; width scales every field count, rounded, at least 1):
  e2cnn  rot2dOnR2(8): MaskModule(29, margin 1); six R2Conv (1 trivial -> 24, 48, 48, 96, 96, 64 regular fields,
         kernels 7, 5, 5, 5, 5, 5, paddings 1, 2, 2, 2, 2, 1, no bias), each followed by InnerBatchNorm and ReLU;
         PointwiseAvgPoolAntialiased (sigma 0.66, stride 2) after convolutions 2 and 4 and (stride 1, padding 0)
         after the sixth; GroupPooling; Linear(64 w, 64), BatchNorm1d, ELU, Linear(64, 10).
  plain  the same channels in plain torch (8 per regular field), no mask: Conv2d + BatchNorm2d + ReLU, the same
         Gaussian blur pools as depthwise convolutions, the maximum over each field's 8 channels, the same head.
Layers are named as in the Java model (mask, r2conv0, bn0, relu0, ..., pool1, ..., gpool, fc1, bn-fc1, elu, fc2;
conv0 ... for the plain model). Java's OutputLayer fc2 includes the softmax cross-entropy; here it is its own row
"loss".

Train step, as c8_step.py times it: zero_grad, forward, cross-entropy, backward, Adam step (lr 1e-3, model.train()).
Each timed step runs under its own torch.profiler.profile(activities=[CPU]); the warm-up steps do not.
Attribution:
  forward   each layer's forward runs inside a record_function range "fwd/<name>" (forward pre- and post-hooks);
            its forward time is that range.
  backward  autograd runs each backward node as an "autograd::engine::evaluate_function: ..." event that carries
            the sequence number of the forward op that created it; a layer's backward time is the sum of the
            events whose sequence number was created inside its forward range. AccumulateGrad (writing a
            parameter's .grad) has no sequence number and is given to the layer whose backward ran just before.
  update    zero_grad and the Adam step, each in a range "update".
  rest      the step ("step" range) less the layers and the update: hooks, the GeometricTensor wrapping and the
            reshape before the head, unattributed autograd work, the profiler's own bookkeeping.
Every figure is the median over the timed steps (the layers' sum is the sum of their medians). The profiler
costs a few microseconds per op, so the profiled step is somewhat longer than c8_step.py's.
"""
import argparse
import statistics

import torch
import torch.nn.functional as F
from torch.autograd.profiler import record_function
from torch.profiler import ProfilerActivity, profile

SIDE, CLASSES, HIDDEN = 29, 10, 64
FIELDS, KERNELS, PADDINGS = (24, 48, 48, 96, 96, 64), (7, 5, 5, 5, 5, 5), (1, 2, 2, 2, 2, 1)
SIGMA = 0.66
BACKWARD_EVENT = "autograd::engine::evaluate_function: "


def fields_at(width):
    return [max(1, int(round(f * width))) for f in FIELDS]


def e2cnn_layers(width):
    """(name, module) pairs of the e2cnn C8 model; GeometricTensor in, GeometricTensor out up to gpool."""
    from e2cnn import gspaces, nn
    r2 = gspaces.Rot2dOnR2(N=8)
    current = nn.FieldType(r2, [r2.trivial_repr])
    layers = [("mask", nn.MaskModule(current, SIDE, margin=1))]
    for i, (n, k, p) in enumerate(zip(fields_at(width), KERNELS, PADDINGS)):
        out = nn.FieldType(r2, n * [r2.regular_repr])
        layers += [("r2conv%d" % i, nn.R2Conv(current, out, kernel_size=k, padding=p, bias=False)),
                   ("bn%d" % i, nn.InnerBatchNorm(out)), ("relu%d" % i, nn.ReLU(out, inplace=True))]
        if i in (1, 3):
            layers.append(("pool%d" % i, nn.PointwiseAvgPoolAntialiased(out, sigma=SIGMA, stride=2)))
        current = out
    layers.append(("pool5", nn.PointwiseAvgPoolAntialiased(current, sigma=SIGMA, stride=1, padding=0)))
    layers.append(("gpool", nn.GroupPooling(current)))
    return layers, nn.FieldType(r2, [r2.trivial_repr]), fields_at(width)[-1]


class GaussianBlur(torch.nn.Module):
    """Depthwise convolution with a normalized Gaussian of standard deviation sigma, 2 round(3 sigma) + 1 taps."""

    def __init__(self, channels, sigma, stride, padding=None):
        super().__init__()
        taps = 2 * int(round(3 * sigma)) + 1
        t = torch.arange(taps, dtype=torch.float32) - (taps - 1) / 2
        g = torch.exp(-t ** 2 / (2 * sigma ** 2))
        kernel = torch.outer(g, g) / g.sum() ** 2
        self.register_buffer("kernel", kernel.repeat(channels, 1, 1, 1))
        self.stride, self.channels = stride, channels
        self.padding = (taps - 1) // 2 if padding is None else padding

    def forward(self, x):
        return F.conv2d(x, self.kernel, stride=self.stride, padding=self.padding, groups=self.channels)


class FieldMax(torch.nn.Module):
    """Maximum over each group of 8 consecutive channels (one regular C8 field), flattened to [batch, fields]."""

    def forward(self, x):
        b, c, h, w = x.shape
        return x.reshape(b, c // 8, 8, h * w).amax(dim=2).reshape(b, -1)


def plain_layers(width):
    layers, c = [], 1
    for i, (n, k, p) in enumerate(zip(fields_at(width), KERNELS, PADDINGS)):
        out = 8 * n
        layers += [("conv%d" % i, torch.nn.Conv2d(c, out, k, padding=p, bias=False)),
                   ("bn%d" % i, torch.nn.BatchNorm2d(out)), ("relu%d" % i, torch.nn.ReLU(inplace=True))]
        if i in (1, 3):
            layers.append(("pool%d" % i, GaussianBlur(out, SIGMA, 2)))
        c = out
    layers += [("pool5", GaussianBlur(c, SIGMA, 1, 0)), ("gpool", FieldMax())]
    return layers, None, c // 8


def head_layers(features):
    return [("fc1", torch.nn.Linear(features, HIDDEN)), ("bn-fc1", torch.nn.BatchNorm1d(HIDDEN)),
            ("elu", torch.nn.ELU(inplace=True)), ("fc2", torch.nn.Linear(HIDDEN, CLASSES))]


class Profiled(torch.nn.Module):
    """The body (e2cnn or plain) and the head, run in order; each named layer's forward in a range fwd/<name>."""

    def __init__(self, body, in_type, features):
        super().__init__()
        self.names = [n for n, _ in body] + [n for n, _ in head_layers(features)]
        self.body = torch.nn.ModuleList([m for _, m in body])
        self.head = torch.nn.ModuleList([m for _, m in head_layers(features)])
        self.in_type = in_type
        for name, module in zip(self.names, list(self.body) + list(self.head)):
            module.register_forward_pre_hook(self._enter(name))
            module.register_forward_hook(self._exit)
        self._ranges = []

    def _enter(self, name):
        def hook(module, inputs):
            r = record_function("fwd/" + name)
            r.__enter__()
            self._ranges.append(r)
        return hook

    def _exit(self, module, inputs, output):
        self._ranges.pop().__exit__(None, None, None)

    def kinds(self):
        return [type(m).__name__ for m in list(self.body) + list(self.head)]

    def forward(self, x):
        if self.in_type is not None:
            from e2cnn import nn
            x = nn.GeometricTensor(x, self.in_type)
        for m in self.body:
            x = m(x)
        if self.in_type is not None:
            x = x.tensor.reshape(x.tensor.shape[0], -1)
        for m in self.head:
            x = m(x)
        return x


def train_step(model, optimizer, x, y):
    with record_function("update"):
        optimizer.zero_grad()
    out = model(x)
    with record_function("fwd/loss"):
        loss = F.cross_entropy(out, y)
    loss.backward()
    with record_function("update"):
        optimizer.step()


def ancestors(event):
    e = event.cpu_parent
    while e is not None:
        yield e
        e = e.cpu_parent


def attribute(events, names):
    """{name: (forward us, backward us)}, update us and step us of one profiled step."""
    forward = {n: 0.0 for n in names}
    backward = {n: 0.0 for n in names}
    update = step = 0.0
    owner = {}
    for e in events:
        if e.name == "step":
            step += e.time_range.elapsed_us()
        elif e.name == "update":
            update += e.time_range.elapsed_us()
        elif e.name.startswith("fwd/"):
            forward[e.name[4:]] += e.time_range.elapsed_us()
        elif e.sequence_nr >= 0 and not e.name.startswith(BACKWARD_EVENT):
            for a in ancestors(e):
                if a.name.startswith("fwd/"):
                    owner[e.sequence_nr] = a.name[4:]
                    break
    last = None
    for e in sorted((e for e in events if e.name.startswith(BACKWARD_EVENT)), key=lambda e: e.time_range.start):
        if any(a.name.startswith(BACKWARD_EVENT) for a in ancestors(e)):
            continue
        name = owner.get(e.sequence_nr) if e.sequence_nr >= 0 else None
        if name is None and e.sequence_nr < 0 and "AccumulateGrad" in e.name:
            name = last
        if name is not None:
            backward[name] += e.time_range.elapsed_us()
            last = name
    return forward, backward, update, step


def table(names, kinds, samples):
    med = lambda values: statistics.median(values) / 1e3
    step = med([s[3] for s in samples])
    lines = ["| layer | kind | forward ms | backward ms | total ms | share |", "|---|---|---|---|---|---|"]

    def line(name, kind, fwd, bwd, total):
        cell = lambda v: "" if v is None else "%.3f" % v
        lines.append("| %s | %s | %s | %s | %s | %.1f%% |" % (name, kind, cell(fwd), cell(bwd), cell(total),
                                                              100 * total / step))

    sum_f = sum_b = 0.0
    for name, kind in zip(names, kinds):
        f, b = med([s[0][name] for s in samples]), med([s[1][name] for s in samples])
        line(name, kind, f, b, f + b)
        sum_f, sum_b = sum_f + f, sum_b + b
    line("layers (sum)", "", sum_f, sum_b, sum_f + sum_b)
    line("update", "zero_grad + Adam step", None, None, med([s[2] for s in samples]))
    rest = [s[3] - s[2] - sum(s[0].values()) - sum(s[1].values()) for s in samples]
    line("rest", "framework", None, None, med(rest))
    line("step", "median", None, None, step)
    return "\n".join(lines)


def profile_model(kind, width, batch, warmup, repeats):
    torch.manual_seed(0)
    body, in_type, features = e2cnn_layers(width) if kind == "e2cnn" else plain_layers(width)
    model = Profiled(body, in_type, features)
    model.train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x, y = torch.rand(batch, 1, SIDE, SIDE), torch.arange(batch) % CLASSES
    names = model.names + ["loss"]
    kinds = model.kinds() + ["cross_entropy"]
    samples = []
    for r in range(warmup + repeats):
        if r < warmup:
            train_step(model, optimizer, x, y)
            continue
        with profile(activities=[ProfilerActivity.CPU]) as prof:
            with record_function("step"):
                train_step(model, optimizer, x, y)
        samples.append(attribute(prof.events(), names))
    params = sum(p.numel() for p in model.parameters() if p.requires_grad)
    step = statistics.median(s[3] for s in samples) / 1e3
    print("%s width %g batch %d x 1 x %d x %d (%d parameters, %d threads): step %.1f ms" % (
        kind, width, batch, SIDE, SIDE, params, torch.get_num_threads(), step))
    print(table(names, kinds, samples), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", default="e2cnn", help="comma-separated, of e2cnn, plain (default e2cnn)")
    ap.add_argument("--width", default="1.0", help="comma-separated width multipliers (default 1.0)")
    ap.add_argument("--batch", default="64", help="comma-separated batch sizes (default 64)")
    ap.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default 2)")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=5)
    a = ap.parse_args()
    models = a.model.split(",")
    if any(m not in ("e2cnn", "plain") for m in models) or a.repeats < 1 or a.warmup < 0 or a.threads < 1:
        ap.error("expected --model of e2cnn, plain, --repeats >= 1, --warmup >= 0, --threads >= 1")
    torch.set_num_threads(a.threads)
    for width in map(float, a.width.split(",")):
        for kind in models:
            for batch in map(int, a.batch.split(",")):
                profile_model(kind, width, batch, a.warmup, a.repeats)


if __name__ == "__main__":
    main()
