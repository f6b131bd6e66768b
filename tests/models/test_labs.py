"""The numerical labs: MCP neuron, activations, softmax, losses, gradient descent, backprop, convolution,
receptive fields and drawn-digit preprocessing. Numbers are checked against hand results or TensorFlow."""
from __future__ import annotations

import json

import numpy as np
import pytest

from models.labs import activations, backprop, convolution, digit, gradient_descent, losses, mcp, receptive_field
from models.labs import softmax as sm
from models.specs import LayerSpec, NetworkSpec


# --- MCP neuron -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("gate", ["AND", "OR", "NAND"])
def test_mcp_presets_compute_their_gates(gate: str) -> None:
    neuron = mcp.GATE_PRESETS[gate]
    assert mcp.outputs(neuron) == mcp.GATE_TRUTH[gate]
    assert mcp.matching_gate(neuron) == gate


def test_mcp_three_input_presets() -> None:
    assert mcp.outputs(mcp.GATE_PRESETS["AND3"]) == (0, 0, 0, 0, 0, 0, 0, 1)
    assert mcp.outputs(mcp.GATE_PRESETS["OR3"]) == (0, 1, 1, 1, 1, 1, 1, 1)
    assert mcp.outputs(mcp.GATE_PRESETS["NAND3"]) == (1, 1, 1, 1, 1, 1, 1, 0)
    rows = mcp.truth_table(mcp.GATE_PRESETS["MAJORITY3"])
    assert [r.output for r in rows] == [int(sum(r.inputs) >= 2) for r in rows]
    assert rows[5].inputs == (1, 0, 1) and rows[5].weighted_sum == 2.0


def test_mcp_threshold_is_inclusive_and_line_is_where_sum_equals_threshold() -> None:
    neuron = mcp.McpNeuron((2.0, 1.0), 2.0)
    assert neuron.fire((1, 0)) == 1  # sum 2 >= 2
    assert neuron.fire((0, 1)) == 0
    line = mcp.separating_line(neuron)
    assert line.kind == "line" and len(line.points) == 2
    for x1, x2 in line.points:
        assert 2.0 * x1 + 1.0 * x2 == pytest.approx(2.0)
        assert -0.5 - 1e-9 <= x1 <= 1.5 + 1e-9 and -0.5 - 1e-9 <= x2 <= 1.5 + 1e-9


def test_mcp_line_edge_cases_and_bad_input() -> None:
    assert mcp.separating_line(mcp.McpNeuron((0.0, 0.0), 1.0)).kind == "none"
    vertical = mcp.separating_line(mcp.McpNeuron((1.0, 0.0), 0.5))
    assert all(p[0] == pytest.approx(0.5) for p in vertical.points)
    with pytest.raises(mcp.McpError):
        mcp.McpNeuron((1.0,), 0.0)
    with pytest.raises(mcp.McpError):
        mcp.McpNeuron((1.0, float("nan")), 0.0)
    with pytest.raises(mcp.McpError):
        mcp.separating_line(mcp.GATE_PRESETS["AND3"])


def test_no_mcp_neuron_computes_xor() -> None:
    result = mcp.search_xor(-2.0, 2.0, 41)
    assert result.tried == 41 ** 3
    assert result.solutions == 0
    assert result.best_correct == 3  # three rows are easy, the fourth never
    w1, w2, t = result.best_example
    assert sum(o == x for o, x in zip(mcp.outputs(mcp.McpNeuron((w1, w2), t)), mcp.GATE_TRUTH["XOR"])) == 3
    assert "threshold" in result.reason and "w1 + w2" in result.reason


# --- activations, softmax, losses --------------------------------------------------------------------------
@pytest.mark.parametrize("name", list(activations.ACTIVATIONS))
def test_activation_derivatives_match_finite_differences(name: str) -> None:
    act = activations.get_activation(name)
    x = np.array([-3.1, -1.2, -0.4, 0.3, 0.9, 2.7])  # away from ReLU's kink
    h = 1e-6
    numeric = (act.function(x + h) - act.function(x - h)) / (2 * h)
    assert np.allclose(act.derivative(x), numeric, atol=1e-6)
    _, y, dy = activations.curve(name, -8, 8, 401)
    lo, hi = act.output_range
    assert np.all(y >= lo) and np.all(y <= hi)
    assert dy.max() == pytest.approx(act.derivative_max, abs=1e-3)


