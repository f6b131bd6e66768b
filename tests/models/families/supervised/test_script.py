"""The exported training script: same network, runs standalone, and no project string becomes code."""
import ast
import os
import subprocess
import sys

from models.families.supervised.script import network_code, write_script
from models.spec.experiment import Experiment, LayerSpec, NetworkSpec, TrainingConfig
from models.spec.presets import get_preset


def _exp():
    layers = [LayerSpec("Dense", {"units": 6, "activation": "relu", "l2": 0.001}), LayerSpec("Dropout", {"rate": 0.1}),
              LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})]
    return Experiment("supervised", {"main": NetworkSpec((2,), layers)}, "circles",
                      TrainingConfig("adam", 0.01, 16, 2, seed=1), dataset_options={"size": 100})


def test_script_rebuilds_same_parameter_count(tmp_path):
    exp = get_preset("cnn").make("mnist")
    code = network_code(exp.networks["main"])
    ns: dict = {}
    exec("import keras\n" + code, ns)
    from models.spec.build import build_model
    assert ns["model"].count_params() == build_model(exp.networks["main"]).count_params() == 390410


def test_script_runs_standalone_and_trains(tmp_path):
    path = write_script(_exp(), tmp_path / "train_model.py")
    ast.parse(open(path).read())
    assert (tmp_path / "train_model.npz").exists()
    out = subprocess.run([sys.executable, path], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                         env={"TF_CPP_MIN_LOG_LEVEL": "3", "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr[-2000:]
    assert "test:" in out.stdout and "accuracy" in out.stdout
    assert "Total params: 25" in out.stdout  # 2*6+6 + 6*1+1


HOSTILE_NAMES = [
    'XOR demo"""\nimport os; os.system("touch PWNED")\n"""',
    "back\\N slash \\x00 \\",
    "it's '''q''' {seed} %s",
    "line\r\nbreak\u2028sep",
]


def _top_level_shape(source: str) -> list[str]:
    return [type(node).__name__ for node in ast.parse(source).body]


def test_hostile_project_names_stay_string_literals(tmp_path):
    """No string from a project file may reach the script except as a literal made by repr()."""
    benign = _top_level_shape(open(write_script(_exp(), tmp_path / "plain.py")).read())
    for i, name in enumerate(HOSTILE_NAMES):
        exp = _exp()
        exp.name = name
        folder = tmp_path / f"h{i}"
        path = write_script(exp, folder / 'odd"""name\'.py')
        source = open(path).read()
        tree = ast.parse(source)
        assert _top_level_shape(source) == benign, name
        assert name not in ast.get_docstring(tree)
        titles = [node.value.value for node in tree.body if isinstance(node, ast.Assign)
                  and [t.id for t in node.targets if isinstance(t, ast.Name)] == ["TITLE"]]
        assert titles == [name]
        # Running the module's top level (not main()) must do nothing but define things.
        ns = {"__name__": "exported", "__file__": path}
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            exec(compile(source, path, "exec"), ns)
        finally:
            os.chdir(cwd)
        assert not (folder / "PWNED").exists()
        assert ns["TITLE"] == name
