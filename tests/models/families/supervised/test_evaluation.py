"""After training: the confusion matrix and the most confidently wrong examples."""
from __future__ import annotations

import numpy as np
import pytest

from models.families.supervised.evaluation import (ClassifierEvaluation, confusion_matrix, evaluate_classifier,
                                                   most_confidently_wrong)
from models.spec.experiment import LayerSpec, NetworkSpec


# --- evaluation ---------------------------------------------------------------------------------------------
def test_confusion_matrix_and_confidently_wrong() -> None:
    y_true = np.array([0, 0, 1, 1, 2, 2, 2])
    probs = np.array([[0.9, 0.1, 0.0], [0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0.05, 0.05, 0.9], [0.0, 0.1, 0.9],
                      [0.6, 0.3, 0.1], [0.1, 0.2, 0.7]])
    m = confusion_matrix(y_true, probs.argmax(axis=1), 3)
    assert m.tolist() == [[1, 1, 0], [0, 1, 1], [1, 0, 2]]
    wrong = most_confidently_wrong(probs, y_true, 5)
    assert [w.index for w in wrong] == [3, 1, 5]  # 0.9, 0.7, 0.6
    assert wrong[0].true_class == 1 and wrong[0].predicted_class == 2 and wrong[0].confidence == pytest.approx(0.9)
    assert wrong[0].true_probability == pytest.approx(0.05)
    ev = ClassifierEvaluation(y_true, probs)
    assert ev.accuracy == pytest.approx(4 / 7)
    assert ev.cell(2, 0).tolist() == [5] and ev.cell(0, 0).tolist() == [0]
    assert np.allclose(ev.per_class_accuracy(), [0.5, 0.5, 2 / 3])
    with pytest.raises(ValueError):
        confusion_matrix([0, 3], [0, 1], 3)


def test_evaluate_classifier_with_a_keras_model() -> None:
    from models.spec.build import build_model

    model = build_model(NetworkSpec((2,), [LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})]))
    model.set_weights([np.array([[1.0], [0.0]], dtype="float32"), np.array([0.0], dtype="float32")])
    x = np.array([[-2.0, 0.0], [3.0, 1.0], [1.0, 0.0], [-2.0, 5.0]], dtype="float32")
    y = np.array([[0.0], [1.0], [0.0], [1.0]], dtype="float32")
    ev = evaluate_classifier(model, x, y, ["no", "yes"])
    assert ev.probabilities.shape == (4, 2) and ev.y_pred.tolist() == [0, 1, 1, 0]
    assert ev.matrix.tolist() == [[1, 1], [1, 1]] and ev.class_names == ["no", "yes"]
    wrong = ev.confidently_wrong(5)
    assert [w.index for w in wrong] == [3, 2]  # 1 - sigmoid(-2) = 0.88 beats sigmoid(1) = 0.73
    assert wrong[0].confidence == pytest.approx(1 - 1 / (1 + np.exp(2.0)), abs=1e-6)