def test_sigmoid_is_stable_and_vanishing_readout() -> None:
    y = activations.sigmoid(np.array([-1000.0, 0.0, 1000.0]))
    assert np.all(np.isfinite(y)) and y[1] == 0.5 and y[0] == 0.0 and y[2] == 1.0
    assert activations.sigmoid_derivative(np.array([0.0]))[0] == activations.SIGMOID_MAX_DERIVATIVE == 0.25
    assert activations.sigmoid_gradient_bound(5) == pytest.approx(0.25 ** 5)
    assert activations.vanishing_table(3) == [(1, 0.25), (2, 0.0625), (3, 0.015625)]
    assert "0.000977" in activations.vanishing_text(5)
    assert activations.leaky_relu(np.array([-1.0]))[0] == pytest.approx(-activations.LEAKY_SLOPE)
    with pytest.raises(ValueError):
        activations.get_activation("softsign")


def test_softmax_sums_to_one_and_temperature() -> None:
    logits = [2.0, 1.0, 0.1]
    p = sm.softmax(logits)
    assert p.sum() == pytest.approx(1.0) and p.argmax() == 0
    assert np.allclose(p, np.exp(logits) / np.exp(logits).sum())
    assert np.allclose(sm.softmax(np.array(logits) + 100.0), p)  # shift invariant
    cold, hot = sm.softmax(logits, 0.1), sm.softmax(logits, 10.0)
    assert cold[0] > p[0] > hot[0] and sm.entropy(cold) < sm.entropy(p) < sm.entropy(hot)
    huge = sm.softmax([1e30, 0.0, -1e30])
    assert np.all(np.isfinite(huge)) and huge[0] == 1.0
    for bad_t in (0.0, -1.0, float("inf")):
        with pytest.raises(sm.SoftmaxError):
            sm.softmax(logits, bad_t)
    assert np.allclose(sm.parse_logits("2, 1 ;0.1"), logits)
    with pytest.raises(sm.SoftmaxError, match="'x' is not a number"):
        sm.parse_logits("1 x")


def test_losses_against_hand_values() -> None:
    target = np.array([0.0, 1.0, 0.0])
    pred = np.array([0.2, 0.7, 0.1])
    assert losses.mse(target, pred) == pytest.approx((0.04 + 0.09 + 0.01) / 3)
    assert losses.cross_entropy(target, pred) == pytest.approx(-np.log(0.7))
    curves = losses.loss_curves(num_classes=3, points=50)
    assert curves["cross_entropy"][-1] == pytest.approx(-np.log(1 - losses.EPSILON), abs=1e-6)
    # CE explodes for confident mistakes, MSE stays bounded by its maximum.
    assert curves["cross_entropy"][0] > 5 and curves["mse"][0] < 0.7
    assert np.all(np.diff(curves["cross_entropy"]) < 0) and np.all(np.diff(curves["mse"]) < 0)
    with pytest.raises(ValueError):
        losses.mse(target, pred[:2])


# --- gradient descent --------------------------------------------------------------------------------------
def test_gradient_descent_good_small_and_divergent_steps() -> None:
    good = gradient_descent.descend("bowl", 0.08, steps=200)
    small = gradient_descent.descend("bowl", 0.01, steps=60)
    assert good.converged and not good.diverged and good.final_loss < 1e-9
    assert not small.diverged and small.final_loss < small.losses[0] and small.final_loss > good.final_loss
    # First step by hand: (a, b) = (-3.5, 2.5), gradient (2a, 10b).
    assert np.allclose(good.points[1], [-3.5 - 0.08 * -7.0, 2.5 - 0.08 * 25.0])
    for lr in (0.21, 5.0, 1e6):
        bad = gradient_descent.descend("bowl", lr, steps=500)
        assert bad.diverged and "Diverged" in bad.message
        assert np.all(np.isfinite(bad.points)) and np.all(np.isfinite(bad.losses))
        assert np.abs(bad.points).max() <= gradient_descent.BOUND
    for name, surface in gradient_descent.SURFACES.items():
        assert gradient_descent.descend(name, surface.step_sizes["too large"], steps=300).diverged, name
        ok = gradient_descent.descend(name, surface.step_sizes["good"], steps=300)
        assert not ok.diverged and ok.final_loss < ok.losses[0], name
    a, b, z = gradient_descent.surface_grid("bowl", 21)
    assert z.shape == (21, 21) and z[10, 10] == pytest.approx(0.0)
    with pytest.raises(ValueError):
        gradient_descent.descend("bowl", float("nan"))


