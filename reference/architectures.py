"""Parameter counts of the e2cnn paper's MNIST-rot models and CIFAR E(2)-WRNs (Weiler and Cesa 2019), e2cnn 0.2.3.

The models follow the paper's description of its final MNIST-rot experiments: six steerable convolutions of
regular fields (kernels 9, 7, 7, 7, 7, 5), each followed by InnerBatchNorm and ELU, max pooling after the second
and fourth, group pooling after the sixth, global max pooling and a head of three linear layers (two with
96 units, batch norm and ELU). With the parameter fix, every width is divided by sqrt(|G| / 16), so models of
other groups keep about the parameters of the C16 model. The conventional CNN is the paper's baseline of the
same depth. Every convolution uses e2cnn's default basis (rings, sigma, frequency cut-off).

Written for this repository; the counts are what e2cnn's modules hold as trainable parameters.
"""
import math

import torch
from e2cnn import gspaces
from e2cnn import nn as enn

SFCNN_WIDTHS = (24, 32, 36, 36, 64, 96)
SFCNN_KERNELS = (9, 7, 7, 7, 7, 5)
SFCNN_PADDINGS = (0, 3, 3, 3, 3, 0)
SFCNN_POOLED = (1, 3)
SFCNN_HIDDEN = 96

CNN_WIDTHS = (16, 24, 32, 32, 48, 64)
CNN_KERNELS = (7, 5, 5, 5, 5, 5)
CNN_HIDDEN = 64

CLASSES = 10


def trainable(module):
    """The number of trainable parameters a module holds, its children included."""
    return sum(p.numel() for p in module.parameters() if p.requires_grad)


def sfcnn_fields(width, order, fix_params):
    """The regular fields of a convolution of the given paper width on a group of the given order."""
    if fix_params:
        width = width / math.sqrt(order / 16.0)
    return int(width)


def e2sfcnn(rotations, flip, restrict_after, fix_params):
    """The named layers of an E2SFCNN (convolutions and batch norms by index, then the head)."""
    gspace = gspaces.FlipRot2dOnR2(rotations) if flip else gspaces.Rot2dOnR2(rotations)
    subgroup = (None, rotations) if flip else rotations
    in_type = enn.FieldType(gspace, [gspace.trivial_repr])
    layers = []
    for index in range(len(SFCNN_WIDTHS)):
        space = in_type.gspace
        fields = sfcnn_fields(SFCNN_WIDTHS[index], space.fibergroup.order(), fix_params)
        out_type = enn.FieldType(space, [space.regular_repr] * fields)
        layers.append(("conv%d" % index, enn.R2Conv(in_type, out_type, SFCNN_KERNELS[index],
                                                     padding=SFCNN_PADDINGS[index])))
        if restrict_after == index + 1:
            restriction = enn.RestrictionModule(out_type, subgroup)
            out_type = enn.DisentangleModule(restriction.out_type).out_type
        layers.append(("bn%d" % index, enn.InnerBatchNorm(out_type)))
        in_type = out_type
    channels = in_type.size // in_type.representations[0].size
    layers.append(("fc0", torch.nn.Linear(channels, SFCNN_HIDDEN)))
    layers.append(("fcbn0", torch.nn.BatchNorm1d(SFCNN_HIDDEN)))
    layers.append(("fc1", torch.nn.Linear(SFCNN_HIDDEN, SFCNN_HIDDEN)))
    layers.append(("fcbn1", torch.nn.BatchNorm1d(SFCNN_HIDDEN)))
    layers.append(("fc2", torch.nn.Linear(SFCNN_HIDDEN, CLASSES)))
    return layers


def conventional_cnn(fix_params):
    """The named layers of the conventional CNN baseline (convolutions without bias, batch norms, head)."""
    layers = []
    channels = 1
    for index, width in enumerate(CNN_WIDTHS):
        if fix_params and 0 < index < len(CNN_WIDTHS) - 1:
            width = int(round(width * 4))
        layers.append(("conv%d" % index, torch.nn.Conv2d(channels, width, CNN_KERNELS[index], bias=False)))
        layers.append(("bn%d" % index, torch.nn.BatchNorm2d(width)))
        channels = width
    layers.append(("fc0", torch.nn.Linear(channels, CNN_HIDDEN)))
    layers.append(("fcbn0", torch.nn.BatchNorm1d(CNN_HIDDEN)))
    layers.append(("fc1", torch.nn.Linear(CNN_HIDDEN, CLASSES)))
    return layers


