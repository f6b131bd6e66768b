"""The join between a VAE's encoder and decoder: the encoder gives a mean and a log-variance per latent number,
the decoder draws the encoder's image from a code."""
from __future__ import annotations

import math

from models.heads import input_mismatch
from models.spec.build import BuildError, ShapeReport, format_shape, validate_network
from models.spec.catalog import last_activation
from models.spec.experiment import Experiment

ROLES: tuple[str, ...] = ("encoder", "decoder")


def join_error(experiment: Experiment, reports: dict[str, ShapeReport] | None = None) -> BuildError | None:
    """Check both networks and the join between them; the first problem found, pinned to a role and layer.

    `reports` are the editor's shape reports per role; without them the stacks are validated here (which
    imports keras). Checks, in order: both roles exist, the decoder reads a latent vector, each stack builds,
    the encoder ends with 2 × latent numbers per image (mean and log-variance), with a linear activation
    (a log-variance can be negative), the decoder draws the encoder's image shape with sigmoid pixels (the
    reconstruction loss is a binary cross-entropy), and the dataset's images match the encoder's input.
    """
    for role in ROLES:
        if role not in experiment.networks:
            return BuildError(-1, "Input", f"a VAE needs a network with the role '{role}'", role)
    enc, dec = experiment.networks["encoder"], experiment.networks["decoder"]
    if len(dec.input_shape) != 1:
        return BuildError(-1, "Input", f"the decoder reads a latent vector z: give it a 1-D shape such as (2,), "
                          f"not {tuple(dec.input_shape)}", "decoder")
    if reports is None:
        reports = {role: validate_network(experiment.networks[role], role) for role in ROLES}
    for role in ROLES:
        report = reports.get(role)
        if report is not None and report.error is not None:
            return report.error
    latent = int(dec.input_shape[0])
    last_e = len(enc.layers) - 1
    e_type = enc.layers[last_e].type if enc.layers else "Input"
    e_out = reports["encoder"].output_shape if reports.get("encoder") is not None else None
    if e_out is not None and (len(e_out) != 2 or e_out[1] != 2 * latent):
        return BuildError(last_e, e_type, f"the encoder outputs {format_shape(tuple(e_out))} but must give "
                          f"2 × {latent} = {2 * latent} numbers per image (the decoder reads {latent}): the "
                          f"first {latent} are the mean of q(z|x), the other {latent} its log-variance. End the "
                          f"encoder with Dense({2 * latent}, linear), or change the decoder's input size",
                          "encoder")
    act = last_activation(enc)
    if act not in (None, "linear"):
        return BuildError(last_e, e_type, f"the encoder's last activation must be linear, not {act}: a mean and "
                          "a log-variance can be any real number", "encoder")
    last_d = len(dec.layers) - 1
    d_type = dec.layers[last_d].type if dec.layers else "Input"
    d_out = reports["decoder"].output_shape if reports.get("decoder") is not None else None
    want = tuple(enc.input_shape)
    if d_out is not None and tuple(d_out[1:]) != want:
        hint = ""
        if math.prod(d for d in d_out[1:] if d) == math.prod(want):
            hint = f": end the decoder with Reshape to {'×'.join(str(d) for d in want)}"
        return BuildError(last_d, d_type, f"the decoder draws {format_shape(tuple(d_out))} but the encoder reads "
                          f"{format_shape((None, *want))}; a reconstruction must have the image's shape{hint}",
                          "decoder")
    if last_activation(dec) != "sigmoid":
        return BuildError(last_d, d_type, "the decoder's last activation must be sigmoid: each output pixel is "
                          "the probability of ink, which the binary cross-entropy compares with the image",
                          "decoder")
    return input_mismatch(experiment.dataset, want, "encoder", "encoder", experiment.dataset_options)
