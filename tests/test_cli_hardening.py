"""The command line refuses bad input with exit 2 naming the field or flag, before any training starts;
`validate` and `train` agree; --json is strict JSON; Ctrl+C exits 130 and says what was written."""
import copy
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import main
from models.spec.presets import get_preset

ROOT = Path(__file__).resolve().parents[1]


def _xor() -> dict:
    return get_preset("mlp").make("gates-xor").to_dict()


def _write(tmp_path: Path, data: dict | str, name: str = "p.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_deep_nesting_is_a_usage_error_not_a_recursion_error(tmp_path, capsys):
    deep = _write(tmp_path, "[" * 100_000 + "]" * 100_000)
    assert main.main(["validate", deep]) == 2
    assert main.main(["train", deep]) == 2
    assert "nested too deeply" in capsys.readouterr().err
    in_params = _xor()
    value: object = 1
    for _ in range(60):
        value = [value]
    in_params["networks"]["main"]["layers"][0]["params"]["units"] = value
    assert main.main(["validate", _write(tmp_path, in_params)]) == 2
    assert "networks.main.layers[0].params.units" in capsys.readouterr().err


BAD_FIELDS = [
    ("training.seed", lambda d: d["training"].update(seed=-5)),
    ("training.seed", lambda d: d["training"].update(seed=2**70)),
    ("training.metrics[0]", lambda d: d["training"].update(metrics=["bogus"])),
    ("training.learning_rate", lambda d: d["training"].update(learning_rate=float("inf"))),
    ("training.optimizer", lambda d: d["training"].update(optimizer="bogus")),
    ("training.loss", lambda d: d["training"].update(loss="bogus")),
    ("dataset_options.repeat", lambda d: d.update(dataset_options={"repeat": -3})),
    ("dataset_options.colour", lambda d: d.update(dataset_options={"colour": 1})),
    ("family", lambda d: d.update(family="bogus")),
    ("dataset", lambda d: d.update(dataset="bogus")),
    ("options.latent_dim", lambda d: d.update(options={"latent_dim": 3})),
]


@pytest.mark.parametrize("field, breaks", BAD_FIELDS, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD_FIELDS)])
def test_validate_and_train_refuse_the_same_bad_field(tmp_path, capsys, field, breaks):
    data = _xor()
    breaks(data)
    path = _write(tmp_path, data)
    assert main.main(["validate", path]) == 2
    said = capsys.readouterr().err
    assert said.startswith(f"layerwise: {field}:"), said
    assert main.main(["train", path]) == 2
    out = capsys.readouterr()
    assert out.err.startswith(f"layerwise: {field}:") and "training on" not in out.out
    assert main.main(["validate", path, "--json"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and report["field"] == field


@pytest.mark.parametrize("flags, said", [
    (["--lr", "nan"], "--lr must be a finite number"),
    (["--lr", "inf"], "--lr must be a finite number"),
    (["--lr", "-1"], "--lr must be a finite number"),
    (["--seed", "-5"], "--seed must be a whole number from 0 to 2**32 - 1"),
    (["--seed", str(2**40)], "--seed must be"),
    (["--epochs", "0"], "--epochs must be a positive"),
    (["--batch-size", "-2"], "--batch-size must be a positive"),
])
def test_bad_flags_name_the_flag_that_exists(capsys, flags, said):
    assert main.main(["train", "mlp", "--dataset", "gates-xor", *flags]) == 2
    err = capsys.readouterr().err
    assert said in err and "--learning-rate" not in err


def test_export_paths_are_checked_before_training(tmp_path, capsys):
    folder = tmp_path / "m.keras"
    folder.mkdir()
    assert main.main(["train", "mlp", "--dataset", "gates-xor", "--export", str(folder)]) == 2
    out = capsys.readouterr()
    assert "is a folder" in out.err and "training on" not in out.out
    assert main.main(["train", "mlp", "--dataset", "gates-xor", "--export-script", str(tmp_path / "s.txt")]) == 2
    assert "must name a .py file" in capsys.readouterr().err
    neighbour = tmp_path / "s.npz"
    neighbour.write_bytes(b"someone else's arrays")
    assert main.main(["train", "mlp", "--dataset", "gates-xor", "--export-script", str(tmp_path / "s.py")]) == 2
    assert "would replace" in capsys.readouterr().err
    assert neighbour.read_bytes() == b"someone else's arrays"
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            assert main.main(["train", "mlp", "--dataset", "gates-xor", "--export", str(locked / "m.keras")]) == 2
            assert "permission denied" in capsys.readouterr().err
        finally:
            locked.chmod(0o700)


def test_json_nan_is_null_and_failed_comes_last(tmp_path, capsys):
    data = _xor()
    net = data["networks"]["main"]["layers"]
    net[-1]["params"]["activation"] = "linear"
    data["training"].update(optimizer="sgd", learning_rate=1e12, loss="mse", epochs=6)
    data["dataset_options"] = {"repeat": 8}
    assert main.main(["train", _write(tmp_path, data), "--json"]) == 1
    lines = capsys.readouterr().out.splitlines()
    events = [json.loads(line, parse_constant=lambda c: pytest.fail(f"{c} is not JSON")) for line in lines]
    assert events[-1]["event"] == "failed" and events[-1]["kind"] == "nan"
    assert [e["event"] for e in events[:-1]] == ["epoch"] * (len(events) - 1) and len(events) >= 2
    assert events[-2]["loss"] is None  # the epoch where the loss became NaN


def test_generate_refuses_a_classifier_and_a_non_zip(tmp_path):
    import keras

    classifier = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Flatten(),
                                   keras.layers.Dense(10, activation="softmax")])
    classifier.save(tmp_path / "c.keras")
    flat = keras.Sequential([keras.Input((8,)), keras.layers.Dense(10, activation="softmax")])
    flat.save(tmp_path / "f.keras")
    (tmp_path / "empty.keras").write_bytes(b"")
    (tmp_path / "text.keras").write_text("not a zip")
    out = tmp_path / "g.png"
    for name in ("c.keras", "f.keras"):
        code, message = main.cli_generate(str(tmp_path / name), str(out))
        assert code == 2 and "not a generator" in message, message
    for name, said in (("empty.keras", "empty"), ("text.keras", "something else")):
        code, message = main.cli_generate(str(tmp_path / name), str(out))
        assert code == 2 and "not a Keras model file" in message and said in message and "not found" not in message
    assert not out.exists()


