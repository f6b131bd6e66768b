"""Deployment formats: a trained model written as SavedModel, ONNX or LiteRT, and checked in its own runtime.

An export that only writes a file proves nothing: a converter can drop an op, change a padding or a layout,
and the app would hand the user a model that predicts something else. So every export here runs the written
model on the same samples in the runtime that will serve it (`tf.saved_model.load`, onnxruntime, the LiteRT
interpreter) and reports the largest difference from Keras. The format follows the path: `.keras`, `.onnx`,
`.tflite`, or a folder (no extension) for a SavedModel.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .files import save_keras

SAMPLES = 32  # examples run through the exported model to compare it with Keras
FORMATS: dict[str, str] = {".keras": "Keras", ".onnx": "ONNX", ".tflite": "LiteRT", "": "SavedModel"}


class DeployError(ValueError):
    """An export that could not be written or that does not predict what the Keras model predicts."""


@dataclass(frozen=True)
class ExportResult:
    path: str
    format: str  # a value of FORMATS
    max_difference: float  # largest |exported - Keras| over the check samples (0.0 for .keras itself)
    samples: int

    def text(self) -> str:
        if self.format == "Keras":
            return f"wrote {self.path} (Keras)"
        return (f"wrote {self.path} ({self.format}); on {self.samples} samples its outputs differ from Keras by at "
                f"most {self.max_difference:.2e}")


def format_of(path: str | Path) -> str:
    """The format a path asks for; DeployError for an extension no exporter writes."""
    suffix = Path(path).suffix.lower()
    if suffix in FORMATS:
        return FORMATS[suffix]
    raise DeployError(f"{Path(path).name}: export to .keras, .onnx, .tflite or a folder (SavedModel), not '{suffix}'")


def check_target(path: str | Path) -> str | None:
    """Why `path` cannot take an export (asked before training, so a long run is never lost to a bad path)."""
    path = Path(path)
    try:
        fmt = format_of(path)
    except DeployError as exc:
        return str(exc)
    if fmt == "SavedModel":
        if path.exists() and not path.is_dir():
            return f"{path} is a file; a SavedModel is a folder"
        if path.is_dir() and any(path.iterdir()) and not (path / "saved_model.pb").exists():
            return f"{path} is a folder with other files in it; name a new folder (or an earlier SavedModel)"
    elif path.is_dir():
        return f"{path} is a folder, not a {fmt} file"
    if path.exists() and not os.access(path, os.W_OK):
        return f"{path} is read-only"
    parent = path.parent
    while not parent.exists() and parent != parent.parent:  # missing folders are made when the export is written
        parent = parent.parent
    if not parent.is_dir():
        return f"{parent} is not a folder"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"cannot write into {parent} (permission denied)"
    return None


def check_samples(model: Any, samples: Any = None, seed: int = 0) -> list[np.ndarray]:
    """The inputs an export is checked on, one array per model input: the given test samples when they fit a
    single-input model, else draws of each input's shape (a generator's noise, a decoder's code, a label)."""
    inputs = list(getattr(model, "inputs", None) or [])
    if not inputs:
        raise DeployError("the model has no fixed input to check an export on")
    rng = np.random.default_rng(seed)
    out: list[np.ndarray] = []
    for tensor in inputs:
        shape = tuple(tensor.shape[1:])
        if any(d is None for d in shape):
            raise DeployError(f"the model's input {tensor.name} has no fixed shape ({shape}) to check an export on")
        dtype = str(getattr(tensor, "dtype", "float32"))
        if len(inputs) == 1 and samples is not None and tuple(np.shape(samples)[1:]) == shape and len(samples):
            out.append(np.asarray(samples[:SAMPLES]).astype(dtype))
        elif "int" in dtype:  # token or label ids: 0 and 1 exist in every vocabulary
            out.append(rng.integers(0, 2, size=(SAMPLES, *shape)).astype(dtype))
        else:
            out.append(rng.standard_normal((SAMPLES, *shape)).astype(dtype))
    return out


def _run_saved_model(path: Path, x: list[np.ndarray], names: list[str]) -> list[np.ndarray]:
    import tensorflow as tf

    loaded = tf.saved_model.load(str(path))  # held: its variables live as long as it does
    serve = loaded.serve
    specs = serve.concrete_functions[0].structured_input_signature[0]  # positional arguments, nested as in Keras
    flat = tf.nest.flatten(specs)
    by_name = dict(zip(names, x))
    tensors = [tf.constant(by_name.get(spec.name, x[i])) for i, spec in enumerate(flat)]
    got = serve(*tf.nest.pack_sequence_as(specs, tensors))
    return [np.asarray(g) for g in tf.nest.flatten(got)]


