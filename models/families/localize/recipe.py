"""The "localize" recipe: class + box heads on the spec's backbone, trained through `fit`."""
from __future__ import annotations

from models.data import Dataset
from models.engine.recipe import Prepared, RecipeError, make_optimizer
from models.spec.experiment import Experiment
from models.spec.options import OptionError, checked_options


def prepare_localize(experiment: Experiment, data: Dataset) -> Prepared:
    import keras

    from .model import BoxIoU, build_localizer, evaluate_localizer

    try:
        box_weight = checked_options("localize", experiment.options)["box_loss_weight"]
    except OptionError as exc:
        raise RecipeError(str(exc)) from None
    if "main" not in experiment.networks:
        raise RecipeError("a localisation experiment needs a backbone network with the role 'main'")
    if data.info.task != "localisation" or not isinstance(data.y_train, dict) or "box" not in data.y_train:
        raise RecipeError(f"the localize recipe needs a dataset with class and box targets, such as 'localize'; "
                          f"'{data.info.name}' has none")
    spec = experiment.networks["main"]
    if tuple(spec.input_shape) != tuple(data.info.input_shape):
        raise RecipeError(f"the network expects inputs of shape {tuple(spec.input_shape)} but dataset "
                          f"'{data.info.name}' gives {tuple(data.info.input_shape)}: change the input shape")
    model = build_localizer(experiment, data.info.num_classes)
    cfg = experiment.training
    model.compile(optimizer=make_optimizer(cfg.optimizer, cfg.learning_rate),
                  loss={"class": keras.losses.SparseCategoricalCrossentropy(), "box": keras.losses.MeanSquaredError()},
                  loss_weights={"class": 1.0, "box": box_weight},
                  metrics={"class": [keras.metrics.SparseCategoricalAccuracy(name="accuracy")],
                           "box": [BoxIoU(name="mean_iou")]})

    def evaluate() -> dict[str, float]:
        return evaluate_localizer(model, data.x_test, data.y_test, batch_size=max(cfg.batch_size, 256))

    return Prepared(model=model, x=data.x_train, y=data.y_train, validation_data=(data.x_val, data.y_val),
                    evaluate=evaluate, samples_per_epoch=len(data.x_train))
