"""The overfitting demo: two comparable experiments, trained as one series of runs."""
from __future__ import annotations

import pytest

from models.labs.overfitting import (OverfitDemoError, add_regularisation, generalisation_gap, has_regularisation,
                                     overfit_demo, strip_regularisation)
from models.spec.experiment import LayerSpec, NetworkSpec


# --- overfit demo --------------------------------------------------------------------------------------------
def test_overfit_demo_builds_two_comparable_experiments() -> None:
    from models.spec.build import validate_network
    from models.spec.presets import get_preset

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


def test_overfit_demo_trains_both_as_one_series_and_stops_on_request() -> None:
    from models.engine.events import EpochEnd, RecordingReporter
    from models.engine.loop import Run
    from models.engine.session import TrainingSession
    from models.spec.presets import get_preset

    demo = overfit_demo(get_preset("mlp").make("moons"), train_size=40, epochs=2)
    runs = [Run(demo.plain, name="plain", keep=False), Run(demo.regularised, name="regularised", keep=False)]
    session, reporter = TrainingSession(), RecordingReporter()
    try:
        result = session.start_series(runs, reporter).result(timeout=120)
        assert result.status == "finished" and result.run == "regularised"
        seen = [(e.run, e.epoch) for e in reporter.of(EpochEnd)]
        assert seen == [("plain", 1), ("plain", 2), ("regularised", 1), ("regularised", 2)]
        assert all("val_loss" in e.metrics for e in reporter.of(EpochEnd))
        assert not session.has_model  # the demo's models are not the project's

        stopping = RecordingReporter()
        future = session.start_series(runs, stopping)
        session.stop()  # before or during the first run: the series ends there
        assert future.result(timeout=120).status == "stopped"
        assert {e.run for e in stopping.of(EpochEnd)} <= {"plain"}
    finally:
        session.shutdown()
