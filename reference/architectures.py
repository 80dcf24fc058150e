"""Parameter counts of the e2cnn paper's MNIST-rot models (Weiler and Cesa 2019), built with e2cnn 0.2.3.

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
    return {
        "e2cnn_version": e2cnn.__version__,
        "notes": "Trainable parameters of the e2cnn paper's MNIST-rot models, built with e2cnn's modules "
                 "(see reference/architectures.py): conv<i> are R2Convs with bias and e2cnn's default basis, "
                 "bn<i> InnerBatchNorms (affine), fc<i> linear layers and fcbn<i> batch norms of the head. "
                 "restrict r > 0: the output of convolution r is restricted from D_N to C_N and disentangled "
                 "before its batch norm. fix_params: each width divided by sqrt(|G| / 16), rounded down.",
        "models": models,
    }


def write_architectures(out_dir, write_json):
    """Writes architectures.json into out_dir with the generator's JSON writer."""
    import os
    write_json(os.path.join(out_dir, "architectures.json"), architectures_json())