def _run_onnx(path: Path, x: list[np.ndarray]) -> list[np.ndarray]:
    import onnxruntime as ort

    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feeds = {spec.name: a for spec, a in zip(session.get_inputs(), x)}
    return [np.asarray(g) for g in session.run(None, feeds)]


def _run_litert(path: Path, x: list[np.ndarray], names: list[str]) -> list[np.ndarray]:
    from ai_edge_litert.interpreter import Interpreter

    runner = Interpreter(model_path=str(path)).get_signature_runner()
    keys = list(runner.get_input_details())
    if len(keys) == 1:
        feeds = {keys[0]: x[0]}
    else:  # the signature names the inputs after the Keras inputs, in its own (sorted) order
        if sorted(keys) != sorted(names):
            raise DeployError(f"the LiteRT signature's inputs {keys} are not the model's {names}")
        feeds = dict(zip(names, x))
    got = runner(**feeds)
    return [np.asarray(got[k]) for k in sorted(got, key=lambda k: int(k.rsplit("_", 1)[-1]) if k[-1].isdigit() else 0)]


def _flex_message(exc: Exception) -> str:
    if "Select TensorFlow op" in str(exc) or "Flex" in str(exc):
        return ("LiteRT cannot run this model on its own: the network needs TensorFlow ops that the LiteRT "
                "interpreter leaves out (a recurrent layer's loop, for one). Export it to ONNX or a SavedModel")
    return ""


def _largest_difference(got: list[np.ndarray], want: list[np.ndarray], fmt: str) -> float:
    """Largest |runtime - Keras| over all outputs. Runtimes do not keep Keras' order of several outputs (nor
    its names), so each Keras output is paired with the closest runtime output of the same shape."""
    if sorted(g.shape for g in got) != sorted(w.shape for w in want):
        raise DeployError(f"the {fmt} export gives outputs of shapes {[g.shape for g in got]}, Keras "
                          f"{[w.shape for w in want]}")
    free = list(range(len(got)))
    worst = 0.0
    for w in want:
        gaps = [(float(np.max(np.abs(got[i].astype("float64") - w.astype("float64")))) if w.size else 0.0, i)
                for i in free if got[i].shape == w.shape]
        gap, best = min(gaps)
        free.remove(best)
        worst = max(worst, gap)
    return worst


_KERAS_FORMAT = {"SavedModel": "tf_saved_model", "ONNX": "onnx", "LiteRT": "litert"}


def export_model(model: Any, path: str | Path, samples: Any = None) -> ExportResult:
    """Write `model` to `path` in the format its extension names, run it there and compare with Keras.

    The file appears only when the check passed: it is written and checked under a temporary name beside the
    target, then moved into place (an earlier export at the same path is replaced only by a good one).
    """
    path = Path(path)
    problem = check_target(path)
    if problem:
        raise DeployError(problem)
    fmt = format_of(path)
    if fmt == "Keras":
        return ExportResult(save_keras(model, path), fmt, 0.0, 0)
    x = check_samples(model, samples)
    want = model.predict(x if len(x) > 1 else x[0], verbose=0)  # also builds a model that was never called
    if isinstance(want, dict):  # named outputs (a class and a box, say)
        want = list(want.values())
    want = [np.asarray(w) for w in want] if isinstance(want, (list, tuple)) else [np.asarray(want)]
    parent = path.parent
    parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{path.name}.", dir=parent))
    try:
        tmp = work / ("model" + path.suffix)
        try:
            with warnings.catch_warnings():  # Keras' tf2onnx bridge warns about numpy aliases it then avoids
                warnings.simplefilter("ignore", FutureWarning)
                model.export(str(tmp), format=_KERAS_FORMAT[fmt], verbose=False)
        except Exception as exc:  # noqa: BLE001 - converters raise anything; the user needs the reason
            raise DeployError(f"{fmt} cannot hold this model: {type(exc).__name__}: {str(exc)[:300]}") from None
        try:
            if fmt == "SavedModel":
                got = _run_saved_model(tmp, x, [t.name for t in model.inputs])
            elif fmt == "ONNX":
                got = _run_onnx(tmp, x)
            else:
                got = _run_litert(tmp, x, [t.name for t in model.inputs])
        except DeployError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise DeployError(_flex_message(exc) or f"the {fmt} export was written but its runtime could not run "
                              f"it: {type(exc).__name__}: {str(exc)[:300]}") from None
        diff = _largest_difference(got, want, fmt)
        scale = max(1.0, *(float(np.max(np.abs(w))) for w in want if w.size))
        if not np.isfinite(diff) or diff > 1e-3 * scale:
            raise DeployError(f"the {fmt} export predicts differently from Keras (largest difference {diff:.3g}); "
                              "it was not written")
        if fmt == "SavedModel" and path.is_dir():
            shutil.rmtree(path)
        os.replace(tmp, path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return ExportResult(str(path), fmt, diff, len(x[0]))
