"""After training: the confusion matrix and the test images the model got wrong most confidently.

`evaluate_classifier` needs a Keras model and must run on the training thread (e.g. through
`TrainingSession.with_model(fn, which="train")`); everything it returns is numpy, and the helpers below it
work on plain arrays.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from models.engine import feed
from models.outputs import class_output, probabilities


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, num_classes: int) -> np.ndarray:
    """(C, C) counts; row = true class, column = predicted class."""
    t = np.asarray(y_true).astype(int).ravel()
    p = np.asarray(y_pred).astype(int).ravel()
    if t.shape != p.shape:
        raise ValueError(f"{len(t)} true labels but {len(p)} predictions")
    if num_classes < 1:
        raise ValueError("num_classes must be at least 1")
    if len(t) and (t.min() < 0 or p.min() < 0 or t.max() >= num_classes or p.max() >= num_classes):
        raise ValueError(f"labels must lie in 0..{num_classes - 1}")
    m = np.zeros((num_classes, num_classes), dtype="int64")
    np.add.at(m, (t, p), 1)
    return m


@dataclass(frozen=True)
class WrongExample:
    index: int  # position in the evaluated arrays (e.g. x_test[index])
    true_class: int
    predicted_class: int
    confidence: float  # the probability the model gave its (wrong) answer
    true_probability: float  # the probability it gave the right answer


def most_confidently_wrong(probabilities: np.ndarray, y_true: np.ndarray, n: int = 16) -> list[WrongExample]:
    """The `n` misclassified examples with the highest probability on the wrong answer, most confident first."""
    probs = np.asarray(probabilities, dtype=float)
    t = np.asarray(y_true).astype(int).ravel()
    pred = probs.argmax(axis=1)
    wrong = np.flatnonzero(pred != t)
    conf = probs[wrong, pred[wrong]]
    order = wrong[np.argsort(-conf, kind="stable")][: max(0, n)]
    return [WrongExample(int(i), int(t[i]), int(pred[i]), float(probs[i, pred[i]]), float(probs[i, t[i]]))
            for i in order]


@dataclass
class ClassifierEvaluation:
    """Predictions on a labelled set, with the views the results panel draws."""

    y_true: np.ndarray  # (N,) int
    probabilities: np.ndarray  # (N, C)
    class_names: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.y_true = np.asarray(self.y_true).astype(int).ravel()
        self.probabilities = np.asarray(self.probabilities, dtype="float32")
        if not self.class_names:
            self.class_names = [str(i) for i in range(self.probabilities.shape[1])]
        self.y_pred = self.probabilities.argmax(axis=1)
        self.matrix = confusion_matrix(self.y_true, self.y_pred, self.num_classes)

    @property
    def num_classes(self) -> int:
        return int(self.probabilities.shape[1])

    @property
    def accuracy(self) -> float:
        return float((self.y_pred == self.y_true).mean()) if len(self.y_true) else float("nan")

    def cell(self, true_class: int, predicted_class: int) -> np.ndarray:
        """Indices of the examples in one confusion-matrix cell (click a cell -> show these images)."""
        return np.flatnonzero((self.y_true == true_class) & (self.y_pred == predicted_class))

    def confidently_wrong(self, n: int = 16) -> list[WrongExample]:
        return most_confidently_wrong(self.probabilities, self.y_true, n)

    def per_class_accuracy(self) -> np.ndarray:
        totals = self.matrix.sum(axis=1)
        return np.where(totals > 0, np.diag(self.matrix) / np.maximum(totals, 1), np.nan)


def evaluate_classifier(model: Any, x: np.ndarray, y: Any, class_names: list[str] | None = None,
                        batch_size: int = 256) -> ClassifierEvaluation:
    """Predict `x` with a trained model (on the training thread) and wrap the results.

    `y` may be the labels or, for a localiser, its {'class': ..., 'box': ...} targets; a model with several
    outputs is read through its 'class' head.
    """
    labels = y.get("class") if isinstance(y, dict) else y
    labels = np.asarray(labels)
    if labels.ndim > 1 and labels.shape[-1] > 1:
        labels = labels.argmax(axis=-1)  # one-hot
    raw = class_output(feed.predict(model, x, batch_size))
    return ClassifierEvaluation(labels.ravel(), probabilities(np.asarray(raw)), list(class_names or []))
