"""The join between a GAN's two networks: the generator draws what the discriminator reads."""
from __future__ import annotations

import dataclasses
import math

from models.data import DatasetError, dataset_shape
from models.heads import input_mismatch
from models.spec.build import BuildError, ShapeReport, format_shape, validate_network
from models.spec.catalog import last_activation
from models.spec.experiment import Experiment, NetworkSpec


def conditioned_networks(experiment: Experiment, num_classes: int = 10) -> dict[str, NetworkSpec]:
    """The stacks exactly as a conditional GAN builds them: each input gains room for the label.

    The user edits the generator with a plain noise input (latent,) and the discriminator with a plain image
    input. The recipe joins the label around those stacks: the generator sees the noise with the label's
    one-hot code appended (latent + classes numbers); an image discriminator sees one extra channel, a
    learned 'label plane' (an embedding of the label, one value per pixel); a flat discriminator sees the
    one-hot code appended. Only the first layer of each stack changes size.
    """
    out: dict[str, NetworkSpec] = {}
    gen = experiment.networks["generator"]
    out["generator"] = dataclasses.replace(gen, input_shape=(*gen.input_shape[:-1],
                                                               gen.input_shape[-1] + num_classes))
    disc = experiment.networks["discriminator"]
    extra = 1 if len(disc.input_shape) == 3 else num_classes
    out["discriminator"] = dataclasses.replace(disc, input_shape=(*disc.input_shape[:-1],
                                                                   disc.input_shape[-1] + extra))
    return out


def join_error(experiment: Experiment, reports: dict[str, ShapeReport] | None = None) -> BuildError | None:
    """Check both networks and the join between them; the first problem found, pinned to a role and layer.

    `reports` are the editor's shape reports per role (from `build.validate_network`); without them the
    networks are built here (which imports keras). Checks, in order: both roles exist, the generator takes
    a noise vector, each stack builds, the generator's output shape equals the discriminator's input shape,
    the discriminator ends with one number per example, a WGAN critic ends without a squashing activation,
    and the dataset's images match the discriminator's input.
    """
    for role in ("generator", "discriminator"):
        if role not in experiment.networks:
            return BuildError(-1, "Input", f"a {experiment.family} experiment needs a network with the role "
                              f"'{role}'", role)
    gen, disc = experiment.networks["generator"], experiment.networks["discriminator"]
    if len(gen.input_shape) != 1:
        return BuildError(-1, "Input", f"the generator's input is the noise vector z: give it a 1-D shape such "
                          f"as (64,), not {tuple(gen.input_shape)}", "generator")
    if reports is None:
        reports = {role: validate_network(experiment.networks[role], role) for role in ("generator",
                                                                                         "discriminator")}
    for role in ("generator", "discriminator"):
        report = reports.get(role)
        if report is not None and report.error is not None:
            return report.error
    last_g = len(gen.layers) - 1
    g_out = reports["generator"].output_shape
    want = tuple(disc.input_shape)
    if g_out is not None and tuple(g_out[1:]) != want:
        hint = ""
        if math.prod(d for d in g_out[1:] if d) == math.prod(want):
            hint = f": end the generator with Reshape to {'×'.join(str(d) for d in want)}"
        return BuildError(last_g, gen.layers[last_g].type if gen.layers else "Input",
                          f"the generator makes {format_shape(tuple(g_out))} but the discriminator reads "
                          f"{format_shape((None, *want))}; both must be the same image shape{hint}", "generator")
    last_d = len(disc.layers) - 1
    d_out = reports["discriminator"].output_shape
    d_type = disc.layers[last_d].type if disc.layers else "Input"
    critic = "critic" if experiment.family == "wgan" else "discriminator"
    if d_out is not None and (len(d_out) != 2 or d_out[1] != 1):
        return BuildError(last_d, d_type, f"the {critic} must end with one number per image (Dense with 1 unit), "
                          f"but it outputs {format_shape(tuple(d_out))}", "discriminator")
    act = last_activation(disc)
    if experiment.family == "wgan" and act in ("sigmoid", "softmax", "tanh"):
        return BuildError(last_d, d_type, f"a WGAN critic gives an unbounded score, not a probability: set its "
                          f"last activation to linear instead of {act}", "discriminator")
    if experiment.family != "wgan" and act not in (None, "linear", "sigmoid"):
        return BuildError(last_d, d_type, f"the discriminator's last activation must be linear (a logit) or "
                          f"sigmoid (a probability), not {act}", "discriminator")
    mismatch = input_mismatch(experiment.dataset, want, "discriminator", "discriminator",
                              experiment.dataset_options)
    if mismatch is not None:
        return mismatch
    if experiment.family == "cgan" and not _has_classes(experiment.dataset):
        return BuildError(-1, "Input", f"a conditional GAN needs labelled images; '{experiment.dataset}' has "
                          "no classes", "discriminator")
    return None


def _has_classes(dataset: str) -> bool:
    """False when the dataset's images carry no labels to condition on (an unknown dataset passes: its loader
    reports that in its own words)."""
    try:
        return dataset_shape(dataset).num_classes >= 2
    except DatasetError:
        return True
