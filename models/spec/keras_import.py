"""A saved `.keras` model read back as a layer stack the editor can show, check and train.

The model is loaded with `safe_mode=True` (a `.keras` file carries a config that Keras turns into objects; no
lambda or custom code from a file is ever run). Only what the catalog can express is accepted: a straight
chain of catalog layers with one input. Anything else is refused with the list of layer names and classes the
catalog does not know, rather than opened half-right. The stack's weights stay in the file: a project that
starts from them names it in `training.initial_weights`, and the recipe copies them in when it builds.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalog import CATALOG, ParamError, checked_params
from .experiment import LayerSpec, NetworkSpec

_BY_CLASS = {t.keras_class: t for t in CATALOG.values()}
_INITIALIZERS = {"Orthogonal": "orthogonal", "GlorotUniform": "glorot_uniform"}


class ImportRefused(ValueError):
    """A .keras file that cannot become a layer stack; the message says why (e.g. which layers are unknown)."""


@dataclass
class ImportedModel:
    path: str
    spec: NetworkSpec
    model: Any  # the loaded keras.Model (its weights, to copy into the built stack)


def _square(value: Any, name: str, layer: str) -> Any:
    if isinstance(value, (list, tuple)):
        if len(set(value)) != 1:
            raise ImportRefused(f"layer '{layer}': {name} {tuple(value)} is not square; the editor's layers use "
                                "square kernels, windows and strides")
        return int(value[0])
    return value


def _params(layer: Any, type_name: str) -> dict[str, Any]:
    config = layer.get_config()
    ltype = CATALOG[type_name]
    out: dict[str, Any] = {}
    for p in ltype.params:
        if p.name in ("l1", "l2"):
            reg = config.get("kernel_regularizer")
            inner = reg.get("config", {}) if isinstance(reg, dict) else {}
            out[p.name] = float(inner.get(p.name, 0.0) or 0.0)
        elif p.name == "recurrent_initializer":
            init = config.get("recurrent_initializer")
            name = init.get("class_name") if isinstance(init, dict) else init
            if name not in _INITIALIZERS and name not in _INITIALIZERS.values():
                raise ImportRefused(f"layer '{layer.name}': recurrent_initializer {name!r} is not one the "
                                    f"editor offers ({', '.join(_INITIALIZERS.values())})")
            out[p.name] = _INITIALIZERS.get(name, name)
        elif p.name == "bidirectional":
            out[p.name] = False
        elif p.name in config:
            value = config[p.name]
            if p.name in ("kernel_size", "strides", "pool_size", "size"):
                value = _square(value, p.name, layer.name)
            if p.name == "target_shape" and isinstance(value, tuple):
                value = list(value)
            out[p.name] = value
    return out


def layer_specs(model: Any) -> list[LayerSpec]:
    """The model's layers as specs; ImportRefused listing every layer the catalog does not know."""
    import keras

    layers = [layer for layer in model.layers if not isinstance(layer, keras.layers.InputLayer)]
    unknown = []
    specs: list[LayerSpec] = []
    for layer in layers:
        bidirectional = isinstance(layer, keras.layers.Bidirectional)
        inner = layer.forward_layer if bidirectional else layer
        ltype = _BY_CLASS.get(type(inner).__name__)
        if ltype is None or (bidirectional and ltype.category != "Recurrent"):
            unknown.append(f"{layer.name} ({type(layer).__name__})")
            continue
        try:
            params = _params(inner, ltype.name)
            if bidirectional:
                params["bidirectional"] = True
            specs.append(LayerSpec(ltype.name, checked_params(ltype.name, params)))
        except ParamError as exc:
            raise ImportRefused(f"layer '{layer.name}': {exc}") from None
    if unknown:
        raise ImportRefused(f"{len(unknown)} layer{'s' if len(unknown) > 1 else ''} the editor does not know: "
                            + ", ".join(unknown))
    return specs


def import_keras(path: str | Path) -> ImportedModel:
    """Read a .keras file (safe mode) into a stack; ImportRefused when it is not one the editor can hold."""
    import keras

    path = Path(path)
    if path.suffix != ".keras":
        raise ImportRefused(f"{path.name}: expected a .keras model file")
    if not path.is_file():
        raise ImportRefused(f"{path}: no such file")
    try:
        model = keras.saving.load_model(str(path), safe_mode=True, compile=False)
    except Exception as exc:  # noqa: BLE001 - a foreign or damaged file: say so, never crash
        raise ImportRefused(f"{path.name} could not be read as a Keras model: {type(exc).__name__}: "
                            f"{str(exc)[:200]}") from None
    inputs = getattr(model, "inputs", None) or []
    if len(inputs) != 1 or len(getattr(model, "outputs", []) or []) != 1:
        raise ImportRefused(f"{path.name} has {len(inputs)} inputs and {len(model.outputs or [])} outputs; the "
                            "editor holds one chain from one input to one output")
    tensor = inputs[0]
    spec = NetworkSpec(tuple(int(d) for d in tensor.shape[1:]), layer_specs(model),
                       input_dtype=str(tensor.dtype))
    _check_rebuilt(model, spec, path.name)
    return ImportedModel(str(path), spec, model)


def _check_rebuilt(model: Any, spec: NetworkSpec, name: str) -> None:
    """The stack rebuilt from the specs, with the file's weights, must compute what the file's model does: a
    functional model that reuses a layer or skips one is not the chain its layer list suggests."""
    import numpy as np

    from .build import build_network

    rebuilt, report = build_network(spec)
    if report.error is not None or rebuilt is None:
        raise ImportRefused(f"{name}: its layers do not build as one chain ({report.error})")
    copy_weights(model, rebuilt)
    shape = (4, *spec.input_shape)
    rng = np.random.default_rng(0)
    x = (rng.integers(0, 2, shape) if "int" in spec.input_dtype else rng.standard_normal(shape)).astype(spec.input_dtype)
    want, got = np.asarray(model(x, training=False)), np.asarray(rebuilt(x, training=False))
    if want.shape != got.shape or not np.allclose(want, got, atol=1e-4, rtol=1e-3):
        raise ImportRefused(f"{name} is not a single chain of its layers (rebuilt in order, it computes something "
                            "else); the editor holds one chain")


def copy_weights(source: Any, target: Any) -> None:
    """The imported model's weights into a freshly built stack of the same layers; ImportRefused naming the
    first layer whose weights do not fit (the stack was edited since it was opened)."""
    import keras

    src = [lay for lay in source.layers if not isinstance(lay, keras.layers.InputLayer)]
    dst = [lay for lay in target.layers if not isinstance(lay, keras.layers.InputLayer)]
    if len(src) != len(dst):
        raise ImportRefused(f"the network has {len(dst)} layers, the weights file {len(src)}: it was edited "
                            "since it was opened")
    for i, (a, b) in enumerate(zip(src, dst), start=1):
        wa, wb = a.get_weights(), b.get_weights()
        if [w.shape for w in wa] != [w.shape for w in wb]:
            raise ImportRefused(f"layer {i} ({type(b).__name__}): its weights have shapes "
                                f"{[w.shape for w in wb]}, the file's {[w.shape for w in wa]}")
        b.set_weights(wa)
