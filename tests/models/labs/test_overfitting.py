"""The overfitting demo: two comparable experiments, trained as one series of runs."""
from __future__ import annotations

import pytest

from models.labs.overfitting import (OverfitDemoError, Regularisers, add_regularisation, generalisation_gap,
                                     has_regularisation, overfit_demo, strip_regularisation)
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
    # The default is Dropout alone (BatchNorm on 300 images raised the validation loss: module docstring).
    assert types.count("Dropout") == 3 and "BatchNormalization" not in types
    assert [layer.params["rate"] for layer in reg.layers if layer.type == "Dropout"] == [0.5] * 3
    assert not any(layer.params.get("l2") for layer in reg.layers) and demo.added == ["Dropout 0.5 after 3 layers"]
    every = overfit_demo(exp, regularisers=Regularisers(dropout=0.3, l2=1e-3, batch_norm=True))
    reg = every.regularised.networks["main"]
    types = [layer.type for layer in reg.layers]
    assert types.count("BatchNormalization") == 4 and types.count("Dropout") == 3
    assert types[-1] == "Dense" and "l2" not in reg.layers[-1].params  # the output layer stays untouched
    assert all(layer.params.get("l2") for layer in reg.layers if layer.type == "Conv2D")
    assert validate_network(reg).ok and validate_network(demo.plain.networks["main"]).ok
    with pytest.raises(OverfitDemoError, match="at least one"):
        overfit_demo(exp, regularisers=Regularisers(dropout=0.0))
    with pytest.raises(OverfitDemoError, match="dropout"):
        Regularisers(dropout=1.0)
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


def test_default_regulariser_narrows_the_gap_on_the_cnn_for_three_seeds() -> None:
    """The demo's lesson on its defaults (Dropout 0.5, 300 images), measured as a user would see it after 15
    epochs: the regularised run's final validation - training gap is the narrower one for seeds 0, 1 and 2.
    (Dropout, L2 and BatchNorm at once once made the validation loss climb to ~11 here.)"""
    from models.engine.events import EpochEnd, RecordingReporter
    from models.engine.loop import Run
    from models.engine.session import TrainingSession
    from models.spec.presets import get_preset

    session = TrainingSession()
    gaps = {}
    try:
        for seed in (0, 1, 2):
            exp = get_preset("cnn").make("mnist-offline")
            exp.training.seed = seed
            demo = overfit_demo(exp, epochs=15)
            reporter = RecordingReporter()
            runs = [Run(demo.plain, name="plain", keep=False), Run(demo.regularised, name="regularised", keep=False)]
            assert session.start_series(runs, reporter).result(timeout=300).status == "finished"
            last = {e.run: e.metrics for e in reporter.of(EpochEnd)}  # each run's final epoch
            gaps[seed] = {run: m["val_loss"] - m["loss"] for run, m in last.items()}
    finally:
        session.shutdown()
    assert all(g["regularised"] < g["plain"] for g in gaps.values()), gaps
