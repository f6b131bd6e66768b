"""A standalone Python script that rebuilds and trains a supervised network with plain Keras."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from models.data import load_dataset
from models.files import atomic_write_bytes, atomic_write_text
from models.spec.catalog import keras_kwargs, last_activation, layer_type
from models.spec.experiment import Experiment, NetworkSpec


def _kwargs_code(type_name: str, params: dict[str, Any]) -> str:
    kwargs = keras_kwargs(type_name, params)
    parts = []
    for key, value in kwargs.items():
        if key == "kernel_regularizer":
            cfg = value.get_config()
            parts.append(f"kernel_regularizer=keras.regularizers.L1L2(l1={cfg['l1']!r}, l2={cfg['l2']!r})")
        else:
            parts.append(f"{key}={value!r}")
    return ", ".join(parts)


def network_code(spec: NetworkSpec, var: str = "model", name: str = "model") -> str:
    lines = [f"inputs = keras.Input(shape={tuple(spec.input_shape)!r}, dtype={spec.input_dtype!r})", "x = inputs"]
    for layer in spec.layers:
        ltype = layer_type(layer.type)
        ctor = f"keras.layers.{ltype.keras_class}({_kwargs_code(layer.type, layer.params)})"
        if ltype.category == "Recurrent" and layer.params.get("bidirectional"):
            ctor = f"keras.layers.Bidirectional({ctor})"
        lines.append(f"x = {ctor}(x)")
    lines.append(f"{var} = keras.Model(inputs, x, name={name!r})")
    return "\n".join(lines)


# Every value from the project reaches the script as a literal made by repr(), never as text pasted into code
# or a docstring: a project name like 'x"""; import os' must stay a string (tests/models/families/supervised/test_script.py).
_SCRIPT = '''#!/usr/bin/env python3
"""A network exported from Layerwise (its project name is TITLE below).

Rebuilds the same architecture with plain Keras and trains it. Needs only tensorflow/keras and numpy.
Run this file with python.
"""
import numpy as np
import keras

TITLE = {title!r}
SEED = {seed!r}
EPOCHS = {epochs!r}
BATCH_SIZE = {batch_size!r}
LEARNING_RATE = {lr!r}


def load_data():
{load_data}


def build_model():
{network}
    return model


def main():
    keras.utils.set_random_seed(SEED)
    (x_train, y_train), (x_val, y_val), (x_test, y_test) = load_data()
    model = build_model()
    model.summary()
    model.compile(optimizer=keras.optimizers.{optimizer}, loss={loss}, metrics={metrics})
    model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=EPOCHS, validation_data=(x_val, y_val))
    print("test:", model.evaluate(x_test, y_test, return_dict=True, verbose=0))


if __name__ == "__main__":
    main()
'''

_MNIST_LOADER = '''    """Full MNIST from keras.datasets (downloads once); 10% of the training set held out for validation."""
    (x, y), (x_test, y_test) = keras.datasets.mnist.load_data()
    x = (x.astype("float32") / 255.0)[..., None]
    x_test = (x_test.astype("float32") / 255.0)[..., None]
    rng = np.random.default_rng(SEED)
    order = rng.permutation(len(x))
    n_val = len(x) // 10
    val, train = order[:n_val], order[n_val:]
    return (x[train], y[train]), (x[val], y[val]), (x_test, y_test)'''

_NPZ_LOADER = '''    """The exact arrays Layerwise trained on, saved beside this script."""
    import os
    here = os.path.dirname(os.path.abspath(__file__))
    with np.load(os.path.join(here, {data_name!r})) as d:
        return ((d["x_train"], d["y_train"]), (d["x_val"], d["y_val"]), (d["x_test"], d["y_test"]))'''

_OPTIMIZER_CODE = {"adam": "Adam", "sgd": "SGD", "rmsprop": "RMSprop", "adamw": "AdamW", "adagrad": "Adagrad",
                   "nadam": "Nadam", "momentum": "SGD"}


def _loss_code(experiment: Experiment, task: str) -> tuple[str, str]:
    cfg = experiment.training
    last = last_activation(experiment.networks["main"])
    logits = last not in ("softmax", "sigmoid")
    units = None
    if experiment.networks["main"].layers:
        units = experiment.networks["main"].layers[-1].params.get("units")
    binary = task == "binary" or units == 1
    if cfg.loss != "auto":
        loss = repr(cfg.loss)
    elif binary:
        loss = f"keras.losses.BinaryCrossentropy(from_logits={logits})"
    else:
        loss = f"keras.losses.SparseCategoricalCrossentropy(from_logits={logits})"
    metrics = []
    for m in cfg.metrics:
        if m == "accuracy" and binary:
            metrics.append(f"keras.metrics.BinaryAccuracy(name='accuracy', threshold={0.0 if logits else 0.5})")
        else:
            metrics.append(repr(m))
    return loss, "[" + ", ".join(metrics) + "]"


def write_script(experiment: Experiment, path: str | Path) -> str:
    """Write a runnable script for a supervised experiment (and, unless the data is MNIST, a .npz beside it)."""
    if experiment.family != "supervised" or "main" not in experiment.networks:
        raise ValueError(f"script export covers supervised networks; '{experiment.family}' models export as "
                         ".keras")
    path = Path(path)
    cfg = experiment.training
    data = load_dataset(experiment.dataset, experiment.dataset_options, seed=cfg.seed)
    if experiment.dataset == "mnist" and "offline" not in data.info.source:
        loader = _MNIST_LOADER
    else:
        data_path = path.with_suffix(".npz")
        arrays = {"x_train": data.x_train, "y_train": data.y_train, "x_val": data.x_val, "y_val": data.y_val,
                  "x_test": data.x_test, "y_test": data.y_test}
        atomic_write_bytes(data_path, lambda tmp: np.savez_compressed(tmp, **arrays), ".npz")
        loader = _NPZ_LOADER.format(data_name=data_path.name)
    loss, metrics = _loss_code(experiment, data.info.task)
    opt = _OPTIMIZER_CODE.get(cfg.optimizer.lower(), "Adam")
    opt_args = "learning_rate=LEARNING_RATE" + (", momentum=0.9" if cfg.optimizer.lower() == "momentum" else "")
    network = "\n".join("    " + line for line in network_code(experiment.networks["main"]).splitlines())
    text = _SCRIPT.format(title=str(experiment.name or experiment.preset or "model"),
                          seed=int(cfg.seed), epochs=int(cfg.epochs), batch_size=int(cfg.batch_size),
                          lr=float(cfg.learning_rate),
                          load_data=loader, network=network, optimizer=f"{opt}({opt_args})", loss=loss,
                          metrics=metrics)
    compile(text, str(path), "exec")  # a syntax error here is our bug, never the user's file
    atomic_write_text(path, text)
    return str(path)

