"""Probes (decision boundary, feature maps, kernels), after-training evaluation and the overfit demo."""
from __future__ import annotations

import numpy as np
import pytest

from models.evaluation import ClassifierEvaluation, confusion_matrix, evaluate_classifier, most_confidently_wrong
from models.overfit import (OverfitDemoError, add_regularisation, generalisation_gap, has_regularisation,
                            overfit_demo, strip_regularisation)
from models.probes import DecisionBoundaryProbe, FeatureMapProbe, KernelProbe, as_probabilities, spec_index_of
from models.specs import LayerSpec, NetworkSpec


def _small_cnn() -> NetworkSpec:
    return NetworkSpec((12, 12, 1), [
        LayerSpec("Conv2D", {"filters": 4, "kernel_size": 3, "padding": "same"}),
        LayerSpec("MaxPooling2D"),
        LayerSpec("Dropout", {"rate": 0.1}),
        LayerSpec("Conv2D", {"filters": 40, "kernel_size": 3}),
        LayerSpec("AveragePooling2D"),
        LayerSpec("GlobalAveragePooling2D"),
        LayerSpec("Dense", {"units": 3, "activation": "softmax"}),
    ])


def test_decision_boundary_probe_matches_the_model() -> None:
    import keras

    from models.build import build_model

    model = build_model(NetworkSpec((2,), [LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})]))
    model.set_weights([np.array([[2.0], [-1.0]], dtype="float32"), np.array([0.5], dtype="float32")])
    pts = np.array([[0, 0], [0, 1], [1, 0], [1, 1], [-1, 2]], dtype="float32")
    labels = (pts @ np.array([2.0, -1.0]) + 0.5 > 0).astype("float32").reshape(-1, 1)
    labels[0] = 0.0  # one point the model gets wrong
    probe = DecisionBoundaryProbe(pts, labels, resolution=20)
    out = probe.compute(model)
    assert out["probability"].shape == (20, 20) and out["predicted"].shape == (20, 20)
    gx, gy = np.meshgrid(out["xs"], out["ys"])
    expected = 1 / (1 + np.exp(-(2 * gx - gy + 0.5)))
    assert np.allclose(out["probability"], expected, atol=1e-5)
    assert np.array_equal(out["predicted"], (expected > 0.5).astype(int))
    assert out["accuracy"] == pytest.approx(4 / 5)
    x0, x1, y0, y1 = out["extent"]
    assert x0 < -1 and x1 > 1 and y0 < 0 and y1 > 2  # data plus margin
    assert out["points"].shape == (5, 2) and out["labels"].tolist() == [0, 0, 1, 1, 0]
    assert keras.backend.backend() == "tensorflow"
    with pytest.raises(ValueError, match="2-D inputs"):
        DecisionBoundaryProbe(np.zeros((4, 3)), np.zeros(4))


def test_as_probabilities_handles_every_output_kind() -> None:
    assert np.allclose(as_probabilities(np.array([[0.25]])), [[0.75, 0.25]])
    p = 1 / (1 + np.exp(1.0))
    assert np.allclose(as_probabilities(np.array([[-1.0]])), [[1 - p, p]])  # a logit (outside [0, 1])
    logits = np.array([[2.0, 0.0, -1.0]])
    assert np.allclose(as_probabilities(logits).sum(axis=1), 1.0) and as_probabilities(logits).argmax() == 0
    probs = np.array([[0.1, 0.9]])
    assert np.array_equal(as_probabilities(probs), probs)


