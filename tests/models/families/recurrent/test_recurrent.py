"""Recurrent analysis: recomputed hidden states and gates equal Keras' own, gradients through time, prediction
for typed text, generation, masked tagging accuracy, probes during training, the comparison runner, the CLI."""
import json

import keras
import numpy as np
import pytest

import main
from models.families.recurrent import analysis as S
from models.spec.build import build_model
from models.data import load_dataset
from models.data.vocabulary import PAD_ID
from models.spec.presets import get_preset


def recurrent_net(preset: str, dataset: str, *, bidirectional: bool = False, head: bool = False):
    exp = get_preset(preset).make(dataset)
    spec = exp.networks["main"]
    spec.layers[1].params.update(return_sequences=True, bidirectional=bidirectional)
    if not head:
        spec.layers = spec.layers[:2]
    keras.utils.set_random_seed(1)
    model = build_model(spec)
    # Larger weights than the initial ones so gates and tanh leave their linear range.
    rng = np.random.default_rng(0)
    for w in model.weights:
        w.assign(rng.normal(0, 1.0, w.shape).astype("float32") if "embedding" in w.path else np.asarray(w) * 2)
    return model


@pytest.fixture(scope="module")
def sentiment():
    return load_dataset("sentiment", {"size": 400}, seed=0)


