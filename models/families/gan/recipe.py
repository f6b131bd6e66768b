"""The GAN recipes: build both players from the spec, join them (with the label for a cgan), rescale the real
images to what the generator can draw, and hand `fit` a GAN, WGAN or CGAN model (model.py) to train."""
from __future__ import annotations

import numpy as np

from models.data import Dataset
from models.engine.probe import Probe
from models.engine.recipe import Prepared, RecipeError, make_optimizer
from models.judge import quality_judge, quality_report
from models.spec.build import BuildFailed, build_network
from models.spec.catalog import last_activation
from models.spec.experiment import Experiment, NetworkSpec
from models.spec.options import OptionError

from .joins import conditioned_networks, join_error
from .options import resolve_options
from .probes import ClassHistogramProbe, SampleGridProbe


def data_range(generator: NetworkSpec) -> tuple[float, float]:
    """The pixel range real images are rescaled to, matching what the generator's last activation can output.

    tanh (the usual choice) gives [-1, 1]; sigmoid gives [0, 1]; anything else is trained against [-1, 1].
    """
    return (0.0, 1.0) if last_activation(generator) == "sigmoid" else (-1.0, 1.0)



def prepare_gan(experiment: Experiment, data: Dataset) -> Prepared:
    """gan (dense or convolutional stacks: non-saturating loss, k discriminator steps per G step), wgan (linear
    critic, weight clipping, n_critic critic steps per G step) and cgan (both players see the label; the
    exported generator takes [noise, label])."""
    from .model import CGAN, GAN, WGAN, conditional_pair

    family = experiment.family
    try:
        opts = resolve_options(experiment)
    except OptionError as exc:
        raise RecipeError(str(exc)) from None
    for role in ("generator", "discriminator"):
        if role not in experiment.networks:
            raise RecipeError(f"a {family} experiment needs a network with the role '{role}'")
    gen_spec, disc_spec = experiment.networks["generator"], experiment.networks["discriminator"]
    image_shape = tuple(data.info.input_shape)
    if len(image_shape) not in (1, 3) or data.info.input_dtype != "float32" or data.x_train is None:
        raise RecipeError(f"a {family} learns to draw images; dataset '{data.info.name}' does not hold images")
    num_classes = data.info.num_classes if family == "cgan" else 0
    if family == "cgan" and num_classes < 2:
        raise RecipeError(f"a conditional GAN needs labelled images; '{data.info.name}' has no classes")
    cfg = experiment.training
    try:
        classifier = quality_judge(opts, image_shape, cfg.seed)
    except ValueError as exc:
        raise RecipeError(str(exc)) from None

    # Build and check the stacks (the cgan stacks with room for the label), then the join between them.
    specs = conditioned_networks(experiment, num_classes) if num_classes else {"generator": gen_spec,
                                                                                "discriminator": disc_spec}
    generator, g_report = build_network(specs["generator"], "generator")
    discriminator, d_report = build_network(specs["discriminator"], "discriminator")
    error = join_error(experiment, {"generator": g_report, "discriminator": d_report})
    if error is not None:
        raise BuildFailed(error)
    if image_shape != tuple(disc_spec.input_shape):
        raise RecipeError(f"dataset '{data.info.name}' gives images of shape {image_shape} but the discriminator "
                          f"reads {tuple(disc_spec.input_shape)}")
    latent_dim = int(gen_spec.input_shape[0])
    if num_classes:
        generator, discriminator = conditional_pair(generator, discriminator, latent_dim, image_shape, num_classes)

    # Real images rescaled to the range the generator can draw; the discriminator sees both on the same scale.
    lo, hi = data_range(gen_spec)
    x = np.concatenate([data.x_train, data.x_val]) if data.x_val is not None and len(data.x_val) else data.x_train
    x = (lo + (hi - lo) * np.asarray(x, dtype="float32")).astype("float32")
    y = None
    if num_classes:
        y = np.concatenate([data.y_train, data.y_val]) if data.x_val is not None and len(data.x_val) \
            else data.y_train
        y = np.asarray(y, dtype="int32")
    k = opts["n_critic"] if family == "wgan" else opts["d_steps"]
    per_fit_batch = k * cfg.batch_size
    if len(x) < per_fit_batch:
        raise RecipeError(f"one generator step needs {k} x {cfg.batch_size} = {per_fit_batch} real images but "
                          f"'{data.info.name}' has {len(x)}: lower the batch size or the number of "
                          f"{'critic' if family == 'wgan' else 'discriminator'} steps")
    steps = len(x) // per_fit_batch
    keep = steps * per_fit_batch  # whole fit batches only, so every discriminator step gets batch_size images
    x = x[:keep]
    y = None if y is None else y[:keep]

    common = dict(latent_dim=latent_dim, d_steps=k, output_range=(lo, hi), seed=cfg.seed, name=family)
    d_act = last_activation(disc_spec)
    if family == "wgan":
        model: GAN = WGAN(generator, discriminator, clip=opts["clip"], **common)
    elif family == "cgan":
        model = CGAN(generator, discriminator, num_classes=num_classes, label_smoothing=opts["label_smoothing"],
                     d_logits=d_act != "sigmoid", generator_loss=opts["generator_loss"], **common)
    else:
        model = GAN(generator, discriminator, label_smoothing=opts["label_smoothing"], d_logits=d_act != "sigmoid",
                    generator_loss=opts["generator_loss"], **common)
    model.compile(d_optimizer=make_optimizer(opts["d_optimizer"], opts["d_learning_rate"], beta_1=opts["beta_1"]),
                  g_optimizer=make_optimizer(opts["g_optimizer"], opts["g_learning_rate"], beta_1=opts["beta_1"]),
                  jit_compile=False)
    export = model.export_generator()

    probes: list[Probe] = [SampleGridProbe(latent_dim, opts["grid_rows"], opts["grid_columns"], num_classes,
                                           steps)]
    evaluate = None
    if classifier is not None:
        probes.append(ClassHistogramProbe(classifier, latent_dim, 200, num_classes))

        def evaluate() -> dict[str, float]:
            report = quality_report(export, classifier, 1000)
            return {k: float(v) for k, v in report.items() if k not in ("histogram", "count")}

    watch = ("d_loss", "g_loss")
    return Prepared(model=model, x=x, y=y, fit_kwargs={"batch_size": per_fit_batch, "steps_per_epoch": steps},
                    evaluate=evaluate, export_model=export, probes=probes, samples_per_epoch=keep, watch=watch)
