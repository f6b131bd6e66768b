"""The backpropagation lab: our chain-rule gradients against tf.GradientTape, and the CLI."""
from __future__ import annotations

import json

import numpy as np
import pytest

from models.labs import backprop


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