@pytest.mark.parametrize("preset", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("bidirectional", [False, True])
def test_recomputed_hidden_states_equal_keras(preset, bidirectional, sentiment):
    model = recurrent_net(preset, "sentiment", bidirectional=bidirectional)
    enc = S.encode_text(sentiment.info, "although the plot was not very clever i really loved the music")
    payload = S.hidden_state_over_time(model, enc.ids, tokens=enc.tokens)
    keras_out = np.asarray(model(enc.ids[None]))[0, :enc.length].T
    assert payload["steps"] == enc.length == len(payload["tokens"]) == 12
    assert payload["hidden"].shape == keras_out.shape == ((64 if bidirectional else 32), 12)
    np.testing.assert_allclose(payload["hidden"], keras_out, atol=1e-5)
    assert np.abs(keras_out).max() > 0.3  # the comparison is not between near-zero arrays
    gates = payload["gates"]
    assert set(gates) == set(S.GATE_NAMES[payload["layer"]])
    for g in gates.values():
        assert g.shape == (32, 12) and g.min() >= 0 and g.max() <= 1 and g.std() > 0.05
    if preset == "lstm":  # h = o * tanh(c) ties the gates and the cell to Keras' output
        np.testing.assert_allclose(gates["output"] * np.tanh(payload["cell"]), keras_out[:32], atol=1e-5)
    assert ("gates_backward" in payload) is bidirectional


def test_gru_without_reset_after_matches_keras():
    layer = keras.layers.GRU(6, return_sequences=True, reset_after=False)
    x = np.random.default_rng(0).normal(size=(1, 9, 4)).astype("float32")
    out = np.asarray(layer(x))[0]
    np.testing.assert_allclose(S.run_cell(layer, x[0])["hidden"], out, atol=1e-5)


def test_gradients_through_time_shape_finite_and_masked(sentiment):
    model = build_model(get_preset("lstm").make("memory-30").networks["main"])
    x, y = S.memory_batch(30, count=16)
    g = S.gradients_through_time(model, x, y)
    assert g["steps"].tolist() == list(range(1, 31)) and g["grad_norm"].shape == (30,)
    assert np.isfinite(g["grad_norm"]).all() and (g["grad_norm"] > 0).all() and np.isfinite(g["loss"])
    assert g["layer"] == "LSTM"
    # An untrained LSTM forgets: the last step's input matters far more than the first's.
    assert g["grad_norm"][-1] > 100 * g["grad_norm"][0]

    tagger = recurrent_net("gru", "tagging", head=True)
    data = load_dataset("tagging", {"size": 200}, seed=0)
    gt = S.gradients_through_time(tagger, data.x_test[:20], data.y_test[:20])
    longest = int((data.x_test[:20] != PAD_ID).sum(axis=1).max())
    assert np.isfinite(gt["grad_norm"]).all() and (gt["grad_norm"][:longest] > 0).all()
    assert (gt["grad_norm"][longest:] == 0).all()  # no example has a real token there


def test_predict_text_class_and_tags(sentiment):
    model = build_model(get_preset("gru").make("sentiment").networks["main"])
    out = S.predict_text(model, sentiment.info, "The film was never zorgy")
    assert out["kind"] == "class" and out["classes"] == ["negative", "positive"]
    assert out["unknown"] == ["zorgy"] and out["tokens"][-1] == "zorgy"
    assert abs(out["probabilities"].sum() - 1) < 1e-6 and out["label"] in out["classes"]

    tagging = load_dataset("tagging", {"size": 100}, seed=0)
    tagger = build_model(get_preset("lstm").make("tagging").networks["main"])
    tags = S.predict_text(tagger, tagging.info, "the actors play well")
    assert tags["kind"] == "tags" and len(tags["tags"]) == 4 == len(tags["confidence"])
    assert "<pad>" not in tags["tags"] and tags["probabilities"].shape == (4, 10)
    with pytest.raises(S.SequenceError):
        S.predict_text(model, sentiment.info, "  ,, ")


def test_generate_text_temperature_and_seed():
    data = load_dataset("chars", {"size": 200}, seed=0)
    model = build_model(get_preset("gru").make("chars").networks["main"])
    vocab = data.info.extras["vocabulary"]
    a = S.generate_text(model, data.info, "The keeper", length=25, temperature=1.0, seed=3)
    b = S.generate_text(model, data.info, "The keeper", length=25, temperature=1.0, seed=3)
    assert a == b and len(a) == 25 and set(a) <= set(vocab.tokens[2:])
    greedy = {S.generate_text(model, data.info, "The keeper", length=10, temperature=0, seed=s) for s in (1, 2)}
    assert len(greedy) == 1
    with pytest.raises(S.SequenceError, match="chars"):
        S.generate_text(model, load_dataset("sentiment", {"size": 100}).info, "hi")


def test_tagging_trains_with_padding_masked_out_of_accuracy():
    from models.engine.recipe import get_recipe

    data = load_dataset("tagging", {"size": 600}, seed=0)
    exp = get_preset("gru").make("tagging")
    keras.utils.set_random_seed(0)
    prepared = get_recipe("supervised")(exp, data)
    prepared.model.fit(data.x_train, data.y_train, batch_size=32, epochs=3, verbose=0)
    metrics = prepared.evaluate()
    pred = np.asarray(prepared.model.predict(data.x_test, verbose=0)).argmax(-1)
    real = data.x_test != PAD_ID
    token_accuracy = (pred[real] == data.y_test[real]).mean()
    assert abs(metrics["accuracy"] - token_accuracy) < 1e-4  # padding does not count
    assert token_accuracy > 0.8


def test_probes_during_training_and_comparison():
    from models.engine.events import EpochEnd, Finished, ProbeResult, RecordingReporter
    from models.engine.session import TrainingSession
    from models.families.recurrent.comparison import compare_recurrent
    from models.families.recurrent.probes import GradientThroughTimeProbe, HiddenStateProbe

    exp = get_preset("lstm").make("memory-12")
    exp.dataset_options = {"size": 200}
    exp.training.epochs = 1
    info = load_dataset("memory-12", {"size": 60}).info
    session, reporter = TrainingSession(), RecordingReporter()
    try:
        probes = [HiddenStateProbe(info, "A 1 2 3 4 5"), GradientThroughTimeProbe.for_memory(12, count=8)]
        result = session.start(exp, reporter, probes=probes).result(timeout=120)
        assert result.status == "finished"
        by_name = {}
        for event in reporter.of(ProbeResult):
            by_name.setdefault(event.name, []).append(event.payload)
        hidden = by_name["hidden_state"][-1]
        assert hidden["hidden"].shape == (32, 6) and hidden["tokens"] == ["A", "1", "2", "3", "4", "5"]
        assert set(hidden["gates"]) == {"input", "forget", "output"}
        grads = by_name["gradients_through_time"][-1]
        assert grads["grad_norm"].shape == (12,) and np.isfinite(grads["grad_norm"]).all()
        lstm_params = session.with_model(lambda m: m.count_params(), "train").result(timeout=30)

        # The comparison is one series of runs through the same loop; its models are not kept.
        events = RecordingReporter()
        rows = compare_recurrent(session, "memory-8", seed=0, epochs=1, dataset_options={"size": 120},
                                 reporter=events, timeout=300)
        assert session.with_model(lambda m: m.count_params(), "train").result(timeout=30) == lstm_params
    finally:
        session.shutdown()
    assert [r.preset for r in rows] == ["rnn", "lstm", "gru"]
    assert [r.layer for r in rows] == ["SimpleRNN", "LSTM", "GRU"]
    for row in rows:
        assert row.status == "finished" and row.epochs == 1 and row.seconds_per_epoch > 0
        finished = [e for e in events.of(Finished) if e.run == row.preset]
        assert len(finished) == 1 and row.test == finished[0].test  # the table shows what the run measured
        assert 0 <= row.test["accuracy"] <= 1
        assert row.gradients_start.shape == (8,) and np.isfinite(row.gradients_end).all()
        assert not np.allclose(row.gradients_start, row.gradients_end)  # before and after the epoch differ
        json.dumps(row.to_dict())
    assert rows[1].params > rows[2].params > rows[0].params  # LSTM 4 blocks, GRU 3 (+ bias), RNN 1
    assert {e.run for e in events.of(EpochEnd)} == {"rnn", "lstm", "gru"}


def test_cli_text_file_errors_exit_2(tmp_path, capsys):
    latin1 = tmp_path / "notes.txt"
    latin1.write_bytes(("r\u00e9sum\u00e9 " * 300).encode("latin-1"))
    assert main.main(["train", "lstm", "--text", str(latin1), "--json"]) == 2
    err = capsys.readouterr().err
    assert "notes.txt is not UTF-8" in err and "Traceback" not in err
    assert main.main(["train", "lstm", "--dataset", "memory-x", "--json"]) == 2
    assert "whole number" in capsys.readouterr().err


def test_cli_trains_a_recurrent_preset_on_a_user_text(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text("the cat sat on the mat and looked at the hat. " * 40, encoding="utf-8")
    assert main.main(["train", "gru", "--text", str(story), "--epochs", "1", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert lines[-1]["event"] == "finished" and 0 <= lines[-1]["accuracy"] <= 1


def test_recurrent_initializer_param_reaches_keras_and_rejects_unknown():
    from models.spec.catalog import ParamError, make_layer
    glorot = make_layer("SimpleRNN", {"units": 8, "recurrent_initializer": "glorot_uniform"})
    assert make_layer("LSTM", {"units": 8}).cell.recurrent_initializer.__class__.__name__ == "Orthogonal"
    assert glorot.cell.recurrent_initializer.__class__.__name__ == "GlorotUniform"
    glorot.build((None, 5, 3))
    u = np.asarray(glorot.cell.recurrent_kernel)
    assert not np.allclose(u.T @ u, np.eye(8), atol=1e-3)  # not orthogonal
    with pytest.raises(ParamError, match="recurrent_initializer"):
        make_layer("GRU", {"units": 8, "recurrent_initializer": "zeros"})