def test_ctrl_c_in_training_exits_130_and_says_nothing_was_written(tmp_path):
    target = tmp_path / "m.keras"
    proc = subprocess.Popen([sys.executable, "main.py", "train", "mlp", "--dataset", "gates-xor", "--epochs", "100000",
                             "--json", "--export", str(target)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()  # the first epoch ended: training is under way
        assert json.loads(first)["event"] == "epoch"
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, err[-2000:]
    assert "interrupted after" in err and "nothing was written; not written: " + str(target) in err
    assert "Traceback" not in err and not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_ctrl_c_during_an_export_lets_it_finish_and_says_so(capsys):
    """The export under way is atomic: it completes, is reported as written, and the next is not written."""
    import concurrent.futures as cf

    class Session:
        stopped = False

        def stop(self):
            self.stopped = True

    export = cf.Future()
    export.set_result("/out/m.keras")
    reporter = main._CliReporter(False)
    reporter.epochs_done = 3
    session = Session()
    code = main._interrupted(session, export, reporter, [], ["/out/m.keras", "/out/m.py"], sys.stdout)
    out = capsys.readouterr()
    assert code == 130 and session.stopped
    assert "wrote /out/m.keras" in out.out
    assert "interrupted after 3 epochs: wrote /out/m.keras; not written: /out/m.py" in out.err