# --- backpropagation ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_backprop_chain_rule_matches_gradient_tape(seed: int) -> None:
    ex = backprop.worked_example(seed)
    tape = backprop.tape_gradients(ex)
    for name in ("W1", "b1", "W2", "b2"):
        assert ex.gradients[name].shape == getattr(ex, name).shape
        assert np.allclose(ex.gradients[name], tape[name], atol=1e-6, rtol=0), name
        assert np.allclose(ex.updated[name], getattr(ex, name) - ex.lr * tape[name], atol=1e-6)
    assert ex.loss_after < ex.loss_before
    # The recorded steps agree with the arrays.
    steps = {s.name: s.value for s in ex.steps}
    assert steps["L"] == pytest.approx(ex.loss_before)
    assert steps["dL/dW1[2,1]"] == pytest.approx(ex.gradients["W1"][1, 0])
    assert steps["new L"] == pytest.approx(ex.loss_after)


def test_backprop_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    import main

    assert main.main(["backprop-example", "--json", "--seed", "2"]) == 0
    data = json.loads(capsys.readouterr().out)
    for key in ("x", "target", "W1", "b1", "W2", "b2", "lr", "loss_definition", "loss_before", "gradients",
                "updated", "loss_after"):
        assert key in data, key
    assert np.array(data["W1"]).shape == (2, len(data["x"])) and np.array(data["W2"]).shape == (3, 2)
    assert sorted(data["target"]) == [0.0, 0.0, 1.0]
    assert data["loss_definition"] == "0.5 * sum((target - output)^2)"
    o = np.array(data["forward"]["output"])
    assert data["loss_before"] == pytest.approx(0.5 * np.sum((np.array(data["target"]) - o) ** 2))
    assert data["loss_after"] < data["loss_before"]
    assert np.allclose(data["updated"]["W2"], np.array(data["W2"]) - data["lr"] * np.array(data["gradients"]["W2"]))
    assert main.main(["backprop-example", "--seed", "2"]) == 0
    text = capsys.readouterr().out
    assert "Backward pass (chain rule)" in text and "dL/dW1[1,1]" in text
    assert main.main(["backprop-example", "--seed", "-3"]) == 2
    assert "seed" in capsys.readouterr().err


# --- convolution and pooling -------------------------------------------------------------------------------
def test_kernels() -> None:
    g = convolution.gaussian(5, 1.0)
    assert g.sum() == pytest.approx(1.0) and g.argmax() == 12 and np.allclose(g, g.T)
    assert convolution.gaussian(5, 0.3)[2, 2] > convolution.gaussian(5, 3.0)[2, 2]  # smaller sigma, sharper
    assert convolution.box_blur(3).sum() == pytest.approx(1.0)
    assert np.array_equal(convolution.sobel_y(), convolution.sobel_x().T)
    for name in convolution.KERNEL_NAMES[:-1]:
        assert convolution.make_kernel(name).ndim == 2
    k = convolution.parse_kernel("1 2 3\n4,5,6; 7 8 1/2")
    assert k.shape == (3, 3) and k[2, 2] == 0.5
    for bad, msg in (("1 2\n3 4", "3 or 5 rows"), ("1 2 3\n4 5\n6 7 8", "row 2"), ("1 2 a\n1 1 1\n1 1 1", "'a'"),
                     ("", "type the kernel")):
        with pytest.raises(convolution.ConvError, match=msg):
            convolution.parse_kernel(bad)
    with pytest.raises(convolution.ConvError):
        convolution.gaussian(4, 1.0)


