"""The supervised probes: decision boundary, feature maps and kernels, during training too."""
from __future__ import annotations

import numpy as np
import pytest

from models.families.supervised.probes import DecisionBoundaryProbe, FeatureMapProbe, KernelProbe
from models.spec.build import spec_index_of
from models.spec.experiment import LayerSpec, NetworkSpec


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

    from models.spec.build import build_model

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


def test_feature_map_and_kernel_probes() -> None:
    import keras

    from models.spec.build import build_model, validate_network

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
    from models.engine.events import Finished, ProbeResult, RecordingReporter
    from models.engine.session import TrainingSession
    from models.spec.experiment import Experiment, TrainingConfig

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


def test_decision_boundary_during_perceptron_training() -> None:
    from models.data import load_dataset
    from models.engine.events import ProbeResult, RecordingReporter
    from models.engine.session import TrainingSession
    from models.spec.presets import get_preset

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


def test_single_neuron_line_is_its_weights_and_nothing_else_has_one() -> None:
    from models.families.supervised.probes import neuron_line
    from models.spec.build import build_model

    sigmoid = build_model(NetworkSpec((2,), [LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})]))
    sigmoid.set_weights([np.array([[2.0], [-1.0]], "float32"), np.array([0.5], "float32")])
    assert neuron_line(sigmoid) == pytest.approx((2.0, -1.0, 0.5))
    softmax = build_model(NetworkSpec((2,), [LayerSpec("Dense", {"units": 2, "activation": "softmax"})]))
    softmax.set_weights([np.array([[1.0, 3.0], [2.0, 1.0]], "float32"), np.array([0.5, 0.25], "float32")])
    assert neuron_line(softmax) == pytest.approx((2.0, -1.0, -0.25))  # class 1's logit minus class 0's
    hidden = build_model(NetworkSpec((2,), [LayerSpec("Dense", {"units": 4, "activation": "tanh"}),
                                            LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})]))
    relu = build_model(NetworkSpec((2,), [LayerSpec("Dense", {"units": 1, "activation": "relu"})]))
    assert neuron_line(hidden) is None and neuron_line(relu) is None  # a bent or clipped boundary is no line


@pytest.mark.parametrize("gate", ["xor", "and"])
def test_perceptron_preset_shows_its_line_on_its_defaults(gate: str) -> None:
    """The lesson on the preset's own settings: on AND the line separates the classes; on XOR none can, and
    gradient descent leaves the neuron unsure (near 0.5) everywhere, its line off the data."""
    from models.data import load_dataset
    from models.engine.events import ProbeResult, RecordingReporter
    from models.engine.session import TrainingSession
    from models.spec.presets import get_preset

    exp = get_preset("perceptron").make(f"gates-{gate}")
    data = load_dataset(f"gates-{gate}")
    x, keep = np.unique(data.x_train, axis=0, return_index=True)
    reporter, session = RecordingReporter(), TrainingSession()
    try:
        result = session.start(exp, reporter, [DecisionBoundaryProbe(x, data.y_train[keep], 40)]).result(120)
    finally:
        session.shutdown()
    assert result.status == "finished"
    last = [e.payload for e in reporter.of(ProbeResult) if e.name == "decision_boundary"][-1]
    w1, w2, b = last["line"]
    side = np.sign(x @ np.array([w1, w2]) + b)  # which side of the line each of the four points is on
    if gate == "and":
        assert last["accuracy"] == 1.0 and side.tolist() == [-1, -1, -1, 1]
        assert last["probability"].min() < 0.1 and last["probability"].max() > 0.9
    else:
        assert last["accuracy"] <= 0.75
        assert 0.4 < last["probability"].min() and last["probability"].max() < 0.6  # unsure everywhere
