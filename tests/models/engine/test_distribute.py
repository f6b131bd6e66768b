"""tf.distribute: lenet5 trains under MirroredStrategy on two logical CPU devices, and a strategy that cannot
run is a message naming why (exit 2), never a hang."""
import json
import os
import subprocess
import sys
from pathlib import Path

import main

ROOT = Path(__file__).resolve().parents[3]


def _train(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"}
    return subprocess.run([sys.executable, "main.py", "train", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=240, env=env)


def test_lenet5_trains_one_epoch_on_two_mirrored_replicas():
    out = _train("lenet5", "--epochs", "1", "--devices", "2", "--strategy", "mirrored", "--json",
                 "--no-run-folder")
    assert out.returncode == 0, out.stderr[-2000:]
    events = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    finished = events[-1]
    assert finished["event"] == "finished" and finished["replicas"] == 2
    assert "MirroredStrategy over 2 devices" in finished["device"]
    epoch = next(e for e in events if e["event"] == "epoch")
    assert epoch["samples"] == 3500  # the global batches cover the data once, split between the replicas
    assert finished["accuracy"] > 0.5  # and it learned: the replicas' gradients were summed, not lost


def test_a_strategy_that_cannot_run_is_a_message_and_exit_2(capsys):
    # one CPU device in this process: mirrored has nothing to mirror over
    assert main.main(["train", "mlp", "--epochs", "1", "--strategy", "mirrored", "--no-run-folder"]) == 2
    assert "--devices 2 splits it" in capsys.readouterr().err
    assert main.main(["train", "gan", "--epochs", "1", "--strategy", "mirrored", "--no-run-folder"]) == 2
    assert "gan family cannot be trained by MirroredStrategy" in capsys.readouterr().err
    assert main.main(["train", "mlp", "--devices", "0"]) == 2
    assert "--devices: must be 1 to 64" in capsys.readouterr().err