def test_convolution_by_hand_and_output_size_formula() -> None:
    img = np.arange(16, dtype=float).reshape(4, 4)
    res = convolution.convolve(img, np.ones((3, 3)), "valid", 1)
    assert res.output.shape == (2, 2)
    assert res.output[0, 0] == img[:3, :3].sum() and res.output[1, 1] == img[1:, 1:].sum()
    assert "floor((4 + 0 − 3) / 1) + 1 = 2" in res.formula
    same = convolution.convolve(np.ones((28, 28)), convolution.gaussian(5, 1.0), "same", 2)
    assert same.output.shape == (14, 14)
    assert "ceil(28 / 2) = 14" in same.formula and "P = 3" in same.formula
    ident = convolution.convolve(img, convolution.identity_kernel(3), "same", 1)
    assert np.array_equal(ident.output, img)
    edges = convolution.convolve(np.tile([0.0, 0.0, 1.0, 1.0], (4, 1)), convolution.sobel_x(), "valid")
    assert np.all(edges.output > 0)  # dark-to-bright left to right
    with pytest.raises(convolution.ConvError, match="larger"):
        convolution.convolve(np.ones((2, 2)), np.ones((3, 3)), "valid")
    with pytest.raises(convolution.ConvError, match="stride"):
        convolution.convolve(img, np.ones((3, 3)), "valid", 4)


def test_convolution_and_pooling_match_tensorflow() -> None:
    import tensorflow as tf

    rng = np.random.default_rng(0)
    img = rng.random((13, 17))
    for ks in (2, 3, 5):
        k = rng.normal(size=(ks, ks))
        for padding in ("valid", "same"):
            for stride in (1, 2, 3):
                ours = convolution.convolve(img, k, padding, stride).output
                theirs = tf.nn.conv2d(img[None, :, :, None], k[:, :, None, None], stride, padding.upper())
                assert np.allclose(ours, theirs.numpy()[0, :, :, 0]), (ks, padding, stride)
    for size, stride in ((2, None), (3, 2), (2, 1)):
        for padding in ("valid", "same"):
            s = stride or size
            mx = convolution.pool(img, size, stride, "max", padding=padding).output
            av = convolution.pool(img, size, stride, "average", padding=padding).output
            x = img[None, :, :, None]
            assert np.allclose(mx, tf.nn.max_pool2d(x, size, s, padding.upper()).numpy()[0, :, :, 0])
            assert np.allclose(av, tf.nn.avg_pool2d(x, size, s, padding.upper()).numpy()[0, :, :, 0])


def test_kmax_pooling() -> None:
    fm = np.array([[1.0, 9.0, 2.0, 0.0], [5.0, 3.0, 0.0, 7.0], [4.0, 4.0, 1.0, 1.0], [0.0, 8.0, 6.0, 2.0]])
    res = convolution.pool(fm, 2, 2, "kmax", k=2)
    assert res.output.shape == (2, 2, 2)
    assert res.output[0, 0].tolist() == [9.0, 5.0]  # top 2 of [1, 9, 5, 3], in window order
    assert res.output[0, 1].tolist() == [2.0, 7.0]
    assert res.output[1, 1].tolist() == [6.0, 2.0]
    assert np.array_equal(convolution.pool(fm, 2, 2, "kmax", k=1).output[..., 0], convolution.pool(fm, 2).output)
    with pytest.raises(convolution.ConvError, match="K must"):
        convolution.pool(fm, 2, 2, "kmax", k=5)


# --- receptive field ---------------------------------------------------------------------------------------
def _chain_spec() -> NetworkSpec:
    linear = {"filters": 1, "activation": "linear"}
    return NetworkSpec((23, 23, 1), [
        LayerSpec("Conv2D", {**linear, "kernel_size": 3, "padding": "same"}),
        LayerSpec("BatchNormalization"),
        LayerSpec("AveragePooling2D", {"pool_size": 2, "padding": "same"}),
        LayerSpec("Conv2D", {**linear, "kernel_size": 5, "strides": 2}),
        LayerSpec("Conv2D", {**linear, "kernel_size": 3, "strides": 3, "padding": "same"}),
        LayerSpec("Flatten"),
        LayerSpec("Dense", {"units": 2}),
    ])


def test_receptive_field_chain_matches_keras_shapes() -> None:
    from models.build import validate_network

    spec = _chain_spec()
    chain = receptive_field.conv_chain(spec)
    assert [layer.spec_index for layer in chain.layers] == [0, 2, 3, 4]
    assert chain.stopped_at == 5 and "whole" in chain.note
    report = validate_network(spec)
    shapes = {row.index: row.output_shape[1:3] for row in report.rows}
    for layer in chain.layers:
        assert layer.out_size == shapes[layer.spec_index]
    assert [layer.theoretical_size for layer in chain.layers] == [3, 4, 12, 20]
    with pytest.raises(receptive_field.ReceptiveFieldError, match="not a convolution"):
        receptive_field.receptive_field(spec, 1, 0, 0)
    with pytest.raises(receptive_field.ReceptiveFieldError, match="outside"):
        receptive_field.receptive_field(spec, 4, 99, 0)


