"""MultiWorkerMirroredStrategy: two worker processes on this machine (TF_CONFIG, free ports) train one model in
step; the chief alone keeps a run folder and the export, and the model it exported is the one the other worker
holds. A worker that never comes is a message naming it, never a hang."""
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import main
from models.engine import multi_worker
from models.engine.distribute import StrategyError
from models.spec.presets import get_preset

ROOT = Path(__file__).resolve().parents[3]


def _free_ports(n: int) -> list[int]:
    sockets = [socket.socket() for _ in range(n)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def _project(tmp_path: Path) -> Path:
    exp = get_preset("lenet5").make("mnist")
    exp.dataset_options = {"source": "offline", "limit": 1400}  # the shipped digits: no download, ~2 s an epoch
    exp.training.epochs = 1
    path = tmp_path / "lenet5.json"
    path.write_text(exp.to_json(), encoding="utf-8")
    return path


def _events(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_two_workers_train_one_model_and_only_the_chief_writes(tmp_path):
    cluster = [f"127.0.0.1:{p}" for p in _free_ports(2)]
    project = _project(tmp_path)
    workers = []
    for index in (1, 0):
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3",
               "TF_CONFIG": json.dumps({"cluster": {"worker": cluster}, "task": {"type": "worker", "index": index}})}
        folder = tmp_path / f"worker{index}"
        folder.mkdir()
        workers.append(subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "train", str(project), "--json", "--export", "model.keras",
             "--run-dir", "runs", "--join-timeout", "60"],
            cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env))
    outputs = [w.communicate(timeout=150) for w in workers]
    for w, (out, err) in zip(workers, outputs):
        assert w.returncode == 0, err[-2000:]
    other, chief = (_events(out)[-1] for out, _ in outputs)
    assert chief["event"] == other["event"] == "finished"
    assert chief["workers"] == other["workers"] == 2 and chief["replicas"] == 2
    assert "MultiWorkerMirroredStrategy over 2 workers" in chief["device"]
    # one model: after synchronous steps every weight is the same on both workers ...
    assert chief["weights_sha256"] == other["weights_sha256"]
    # ... and the chief's export is that model
    import keras

    exported = keras.saving.load_model(tmp_path / "worker0" / "model.keras")
    assert multi_worker.weights_digest(exported) == other["weights_sha256"]
    # only the chief writes: the other worker's export went to a temporary folder that is gone, and it kept no run
    assert chief["run_dir"] and Path(tmp_path / "worker0", chief["run_dir"]).is_dir()
    assert other["run_dir"] == "" and not (tmp_path / "worker1" / "runs").exists()
    assert not (tmp_path / "worker1" / "model.keras").exists()
    scratch = next(line for line in outputs[0][0].splitlines() + outputs[0][1].splitlines() if "model.keras" in line)
    assert "not the chief" in scratch and not list(Path("/tmp").glob("layerwise-worker-*/model.keras"))


def test_a_worker_that_never_comes_is_named_and_exit_2():
    a, b = _free_ports(2)
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "train", "mlp", "--dataset", "gates-xor",
                          "--cluster", f"127.0.0.1:{a},127.0.0.1:{b}", "--task-index", "0", "--join-timeout", "1",
                          "--no-run-folder"], capture_output=True, text=True, timeout=60,
                         env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert out.returncode == 2, out.stderr[-2000:]
    assert f"no answer from 127.0.0.1:{b}" in out.stderr and "within 1 s" in out.stderr


def test_a_cluster_cannot_be_joined_once_tensorflow_runs():
    from models.engine import distribute

    distribute.configure()  # what the window's and every session's first job does
    with pytest.raises(StrategyError, match="before it starts"):
        distribute.configure(cluster=multi_worker.cluster_config("127.0.0.1:1,127.0.0.1:2", 0))


def test_cluster_settings_are_checked_before_anything_starts(capsys):
    assert multi_worker.cluster_config("a:1,b:2", 1)["task"] == {"type": "worker", "index": 1}
    for args, message in ((["--cluster", "a:1,b:2"], "--cluster needs --task-index"),
                          (["--cluster", "a:1,b:2", "--task-index", "2"], "--task-index: must be 0 to 1"),
                          (["--cluster", "a:1", "--task-index", "0"], "at least two workers"),
                          (["--cluster", "a:1,b:x", "--task-index", "0"], "'b:x' is not HOST:PORT"),
                          (["--task-index", "0"], "--task-index goes with --cluster"),
                          (["--strategy", "multi-worker"], "give the cluster with --cluster"),
                          (["--cluster", "a:1,b:2", "--task-index", "0", "--devices", "2"], "a cluster trains one")):
        assert main.main(["train", "mlp", "--no-run-folder", *args]) == 2, args
        assert message in capsys.readouterr().err, args
    for text, field in (("{", "not JSON"), ('{"cluster": {"worker": ["a:1"]}}', '"task"'),
                        ('{"cluster": {"worker": ["a:1"]}, "task": {"type": "worker", "index": 3}}', "task.index 3"),
                        ('{"cluster": {"ps": ["a:1"], "worker": ["b:1"]}, "task": {"type": "worker", "index": 0}}',
                         "not ps")):
        with pytest.raises(multi_worker.ClusterError, match=field):
            multi_worker.config_from_environment(text)
