"""The plain supervised recipe: one network, compile, fit, evaluate."""
from __future__ import annotations

from typing import Any

from models.data import Dataset
from models.engine import feed
from models.engine.recipe import Prepared, RecipeError, make_optimizer
from models.spec.build import BuildFailed, build_network
from models.spec.catalog import last_activation
from models.spec.experiment import LOSSES, Experiment

from .joins import join_error


def resolve_loss(loss: str, task: str, output_shape: tuple[int | None, ...], last_activation: str | None) -> Any:
    """'auto' picks the loss that matches the task and the output layer."""
    import keras

    if loss != "auto":
        if loss not in LOSSES:
            raise RecipeError(f"unknown loss '{loss}' (known: {', '.join(LOSSES)})")
        return loss
    units = output_shape[-1] if output_shape else None
    from_logits = last_activation not in ("softmax", "sigmoid")
    if task == "binary" or units == 1:
        return keras.losses.BinaryCrossentropy(from_logits=from_logits)
    return keras.losses.SparseCategoricalCrossentropy(from_logits=from_logits)


def resolve_metrics(metrics: list[str], task: str, units: int | None, from_logits: bool) -> list[Any]:
    import keras

    out: list[Any] = []
    for m in metrics:
        if m == "accuracy" and (task == "binary" or units == 1):
            out.append(keras.metrics.BinaryAccuracy(name="accuracy", threshold=0.0 if from_logits else 0.5))
        else:
            out.append(m)
    return out


def prepare_supervised(experiment: Experiment, data: Dataset) -> Prepared:
    if "main" not in experiment.networks:
        raise RecipeError("a supervised experiment needs a network with the role 'main'")
    spec = experiment.networks["main"]
    if tuple(spec.input_shape) != tuple(data.info.input_shape):
        raise RecipeError(f"the network expects inputs of shape {tuple(spec.input_shape)} but dataset "
                          f"'{data.info.name}' gives {tuple(data.info.input_shape)}: change the input shape or "
                          "pick another dataset")
    model, report = build_network(spec)
    if report.error is not None:
        raise BuildFailed(report.error)
    mismatch = join_error(experiment, {"main": report})
    if mismatch is not None:
        raise BuildFailed(mismatch)
    out_shape = report.output_shape or ()
    units = out_shape[-1] if out_shape else None
    cfg = experiment.training
    if cfg.initial_weights:
        start_from_file(model, cfg.initial_weights)
    activation = last_activation(spec)
    loss = resolve_loss(cfg.loss, data.info.task, out_shape, activation)
    from_logits = bool(getattr(loss, "get_config", lambda: {})().get("from_logits", False))
    model.compile(optimizer=make_optimizer(cfg.optimizer, cfg.learning_rate), loss=loss,
                  metrics=resolve_metrics(cfg.metrics, data.info.task, units, from_logits))

    def evaluate() -> dict[str, float]:
        return feed.evaluate(model, data.x_test, data.y_test, max(cfg.batch_size, 256))

    return Prepared(model=model, x=data.x_train, y=data.y_train, validation_data=(data.x_val, data.y_val),
                    evaluate=evaluate, samples_per_epoch=len(data.x_train),
                    export_model=with_standardisation(model, data))


def start_from_file(model: Any, path: str) -> None:
    """The weights of an opened .keras model, copied into the stack built from its specs."""
    from models.spec.keras_import import ImportRefused, copy_weights, import_keras

    try:
        copy_weights(import_keras(path).model, model)
    except ImportRefused as exc:
        raise RecipeError(f"training.initial_weights: {exc}") from None


def with_standardisation(model: Any, data: Dataset) -> Any:
    """For a table: the exported model standardises raw values itself, so an app that loads it feeds the CSV's
    numbers as they are. None otherwise.

    The step (x - mean) / std is a frozen Dense layer with a diagonal kernel (1/std) and bias (-mean/std): a
    Normalization layer given its statistics keeps them as constants, which tf2onnx turns into inputs the
    ONNX file then asks for; plain weights travel through every format.
    """
    stats = data.info.extras.get("standardise")
    if not stats:
        return None
    import keras
    import numpy as np

    mean = np.asarray(stats["mean"], dtype="float32")
    std = np.asarray(stats["std"], dtype="float32")
    raw = keras.Input(shape=tuple(data.info.input_shape), name="raw_features")
    standardise = keras.layers.Dense(len(mean), name="standardise", trainable=False)
    out = model(standardise(raw))
    standardise.set_weights([np.diag(1.0 / std).astype("float32"), (-mean / std).astype("float32")])
    return keras.Model(raw, out, name=f"{model.name}_on_raw_values")