def test_receptive_field_matches_tensorflow_gradients() -> None:
    """The input pixels with a non-zero gradient are exactly the region we report."""
    import keras
    import tensorflow as tf

    from models.build import build_model

    spec = _chain_spec()
    model = build_model(spec)
    for w in model.weights:
        w.assign(np.ones(w.shape, dtype="float32") if "kernel" in w.path or "gamma" in w.path
                 else np.zeros(w.shape, dtype="float32") if "moving_mean" not in w.path and "variance" not in w.path
                 else w.numpy())
    x = tf.Variable(np.random.default_rng(1).random((1, 23, 23, 1)).astype("float32") + 0.5)
    for layer in receptive_field.conv_chain(spec).layers:
        sub = keras.Model(model.inputs, model.get_layer(f"L{layer.spec_index:02d}_{layer.type.lower()}").output)
        oh, ow = layer.out_size
        for i, j in ((0, 0), (oh - 1, ow - 1), (oh // 2, ow // 3)):
            with tf.GradientTape() as tape:
                y = sub(x)[0, i, j, 0]
            g = tape.gradient(y, x).numpy()[0, :, :, 0]
            rows, cols = np.nonzero(g)
            region = receptive_field.receptive_field(spec, layer.spec_index, i, j)
            assert (rows.min(), rows.max()) == region.rows and (cols.min(), cols.max()) == region.cols, \
                (layer.spec_index, i, j)
            assert region.size == (region.rows[1] - region.rows[0] + 1, region.cols[1] - region.cols[0] + 1)


def test_receptive_field_of_the_cnn_preset() -> None:
    from models.presets import get_preset

    spec = get_preset("cnn").make("mnist").networks["main"]
    chain = receptive_field.conv_chain(spec)
    assert [layer.out_size for layer in chain.layers] == [(28, 28), (14, 14), (14, 14), (7, 7), (7, 7), (3, 3),
                                                          (3, 3)]
    first = receptive_field.receptive_field(spec, 0, 10, 10)
    assert first.rows == (9, 11) and first.size == (3, 3)
    pooled = receptive_field.receptive_field(spec, 1, 5, 5)
    assert pooled.rows == (9, 12) and pooled.size == (4, 4)
    corner = receptive_field.receptive_field(spec, 0, 0, 0)
    assert corner.size == (2, 2) and corner.full_size == (3, 3) and "padding" in corner.text()


# --- drawn digits ------------------------------------------------------------------------------------------
def test_drawn_digit_is_cropped_scaled_and_centred() -> None:
    canvas = np.ones((200, 300))  # white paper
    canvas[20:60, 200:215] = 0.0  # a dark bar in the top-right corner, 40 tall and 15 wide
    img = digit.to_mnist(canvas)
    assert img.shape == (28, 28) and img.dtype == np.float32 and img.max() == pytest.approx(1.0)
    rows, cols = np.nonzero(img > 0.05)
    assert rows.max() - rows.min() + 1 == 20  # the longer side scaled to 20
    assert 7 <= cols.max() - cols.min() + 1 <= 9  # aspect kept (15/40 * 20 = 7.5)
    cy, cx = digit.centre_of_mass(img)
    assert abs(cy - 13.5) <= 0.5 and abs(cx - 13.5) <= 0.5
    assert np.array_equal(digit.to_mnist(canvas, dark_ink=True), img)
    assert digit.to_mnist(np.ones((50, 50))).sum() == 0.0 and digit.is_blank(np.ones((50, 50)))


def test_real_mnist_digit_survives_the_round_trip() -> None:
    from models.data.mnist import load_offline_arrays

    x, _ = load_offline_arrays()
    original = x[123].astype(float) / 255.0
    enlarged = np.kron(original, np.ones((8, 8))) * 255.0  # a 224x224 drawing, 0-255, light on dark
    img = digit.to_mnist(enlarged)
    assert np.abs(img - original).mean() < 0.12
    assert np.hypot(*np.subtract(digit.centre_of_mass(img), (13.5, 13.5))) < 0.75
    with pytest.raises(digit.DigitError):
        digit.to_mnist(np.ones(10))