def test_feature_map_and_kernel_probes() -> None:
    import keras

    from models.build import build_model, validate_network

    spec = _small_cnn()
    model = build_model(spec)
    image = np.random.default_rng(0).random((12, 12)).astype("float32")
    probe = FeatureMapProbe(image, max_channels=32)
    probe.on_start(model)
    out = probe.compute(model)
    assert "error" not in out
    assert out["spec_index"] == [0, 1, 3, 4]
    assert out["types"] == ["Conv2D", "MaxPooling2D", "Conv2D", "AveragePooling2D"]
    shapes = {row.index: row.output_shape[1:] for row in validate_network(spec).rows}
    for idx, fmap, channels in zip(out["spec_index"], out["maps"], out["channels"]):
        assert fmap.shape[:2] == shapes[idx][:2] and channels == shapes[idx][2]
        assert fmap.shape[2] == min(channels, 32)
    direct = keras.Model(model.inputs[0], model.get_layer("L03_conv2d").output)(image[None, :, :, None])
    assert np.allclose(out["maps"][2], np.asarray(direct)[0, :, :, :32], atol=1e-5)
    assert out["ranges"][0] == (float(out["maps"][0].min()), float(out["maps"][0].max()))
    assert np.array_equal(out["input"], image)

    wrong = FeatureMapProbe(np.zeros((28, 28)))
    wrong.on_start(model)
    assert "expects" in wrong.compute(model)["error"]

    kernels = KernelProbe().compute(model)
    w = model.get_layer("L00_conv2d").get_weights()[0]
    assert kernels["kernels"].shape == (4, 3, 3) and kernels["spec_index"] == 0
    assert np.allclose(kernels["kernels"][2], w[:, :, 0, 2])
    assert kernels["limit"] == pytest.approx(np.abs(w).max())
    dense_only = build_model(NetworkSpec((2,), [LayerSpec("Dense", {"units": 1})]))
    assert "error" in KernelProbe().compute(dense_only)
    assert spec_index_of("L12_dense") == 12 and spec_index_of("head_flatten") == -1


def test_probes_report_during_training() -> None:
    from models.data.mnist import load_offline_arrays
    from models.specs import Experiment, TrainingConfig
    from models.training.events import Finished, ProbeResult, RecordingReporter
    from models.training.session import TrainingSession

    spec = NetworkSpec((28, 28, 1), [LayerSpec("Conv2D", {"filters": 4, "kernel_size": 3}),
                                     LayerSpec("MaxPooling2D", {"pool_size": 4}), LayerSpec("Flatten"),
                                     LayerSpec("Dense", {"units": 10, "activation": "softmax"})])
    exp = Experiment("supervised", {"main": spec}, "mnist-offline",
                     TrainingConfig(batch_size=32, epochs=2, seed=0), dataset_options={"limit": 96})
    x, _ = load_offline_arrays()
    reporter = RecordingReporter()
    session = TrainingSession()
    try:
        result = session.start(exp, reporter, [FeatureMapProbe(x[0] / 255.0), KernelProbe()]).result(timeout=120)
    finally:
        session.shutdown()
    assert result.status == "finished", result.message
    by_name: dict[str, list] = {}
    for event in reporter.of(ProbeResult):
        by_name.setdefault(event.name, []).append(event.payload)
    assert len(by_name["feature_maps"]) >= 3  # start + each epoch end
    assert by_name["feature_maps"][-1]["maps"][0].shape == (26, 26, 4)
    first, last = by_name["kernels"][0]["kernels"], by_name["kernels"][-1]["kernels"]
    assert not np.allclose(first, last)  # the kernels learned something
    assert reporter.of(Finished)


def test_a_paused_probe_runs_only_at_the_start_and_at_epoch_ends() -> None:
    """The window pauses the probes of a panel nobody can see; its picture is then at most an epoch old."""
    from models.training.events import ProbeResult, RecordingReporter
    from models.training.probe import Probe
    from models.training.session import TrainingSession

    class Counter(Probe):
        interval_s = 0.0  # every batch while not paused

        def __init__(self, name: str, paused: bool) -> None:
            self.name, self.paused = name, paused

        def compute(self, model) -> dict:
            return {}

    from models.presets import get_preset

    exp = get_preset("mlp").make("blobs")
    exp.training.epochs, exp.training.batch_size = 2, 64
    reporter = RecordingReporter()
    session = TrainingSession()
    try:
        result = session.start(exp, reporter, [Counter("seen", False), Counter("hidden", True)]).result(timeout=120)
    finally:
        session.shutdown()
    assert result.status == "finished", result.message
    steps = max(e.step for e in reporter.events if type(e).__name__ == "BatchEnd")
    counts = {name: sum(1 for e in reporter.of(ProbeResult) if e.name == name) for name in ("seen", "hidden")}
    assert counts == {"seen": 1 + steps + 2, "hidden": 1 + 2}


