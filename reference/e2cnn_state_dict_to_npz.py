"""Moves the learnable state of an e2cnn model between PyTorch and the .npz files that E2-DL4J's E2cnnWeights reads.

The learnable state is a model's state_dict without the buffers that e2cnn derives from the architecture (sampled
bases, expanded filters and biases, index tables, masks, changes of basis, GNormBatchNorm's aggregators, the norm
nonlinearities' constant eps): every parameter, plus the running statistics of the batch
normalizations (their keys contain "running_", and num_batches_tracked). It is written in state_dict order, which is
the order E2cnnWeights matches our layers by, as one little-endian .npy entry per key in a zip (what numpy.savez
writes), with fixed zip timestamps so that the same state gives the same bytes.

Command line (from a PyTorch file holding a state_dict, or back):

    python3 reference/e2cnn_state_dict_to_npz.py to-npz state_dict.pt weights.npz
    python3 reference/e2cnn_state_dict_to_npz.py to-torch weights.npz state_dict.pt

A state_dict made from an .npz has only the learnable state: load it into a model with load_into (which fills in the
derived buffers from the model itself and then calls load_state_dict strictly), or with load_state_dict(sd,
strict=False).
"""
import io
import sys
import zipfile
from collections import OrderedDict

import numpy as np
import torch

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def is_learnable(key, parameter_keys):
    """Whether a state_dict key is a parameter or a batch normalization's running statistic."""
    last = key.rsplit(".", 1)[-1]
    if is_derived(key):
        return False
    return key in parameter_keys or "running_" in last or last == "num_batches_tracked"


def learnable_state(state_dict, parameter_keys=None):
    """The learnable entries of a state_dict, in its order, as numpy arrays (float32 stays float32)."""
    if parameter_keys is None:
        parameter_keys = set(state_dict)
    return OrderedDict((k, v.detach().cpu().numpy()) for k, v in state_dict.items()
                       if is_learnable(k, parameter_keys))


def is_derived(key):
    """Whether a key names a buffer that e2cnn 0.2.3 derives from the architecture (used without the model)."""
    last = key.rsplit(".", 1)[-1]
    return ("_basisexpansion." in key or last in ("filter", "expanded_bias", "bias_expansion", "mask")
            or "indices" in last or "change_of_basis" in last or last.startswith("vars_aggregator_")
            or last.startswith("vars_propagator_") or last == "eps")


def model_state(model):
    """The learnable state of a module: its parameters and its batch normalizations' running statistics."""
    return learnable_state(model.state_dict(), {k for k, _ in model.named_parameters()})


def save_npz(path, arrays):
    """Writes arrays (key -> numpy array, in order) as an uncompressed .npz with fixed timestamps."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as zf:
        for key, value in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, np.array(value, order="C"), version=(1, 0), allow_pickle=False)
            info = zipfile.ZipInfo(key + ".npy", date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            zf.writestr(info, buffer.getvalue())


def load_npz(path):
    """Reads an .npz into an ordered dict of numpy arrays, in the file's order."""
    with np.load(path, allow_pickle=False) as data:
        return OrderedDict((key, data[key]) for key in data.files)


def load_into(model, path):
    """Loads an .npz of learnable state into a model, strictly: every key must be the model's, and every key of the
    model that the file lacks must be a derived buffer (left as the model built it: some of e2cnn's index buffers
    are expanded views, which load_state_dict cannot write)."""
    state = OrderedDict((k, torch.from_numpy(np.array(v))) for k, v in load_npz(path).items())
    result = model.load_state_dict(state, strict=False)
    missing = [k for k in result.missing_keys if not is_derived(k)]
    if result.unexpected_keys or missing:
        raise KeyError("the model has no entries %s; the file lacks %s" % (result.unexpected_keys, missing))


def main(argv):
    if len(argv) != 4 or argv[1] not in ("to-npz", "to-torch"):
        sys.exit("usage: %s to-npz STATE_DICT.pt OUT.npz | to-torch IN.npz OUT.pt" % argv[0])
    if argv[1] == "to-npz":
        save_npz(argv[3], learnable_state(torch.load(argv[2], map_location="cpu")))
    else:
        torch.save(OrderedDict((k, torch.from_numpy(np.array(v))) for k, v in load_npz(argv[2]).items()), argv[3])


if __name__ == "__main__":
    main(sys.argv)
