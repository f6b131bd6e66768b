"""The VAE recipe: encoder and decoder from the spec, joined and checked, trained on the images themselves."""
from __future__ import annotations

import numpy as np

from models.data import Dataset
from models.engine import feed
from models.engine.probe import Probe
from models.engine.recipe import Prepared, RecipeError, make_optimizer
from models.judge import quality_judge, quality_report
from models.spec.build import BuildFailed, build_network
from models.spec.experiment import Experiment
from models.spec.options import OptionError

from .joins import join_error
from .options import resolve_options
from .probes import LatentMapProbe, VAESampleProbe, latent_batch


def prepare_vae(experiment: Experiment, data: Dataset) -> Prepared:
    """Variational autoencoder: trains on the training images, validates on the validation images; the
    exported model is the decoder (a generator of digits from z ~ N(0, I))."""
    from .model import VAE

    try:
        opts = resolve_options(experiment)
    except OptionError as exc:
        raise RecipeError(str(exc)) from None
    image_shape = tuple(data.info.input_shape)
    if data.info.input_dtype != "float32" or data.x_train is None or len(image_shape) not in (1, 3):
        raise RecipeError(f"a VAE learns to redraw images; dataset '{data.info.name}' does not hold images")
    for role in ("encoder", "decoder"):
        if role not in experiment.networks:
            raise RecipeError(f"a VAE needs a network with the role '{role}'")
    cfg = experiment.training
    try:
        classifier = quality_judge(opts, image_shape, cfg.seed)
    except ValueError as exc:
        raise RecipeError(str(exc)) from None

    encoder, e_report = build_network(experiment.networks["encoder"], "encoder")
    decoder, d_report = build_network(experiment.networks["decoder"], "decoder")
    error = join_error(experiment, {"encoder": e_report, "decoder": d_report})
    if error is not None:
        raise BuildFailed(error)
    latent = int(experiment.networks["decoder"].input_shape[0])
    x = np.asarray(data.x_train, dtype="float32")
    if x.size and (float(x.min()) < 0.0 or float(x.max()) > 1.0):
        raise RecipeError(f"a VAE's binary cross-entropy needs pixels in [0, 1]; '{data.info.name}' has values "
                          f"from {float(x.min()):.3g} to {float(x.max()):.3g}")
    if len(x) < cfg.batch_size:
        raise RecipeError(f"one update needs a batch of {cfg.batch_size} images but '{data.info.name}' has "
                          f"{len(x)}: lower the batch size")

    model = VAE(encoder, decoder, latent, beta=opts["beta"], seed=cfg.seed, name="vae")
    model.compile(optimizer=make_optimizer(cfg.optimizer, cfg.learning_rate), jit_compile=False)
    export = model.export_decoder()
    steps = -(-len(x) // cfg.batch_size)

    validation = None
    if data.x_val is not None and len(data.x_val):
        x_val = np.asarray(data.x_val, dtype="float32")
        validation = (x_val, x_val)
    lx, ly = latent_batch(data, opts["latent_points"], cfg.seed)
    probes: list[Probe] = [VAESampleProbe(latent, opts["grid_rows"], opts["grid_columns"], steps),
                           LatentMapProbe(lx, ly, latent, opts["manifold_size"], steps)]

    def evaluate() -> dict[str, float]:
        out: dict[str, float] = {}
        if data.x_test is not None and len(data.x_test):
            x_test = np.asarray(data.x_test, dtype="float32")
            out.update(feed.evaluate(model, x_test, x_test, cfg.batch_size))
        if classifier is not None:
            report = quality_report(export, classifier, 1000)
            out.update({k: float(v) for k, v in report.items() if k not in ("histogram", "count")})
        return out

    # y = x: the targets are the images themselves (train_step reads x only; it keeps every data adapter happy)
    return Prepared(model=model, x=x, y=x, validation_data=validation, evaluate=evaluate, export_model=export,
                    probes=probes, samples_per_epoch=len(x), watch=("loss",))