def test_decision_boundary_during_perceptron_training() -> None:
    from models.presets import get_preset
    from models.training.events import ProbeResult, RecordingReporter
    from models.training.session import TrainingSession
    from models.data import load_dataset

    exp = get_preset("perceptron").make("gates-xor")
    exp.training.epochs = 5
    data = load_dataset("gates-xor")
    reporter = RecordingReporter()
    session = TrainingSession()
    try:
        result = session.start(exp, reporter, [DecisionBoundaryProbe(data.x_test, data.y_test, 30)]).result(120)
    finally:
        session.shutdown()
    assert result.status == "finished"
    fields = [e.payload for e in reporter.of(ProbeResult) if e.name == "decision_boundary"]
    assert len(fields) >= 6  # start + every epoch
    assert all(f["accuracy"] <= 0.75 for f in fields)  # one line can never get XOR right


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
    from models.build import build_model

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


# --- overfit demo --------------------------------------------------------------------------------------------
def test_overfit_demo_builds_two_comparable_experiments() -> None:
    from models.build import validate_network
    from models.presets import get_preset

    exp = get_preset("cnn").make("mnist")
    demo = overfit_demo(exp)
    assert demo.plain.dataset_options["limit"] == 300 == demo.regularised.dataset_options["limit"]
    assert demo.plain.training.epochs == demo.regularised.training.epochs >= 30
    assert demo.plain.training.seed == demo.regularised.training.seed
    assert not has_regularisation(demo.plain.networks["main"])
    reg = demo.regularised.networks["main"]
    types = [layer.type for layer in reg.layers]
    assert types.count("BatchNormalization") == 4 and types.count("Dropout") == 3
    assert types[-1] == "Dense" and "l2" not in reg.layers[-1].params  # the output layer stays untouched
    assert all(layer.params.get("l2") for layer in reg.layers if layer.type == "Conv2D")
    assert validate_network(reg).ok and validate_network(demo.plain.networks["main"]).ok
    assert "300 examples" in demo.note and exp.networks["main"].layers == get_preset("cnn").make().networks[
        "main"].layers  # the original is unchanged

    own = NetworkSpec((2,), [LayerSpec("Dense", {"units": 8, "l2": 0.01}), LayerSpec("Dropout", {"rate": 0.2}),
                             LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})])
    stripped = strip_regularisation(own)
    assert [layer.type for layer in stripped.layers] == ["Dense", "Dense"] and "l2" not in stripped.layers[0].params
    added, words = add_regularisation(stripped)
    assert [layer.type for layer in added.layers] == ["Dense", "Dropout", "Dense"] and words
    toy = get_preset("mlp").make("moons")
    toy.networks["main"] = own
    toy_demo = overfit_demo(toy, train_size=50, epochs=12)
    assert toy_demo.regularised.networks["main"].layers == own.layers  # the user's own regularisers are kept
    assert toy_demo.plain.dataset_options["size"] == 72 and toy_demo.plain.dataset_options["noise"] >= 0.3
    with pytest.raises(OverfitDemoError, match="shrink"):
        overfit_demo(get_preset("mlp").make("gates-xor"))
    with pytest.raises(OverfitDemoError, match="supervised"):
        overfit_demo(get_preset("localize").make())
    assert generalisation_gap({"loss": [1.0, 0.5], "val_loss": [1.1, 0.9]}) == pytest.approx([0.1, 0.4])


def test_run_overfit_demo_trains_both_and_stops_on_request() -> None:
    from models.overfit import run_overfit_demo
    from models.presets import get_preset

    demo = overfit_demo(get_preset("mlp").make("moons"), train_size=40, epochs=2)
    seen: list[tuple[str, int]] = []
    histories = run_overfit_demo(demo, lambda which, epoch, logs: seen.append((which, epoch)))
    assert seen == [("plain", 1), ("plain", 2), ("regularised", 1), ("regularised", 2)]
    assert set(histories) == {"plain", "regularised"} and len(histories["plain"]["val_loss"]) == 2
    assert run_overfit_demo(demo, should_stop=lambda: True) == {}


def test_sample_image_fits_any_image_input() -> None:
    from models.data.mnist import load_offline_arrays
    from models.probes import sample_image

    digits, _ = load_offline_arrays()
    assert np.allclose(sample_image((28, 28, 1), 4)[..., 0], digits[4] / 255.0)
    big = sample_image((56, 56, 1), 4)
    assert big.shape == (56, 56, 1) and np.allclose(big[14:42, 14:42, 0], digits[4] / 255.0)
    assert sample_image((12, 12, 3)).shape == (12, 12, 3) and sample_image((32, 32)).shape == (32, 32)
    with pytest.raises(ValueError):
        sample_image((784,))
