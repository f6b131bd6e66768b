"""tf.distribute: lenet5, the cGAN and skip-gram train under MirroredStrategy on two logical CPU devices, and a
strategy that cannot run is a message naming why (exit 2), never a hang."""
import json
import os
import subprocess
import sys
from pathlib import Path

import main

ROOT = Path(__file__).resolve().parents[3]


def _python(code: str, timeout: int) -> subprocess.CompletedProcess:
    """Run `code` in a fresh interpreter: logical devices can only be made before TensorFlow starts."""
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})


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
    assert main.main(["train", "gan", "--epochs", "1", "--precision", "mixed", "--no-run-folder"]) == 2
    assert "loss scaling float16 needs" in capsys.readouterr().err
    assert main.main(["train", "cnn", "--epochs", "1", "--precision", "mixed", "--no-run-folder"]) == 2
    assert "--precision mixed needs a GPU" in capsys.readouterr().err  # this machine has none
    assert main.main(["train", "mlp", "--devices", "0"]) == 2
    assert "--devices: must be 1 to 64" in capsys.readouterr().err


def test_the_families_with_their_own_steps_train_on_two_replicas_and_judge_each_sample_once():
    """The cGAN's and skip-gram's steps take their gradients of replica_share(loss); predict_on_batch on a
    mirrored model used to hand every replica the whole batch (the judge scored 4,000 rows for 1,000 images)."""
    for preset in ("cgan", "skipgram"):
        out = _train(preset, "--epochs", "1", "--devices", "2", "--strategy", "mirrored", "--json",
                     "--no-run-folder")
        assert out.returncode == 0, (preset, out.stderr[-2000:])
        finished = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")][-1]
        assert finished["event"] == "finished" and finished["replicas"] == 2, finished
        if preset == "cgan":
            assert 0.0 <= finished["label_accuracy"] <= 1.0 and 0.0 <= finished["confident_share"] <= 1.0
        else:
            assert finished["neighbour_in_group"] > 0.3  # one epoch on the grouped corpus: well above chance


def test_wgan_clips_its_critic_on_every_replica():
    """The clipping is a weight constraint the optimizer applies: under MirroredStrategy every replica's copy of
    every critic weight stays in [-c, c] (an assign inside the step is refused there)."""
    out = _python((
        "import numpy as np\n"
        "from models.engine.distribute import configure, strategy_for\n"
        "configure(2)\n"
        "strategy, _ = strategy_for('mirrored', 'wgan')\n"
        "import models.families\n"
        "from models.data import load_dataset\n"
        "from models.engine.recipe import get_recipe\n"
        "from models.spec.presets import get_preset\n"
        "exp = get_preset('wgan').make('mnist-offline')\n"
        "exp.options.update(clip=0.02, quality_check=False)\n"
        "exp.dataset_options = {'limit': 256}\n"
        "with strategy.scope():\n"
        "    prep = get_recipe('wgan')(exp, load_dataset(exp.dataset, exp.dataset_options))\n"
        "    prep.model.fit(prep.x, None, epochs=1, verbose=0, **{**prep.fit_kwargs, 'steps_per_epoch': 3})\n"
        "copies = [strategy.experimental_local_results(w.value) for w in prep.model.discriminator.weights]\n"
        "print(max(float(np.abs(c.numpy()).max()) for cs in copies for c in cs), len(copies[0]),\n"
        "      int(prep.model.d_optimizer.iterations.numpy()))\n"), 180)
    assert out.returncode == 0, out.stderr[-2000:]
    worst, replicas, critic_steps = out.stdout.split()[-3:]
    assert int(replicas) == 2 and int(critic_steps) == 15  # 3 steps of n_critic 5 critic updates
    assert float(worst) <= 0.02 + 1e-7


def test_predict_batch_gives_one_row_per_example_under_mirrored_strategy():
    out = _python((
        "import numpy as np, keras, tensorflow as tf\n"
        "from models.engine.distribute import configure, strategy_for\n"
        "from models.inference import predict_batch\n"
        "configure(2)\n"
        "strategy, _ = strategy_for('mirrored', 'supervised')\n"
        "with strategy.scope():\n"
        "    m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])\n"
        "x = np.ones((5, 3), 'float32')\n"
        "print(predict_batch(m, x).shape, m.predict_on_batch(x).shape)\n"), 120)
    assert out.returncode == 0, out.stderr[-2000:]
    ours, keras_own = out.stdout.strip().splitlines()[-1].split(") (")
    assert ours == "(5, 2"  # one row per example
    assert keras_own == "10, 2)"  # Keras' own predict_on_batch gives every replica's copy (why predict_batch exists)
