"""The localiser: the spec's 'main' network as a backbone, plus a class head and a box head (imports keras).

Loss = sparse categorical cross-entropy (class) + box_loss_weight × mean squared error (box). Test metrics:
`accuracy` (class) and `mean_iou` (mean intersection over union of predicted and true boxes), both computed
with numpy from the test predictions so their meaning does not depend on Keras' metric naming.
"""
from __future__ import annotations

from typing import Any

import keras
import numpy as np

from models.engine import feed
from models.spec.build import BuildFailed, build_network
from models.spec.experiment import Experiment

from .boxes import box_iou


class BoxIoU(keras.metrics.Metric):
    """Mean IoU of (top, left, bottom, right) boxes over the batches seen, for the live training curves."""

    def __init__(self, name: str = "mean_iou", **kwargs: Any) -> None:
        super().__init__(name=name, **kwargs)
        self.total = self.add_weight(name="total", initializer="zeros")
        self.count = self.add_weight(name="count", initializer="zeros")

    def update_state(self, y_true: Any, y_pred: Any, sample_weight: Any = None) -> None:
        ops = keras.ops
        y_true = ops.cast(y_true, "float32")
        y_pred = ops.cast(y_pred, "float32")
        top = ops.maximum(y_true[:, 0], y_pred[:, 0])
        left = ops.maximum(y_true[:, 1], y_pred[:, 1])
        bottom = ops.minimum(y_true[:, 2], y_pred[:, 2])
        right = ops.minimum(y_true[:, 3], y_pred[:, 3])
        inter = ops.relu(bottom - top) * ops.relu(right - left)
        area_t = ops.relu(y_true[:, 2] - y_true[:, 0]) * ops.relu(y_true[:, 3] - y_true[:, 1])
        area_p = ops.relu(y_pred[:, 2] - y_pred[:, 0]) * ops.relu(y_pred[:, 3] - y_pred[:, 1])
        union = area_t + area_p - inter
        iou = ops.where(union > 0, inter / ops.maximum(union, 1e-9), ops.zeros_like(union))
        self.total.assign_add(ops.sum(iou))
        self.count.assign_add(ops.cast(ops.shape(iou)[0], "float32"))

    def result(self) -> Any:
        return self.total / keras.ops.maximum(self.count, 1.0)

    def reset_state(self) -> None:
        self.total.assign(0.0)
        self.count.assign(0.0)


def build_localizer(experiment: Experiment, num_classes: int) -> Any:
    """Backbone from the spec + 'class' (softmax) and 'box' (4 sigmoid) heads; raises BuildFailed/RecipeError."""
    spec = experiment.networks["main"]
    backbone, report = build_network(spec)
    if report.error is not None:
        raise BuildFailed(report.error)
    features = backbone.output
    if len(features.shape) > 2:
        features = keras.layers.Flatten(name="head_flatten")(features)
    class_out = keras.layers.Dense(num_classes, activation="softmax", name="class")(features)
    box_out = keras.layers.Dense(4, activation="sigmoid", name="box")(features)
    return keras.Model(backbone.inputs, {"class": class_out, "box": box_out}, name="localizer")


def evaluate_localizer(model: Any, x: np.ndarray, y: dict[str, np.ndarray], batch_size: int = 256
                       ) -> dict[str, float]:
    """accuracy, mean_iou, and the share of boxes with IoU >= 0.5, from the model's predictions."""
    pred = feed.predict(model, x, batch_size)
    cls = np.asarray(pred["class"]).argmax(axis=1)
    ious = box_iou(np.asarray(pred["box"]), y["box"])
    return {"accuracy": float((cls == np.asarray(y["class"]).ravel()).mean()), "mean_iou": float(ious.mean()),
            "iou_at_least_0.5": float((ious >= 0.5).mean())}
