"""Localisation: the placed-digit dataset, box IoU, the preset and the two-headed recipe through the CLI."""
from __future__ import annotations

import json

import numpy as np
import pytest

from models.data import dataset_shape, load_dataset
from models.data.localize import ink_box, load_localize, place_digits
from models.families.localize.boxes import box_iou, box_to_pixels


def test_placed_digits_and_their_boxes() -> None:
    data = load_localize(seed=3, copies=2, limit=40)
    assert data.x_train.shape == (80, 56, 56, 1) and data.x_train.dtype == np.float32
    assert data.y_train["class"].shape == (80,) and data.y_train["box"].shape == (80, 4)
    assert len(data.x_test) == 750 and len(data.x_val) == 750  # 15% of 5,000 each, placed once
    assert data.info.task == "localisation" and data.info.num_classes == 10
    # The two copies of each digit sit at different places.
    assert not np.array_equal(data.y_train["box"][:40], data.y_train["box"][40:])
    for img, box in zip(data.x_test[:50, :, :, 0], data.y_test["box"][:50]):
        top, left, bottom, right = (np.asarray(box) * 56).round().astype(int)
        assert 0 <= top < bottom <= 56 and 0 <= left < right <= 56
        assert img.sum() == pytest.approx(img[top:bottom, left:right].sum())  # all ink inside the box
        assert (top, left, bottom, right) == ink_box(img)  # and the box is tight
    tops = data.y_test["box"][:, 0]
    assert tops.min() < 0.1 and tops.max() > 0.4  # positions really vary
    same = load_localize(seed=3, copies=2, limit=40)
    assert np.array_equal(same.x_train, data.x_train)  # seeded
    assert dataset_shape("localize").input_shape == (56, 56, 1)


def test_place_digits_and_errors() -> None:
    digits = np.zeros((1, 28, 28), dtype="float32")
    digits[0, 5:20, 10:14] = 1.0
    images, boxes = place_digits(digits, np.random.default_rng(0), canvas=28)  # no room to move
    assert np.array_equal(images[0, :, :, 0], digits[0])
    assert np.allclose(boxes[0] * 28, [5, 10, 20, 14])
    from models.data import DatasetError
    with pytest.raises(DatasetError, match="copies"):
        load_localize(copies=0)
    with pytest.raises(DatasetError, match="'colour' is not an option"):
        load_dataset("localize", {"colour": True})


def test_box_iou() -> None:
    a = np.array([0.0, 0.0, 0.5, 0.5])
    assert box_iou(a, a) == pytest.approx(1.0)
    assert box_iou(a, np.array([0.5, 0.5, 1.0, 1.0])) == 0.0  # touching corners only
    assert box_iou(a, np.array([0.25, 0.0, 0.75, 0.5])) == pytest.approx(1 / 3)  # half overlaps
    assert box_iou(a, np.array([0.6, 0.6, 0.2, 0.2])) == 0.0  # an inverted (empty) prediction
    many = box_iou(np.stack([a, a]), np.stack([a, np.array([0.0, 0.0, 0.25, 0.5])]))
    assert many.shape == (2,) and many[1] == pytest.approx(0.5)
    assert box_to_pixels(np.array([0.25, 0.5, 0.75, 1.0]), 56) == (14, 28, 42, 56)


def test_keras_iou_metric_matches_numpy() -> None:
    from models.families.localize.model import BoxIoU

    rng = np.random.default_rng(0)
    t = np.sort(rng.random((16, 2, 2)), axis=1).reshape(16, 4)[:, [0, 2, 1, 3]].astype("float32")
    p = np.clip(t + rng.normal(0, 0.1, t.shape), 0, 1).astype("float32")
    metric = BoxIoU()
    metric.update_state(t[:10], p[:10])
    metric.update_state(t[10:], p[10:])
    assert float(metric.result()) == pytest.approx(float(box_iou(p, t).mean()), abs=1e-5)


def test_preset_and_recipe_errors() -> None:
    from models.spec.build import validate_network
    from models.spec.presets import PresetError, all_presets, get_preset
    from models.spec.experiment import Experiment
    from models.engine.events import Failed, RecordingReporter
    from models.engine.session import TrainingSession

    preset = get_preset("localize")
    assert preset in all_presets() and preset.group == "Convolutional"
    exp = preset.make()
    assert exp.family == "localize" and exp.dataset == "localize"
    report = validate_network(exp.networks["main"])
    assert report.ok and report.output_shape == (None, 128)
    with pytest.raises(PresetError, match="localize"):
        preset.make("mnist")
    wrong = Experiment.from_json(exp.to_json())
    wrong.dataset = "mnist-offline"
    wrong.networks["main"].input_shape = (28, 28, 1)
    reporter = RecordingReporter()
    session = TrainingSession()
    try:
        result = session.start(wrong, reporter).result(timeout=120)
    finally:
        session.shutdown()
    assert result.status == "failed"
    assert "class and box targets" in reporter.of(Failed)[0].message


def test_train_localize_cli_reports_accuracy_and_mean_iou(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    import main
    from models.spec.presets import get_preset

    exp = get_preset("localize").make()
    exp.dataset_options = {"limit": 200, "copies": 1}
    exp.training.epochs = 2
    project = tmp_path / "loc.json"
    project.write_text(exp.to_json(), encoding="utf-8")
    assert main.main(["train", str(project), "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    epochs = [e for e in lines if e["event"] == "epoch"]
    finished = [e for e in lines if e["event"] == "finished"][0]
    assert len(epochs) == 2 and "val_box_mean_iou" in epochs[0] and "val_class_accuracy" in epochs[0]
    for key in ("accuracy", "mean_iou"):
        assert 0.0 <= finished[key] <= 1.0 and finished["test"][key] == finished[key]
    assert finished["mean_iou"] > 0.2  # two short epochs already place rough boxes
