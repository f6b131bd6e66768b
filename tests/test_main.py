import json
import subprocess
import sys
from pathlib import Path


import main
from models.spec.presets import get_preset

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args, timeout=180):
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


def test_main_does_not_import_tensorflow_at_module_level():
    out = subprocess.run([sys.executable, "-c", "import sys, main; print('tensorflow' in sys.modules, "
                          "'keras' in sys.modules)"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False False"


def test_presets_lists_each_preset(capsys):
    assert main.main(["presets"]) == 0
    out = capsys.readouterr().out
    for name in ("perceptron", "mlp", "cnn", "lenet5"):
        assert any(line.startswith(name + " ") for line in out.splitlines())


def test_xor_json_lines_and_targets(capsys):
    assert main.main(["train", "mlp", "--dataset", "gates-xor", "--json"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    epochs = [e for e in lines if e["event"] == "epoch"]
    assert [e["epoch"] for e in epochs] == list(range(1, len(epochs) + 1))
    assert {"seconds", "samples", "loss", "accuracy"} <= set(epochs[0])
    assert lines[-1]["event"] == "finished" and lines[-1]["accuracy"] == 1.0

    assert main.main(["train", "perceptron", "--dataset", "gates-xor", "--json", "--epochs", "30"]) == 0
    finished = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert finished["event"] == "finished" and finished["accuracy"] < 1.0


def test_bad_arguments_and_invalid_specs_exit_2(tmp_path, capsys):
    assert main.main(["train", "no-such-preset"]) == 2
    assert main.main(["train", "mlp", "--epochs", "0"]) == 2
    assert main.main(["train", "mlp", "--bogus"]) == 2
    broken = get_preset("mlp").make("gates-xor")
    broken.networks["main"].layers.insert(0, broken.networks["main"].layers[0].__class__("LSTM"))
    path = tmp_path / "broken.json"
    path.write_text(broken.to_json())
    assert main.main(["validate", str(path)]) == 2
    assert "layer 1 (LSTM)" in capsys.readouterr().out
    assert main.main(["train", str(path)]) == 2
    assert "layer 1 (LSTM)" in capsys.readouterr().err
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"schema_version": 1, "family": ')
    assert main.main(["train", str(corrupt)]) == 2
    assert "not valid JSON" in capsys.readouterr().err
    latin = tmp_path / "latin.json"
    latin.write_bytes("{\"name\": \"caf\xe9\"}".encode("latin-1"))
    assert main.main(["validate", str(latin)]) == 2
    assert "UTF-8" in capsys.readouterr().err


def test_validate_prints_report(capsys):
    assert main.main(["validate", "lenet5"]) == 0
    out = capsys.readouterr().out
    assert "total parameters: 61,706" in out


def test_subprocess_exit_code_and_export(tmp_path):
    out = run_cli("train", "perceptron", "--dataset", "gates-and", "--epochs", "2", "--export",
                  str(tmp_path / "p.keras"), "--export-script", str(tmp_path / "p.py"), "--json")
    assert out.returncode == 0, out.stderr[-1500:]
    finished = json.loads(out.stdout.splitlines()[-1])
    assert finished["event"] == "finished" and finished["test"]["accuracy"] == 1.0
    # The exported model is the trained one: it computes AND on the truth table, as the run reported.
    import keras
    import numpy as np

    model = keras.saving.load_model(tmp_path / "p.keras", safe_mode=True)
    table = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], "float32")
    assert (model.predict(table, verbose=0)[:, 0] > 0.5).tolist() == [False, False, False, True]
    script = (tmp_path / "p.py").read_text()
    assert "EPOCHS = 2" in script and "LEARNING_RATE = 0.5" in script and (tmp_path / "p.npz").exists()
    assert run_cli("train", "mlp", "--dataset", "no-such-data").returncode == 2


def test_window_modules_do_not_import_tensorflow():
    """The window must appear before TensorFlow loads: gui, every panel and every lab import without it."""
    code = ("import sys, gui.main_window, gui.panels as p, gui.labs as l; p.panel_classes(); l.lab_classes(); "
            "print(sorted(m for m in ('tensorflow', 'keras') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr[-2000:]


def test_shallow_preset_trains_and_reports_like_any_other(capsys):
    assert main.main(["train", "shallow", "--json", "--epochs", "3"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [e["epoch"] for e in lines if e["event"] == "epoch"] == [1, 2, 3]
    finished = lines[-1]
    assert finished["event"] == "finished" and finished["test"]["accuracy"] > 0.85  # a linear classifier


def test_one_to_many_count_task_is_learned_by_a_plain_rnn(capsys):
    assert main.main(["train", "rnn", "--dataset", "count", "--json", "--epochs", "6"]) == 0
    finished = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert finished["test"]["accuracy"] > 0.9  # every digit it says after the first step comes from h_t