def entry(name, configuration, layers):
    """One model of architectures.json: its configuration, total and per-layer trainable parameters."""
    per_layer = [{"layer": layer_name, "parameters": trainable(module)} for layer_name, module in layers]
    return {"name": name, "configuration": configuration,
            "parameters": sum(layer["parameters"] for layer in per_layer), "layers": per_layer}


WRN_VARIANTS = ((10, 1, 8, True, 3), (10, 2, 8, True, 3), (10, 2, 8, True, 1), (10, 2, 8, False, 3), (28, 10, 8, True, 3))


def wrn_name(depth, widen, rotations, flip, restrict):
    """The paper's name of a WRN variant, e.g. "E2WRN-10-2 D8D4D1"."""
    letter = "D" if flip else "C"
    groups = [rotations, rotations // 2 if restrict >= 1 else rotations,
              1 if restrict >= 2 else (rotations // 2 if restrict >= 1 else rotations)]
    return "E2WRN-%d-%d %s" % (depth, widen, "".join("%s%d" % (letter, g) for g in groups))


def architectures_json():
    """The content of architectures.json."""
    import e2cnn
    models = []
    for rotations, flip, restrict_after in ((16, False, 0), (16, True, 0), (16, True, 5), (8, False, 0)):
        group = ("D%d" % rotations) if flip else ("C%d" % rotations)
        name = "E2SFCNN %s" % group if restrict_after == 0 else "E2SFCNN %s|%d C%d" % (group, restrict_after,
                                                                                     rotations)
        configuration = {"model": "E2SFCNN", "N": rotations, "flip": flip, "restrict": restrict_after,
                         "fix_params": True}
        models.append(entry(name, configuration, e2sfcnn(rotations, flip, restrict_after, True)))
    models.append(entry("CNN", {"model": "CNN", "fix_params": True}, conventional_cnn(True)))
    for depth, widen, rotations, flip, restrict in WRN_VARIANTS:
        configuration = {"model": "E2WRN", "depth": depth, "widen": widen, "N": rotations, "flip": flip,
                         "restrict": restrict, "fix_params": True, "classes": CLASSES}
        models.append(entry(wrn_name(depth, widen, rotations, flip, restrict), configuration,
                            e2wrn(depth, widen, rotations, flip, restrict, True)))
    return {
        "e2cnn_version": e2cnn.__version__,
        "notes": "Trainable parameters of the e2cnn paper's MNIST-rot models, built with e2cnn's modules "
                 "(see reference/architectures.py): conv<i> are R2Convs with bias and e2cnn's default basis, "
                 "bn<i> InnerBatchNorms (affine), fc<i> linear layers and fcbn<i> batch norms of the head. "
                 "restrict r > 0: the output of convolution r is restricted from D_N to C_N and disentangled "
                 "before its batch norm. fix_params: each width divided by sqrt(|G| / 16), rounded down. "
                 "E2WRN: the E(2)-equivariant Wide ResNets of the paper's CIFAR experiments (layer names as in "
                 "e2cnn_experiments, layer<stage>.<block>.bn1/conv1/bn2/conv2/shortcut; convolutions without bias, "
                 "sigma 0.45, band limit pi * radius): small variants at depth 10 and widths 1 and 2, and the paper's "
                 "CIFAR model E2WRN-28-10 D8D4D1 (its e2cnn build takes minutes); restrict 1: D_N to D_N/2 after "
                 "stage 1, 3: also to D_1 after stage 2.",
        "models": models,
    }


def write_architectures(out_dir, write_json):
    """Writes architectures.json into out_dir with the generator's JSON writer."""
    import os
    write_json(os.path.join(out_dir, "architectures.json"), architectures_json())


# ---------------------------------------------------------------------------------------------------------------
# E(2)-equivariant Wide ResNets of the paper's CIFAR experiments (depth 6n + 4, widen factor k): a 5 x 5 stem
# convolution to 16 (fixed-parameter) regular channels, three stages of n blocks with widths 16k, 32k, 64k (the
# first block of stages 2 and 3 with stride 2), each block BN-ReLU-conv-BN-ReLU-(dropout)-conv plus the input, or a
# 1 x 1 convolution of the block's normalised input where stride or type change; the last block of stage 3 maps to
# trivial fields; a final batch norm, ReLU, global average pooling and a linear layer. Restriction r: r = 1 restricts
# D_N (C_N) to D_{N/2} (C_{N/2}) after stage 1, r >= 2 also to D_1 (C_1) after stage 2 (both followed by a
# disentangling change of basis, which has no parameters). Convolutions have no bias, sigma 0.45 and the band
# limit |frequency| <= pi * radius (the experiments' F = 1); 3 x 3 kernels for groups of at most 4 rotations, else
# 5 x 5. With fixparams, a width of c channels is int(c / |G| * sqrt(|G|)) regular fields (int(c * sqrt(|G|))
# trivial ones).

WRN_SIGMA = 0.45
WRN_CUTOFF = math.pi


def wrn_fields(width, order, fix_params):
    """The number of fields of a regular (or, with order 1 in the divisor, trivial) width."""
    width = width / order
    if fix_params:
        width *= math.sqrt(order)
    return int(width)


def wrn_regular(gspace, width, fix_params):
    """Regular fields of the given channel width (the experiments' regular fiber)."""
    order = gspace.fibergroup.order()
    return enn.FieldType(gspace, [gspace.regular_repr] * wrn_fields(width, order, fix_params))


def wrn_trivial(gspace, width, fix_params):
    """Trivial fields of the given channel width (the experiments' trivial fiber)."""
    order = gspace.fibergroup.order()
    planes = width * math.sqrt(order) if fix_params else width
    return enn.FieldType(gspace, [gspace.trivial_repr] * int(planes))


def wrn_rotations(gspace):
    """The number of rotations of the fiber group (1 for reflections only)."""
    group = gspace.fibergroup
    if isinstance(gspace, gspaces.FlipRot2dOnR2):
        return group.rotation_order
    if isinstance(gspace, gspaces.Rot2dOnR2):
        return group.order()
    return 1


def wrn_conv(in_type, out_type, kernel, stride=1):
    """An R2Conv of the experiments: no bias, sigma 0.45, band limit pi * radius, padding kernel // 2."""
    return enn.R2Conv(in_type, out_type, kernel, stride=stride, padding=kernel // 2, bias=False, sigma=WRN_SIGMA,
                      frequencies_cutoff=WRN_CUTOFF, initialize=False)


def wrn_restrict(in_type, flip, rotations):
    """The type after restricting to the subgroup with the given rotations (and flips) and disentangling."""
    subgroup = (0, rotations) if flip else rotations
    restricted = enn.RestrictionModule(in_type, subgroup).out_type
    return enn.DisentangleModule(restricted).out_type


def e2wrn(depth, widen, rotations, flip, restrict, fix_params, classes=CLASSES):
    """The named layers of an E(2)-WRN: stem, blocks (layer<s>.<b>.bn1/conv1/bn2/conv2/shortcut), bn, linear."""
    n = (depth - 4) // 6
    widths = (16, 16 * widen, 32 * widen, 64 * widen)
    gspace = gspaces.FlipRot2dOnR2(rotations) if flip else gspaces.Rot2dOnR2(rotations)
    in_type = enn.FieldType(gspace, [gspace.trivial_repr] * 3)
    current = wrn_regular(gspace, widths[0], True)
    layers = [("conv1", wrn_conv(in_type, current, 5))]
    for stage in range(3):
        space = current.gspace
        kernel = 3 if wrn_rotations(space) in (1, 2, 4) else 5
        main = wrn_regular(space, widths[stage + 1], fix_params)
        last = wrn_trivial(space, widths[stage + 1], fix_params) if stage == 2 else main
        for block in range(n):
            stride = 2 if stage > 0 and block == 0 else 1
            out_type = last if block == n - 1 else main
            prefix = "layer%d.%d." % (stage + 1, block)
            layers.append((prefix + "bn1", enn.InnerBatchNorm(current)))
            layers.append((prefix + "conv1", wrn_conv(current, main, kernel)))
            layers.append((prefix + "bn2", enn.InnerBatchNorm(main)))
            layers.append((prefix + "conv2", wrn_conv(main, out_type, kernel, stride)))
            if stride != 1 or current != out_type:
                layers.append((prefix + "shortcut", wrn_conv(current, out_type, 1, stride)))
            current = out_type
        if stage == 0 and restrict >= 1:
            current = wrn_restrict(current, flip, rotations // 2)
        if stage == 1 and restrict >= 2:
            current = wrn_restrict(current, flip, 1)
    layers.append(("bn", enn.InnerBatchNorm(current)))
    layers.append(("linear", torch.nn.Linear(current.size, classes)))
    return layers
