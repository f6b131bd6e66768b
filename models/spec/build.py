"""Spec -> keras.Model, and the shape report Keras itself computes.

Shapes and parameter counts come from a symbolic build (keras.Input + calling each layer), never from our
own arithmetic. A layer that cannot follow the one before it yields a `BuildError` naming its index, type
and a plain-English reason instead of a traceback.
"""
from __future__ import annotations

import json
import math
import re
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from .catalog import ParamError, layer_type, make_layer
from .experiment import NetworkSpec

_IMAGE_LAYERS = {"Conv2D", "Conv2DTranspose", "UpSampling2D", "MaxPooling2D", "AveragePooling2D",
                 "GlobalAveragePooling2D", "GlobalMaxPooling2D"}
_SEQUENCE_LAYERS = {"SimpleRNN", "LSTM", "GRU"}


@dataclass(frozen=True)
class BuildError:
    """Where a stack breaks. index is the layer's position (-1: the input itself)."""

    index: int
    layer_type: str
    reason: str
    role: str = "main"

    def __str__(self) -> str:
        where = "input" if self.index < 0 else f"layer {self.index + 1} ({self.layer_type})"
        prefix = f"{self.role}: " if self.role != "main" else ""
        return f"{prefix}{where}: {self.reason}"


@dataclass(frozen=True)
class LayerRow:
    index: int  # -1 for the input row
    layer_type: str
    output_shape: tuple[int | None, ...]
    params: int
    keras_name: str


@dataclass
class ShapeReport:
    rows: list[LayerRow] = field(default_factory=list)
    error: BuildError | None = None
    role: str = "main"

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def total_params(self) -> int:
        return sum(r.params for r in self.rows)

    @property
    def output_shape(self) -> tuple[int | None, ...] | None:
        return self.rows[-1].output_shape if self.rows and self.ok else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "ok": self.ok,
            "layers": [{"index": r.index, "type": r.layer_type, "output_shape": list(r.output_shape),
                        "params": r.params} for r in self.rows],
            "total_params": self.total_params,
            "error": None if self.error is None else {"index": self.error.index, "type": self.error.layer_type,
                                                      "reason": self.error.reason},
        }

    def text(self) -> str:
        lines = [f"{'#':>3}  {'layer':<24}{'output shape':<22}{'params':>10}"]
        for r in self.rows:
            idx = "in" if r.index < 0 else str(r.index + 1)
            lines.append(f"{idx:>3}  {r.layer_type:<24}{format_shape(r.output_shape):<22}{r.params:>10,}")
        lines.append(f"     total parameters: {self.total_params:,}")
        if self.error:
            lines.append(f"ERROR {self.error}")
        return "\n".join(lines)


class BuildFailed(ValueError):
    def __init__(self, error: BuildError) -> None:
        super().__init__(str(error))
        self.error = error


def format_shape(shape: tuple[int | None, ...]) -> str:
    return "(" + ", ".join("batch" if d is None else str(d) for d in shape) + ")"


def keras_layer_name(index: int, type_name: str) -> str:
    """Stable layer names let probes map Keras layers back to spec positions (see `spec_index_of`)."""
    return f"L{index:02d}_{type_name.lower()}"


_SPEC_NAME = re.compile(r"^L(\d+)_")


def spec_index_of(layer_name: str) -> int:
    """The spec position encoded in our Keras layer names ('L03_conv2d' -> 3); -1 when absent."""
    m = _SPEC_NAME.match(layer_name)
    return int(m.group(1)) if m else -1


# Validation cache: (layer spec, input shape, input dtype) -> (output shape, output dtype, parameters).
# In a stack each layer's result depends only on its own settings and the tensor it receives, so after an
# edit every layer whose input did not change is answered from here, above or below the edit.
_LAYER_CACHE: "OrderedDict[str, tuple[tuple[int | None, ...], str, int]]" = OrderedDict()
_LAYER_CACHE_SIZE = 2048


def clear_validation_cache() -> None:
    """Forget cached layer results (call with keras.backend.clear_session())."""
    _LAYER_CACHE.clear()


def _layer_key(layer_spec: Any, shape: tuple[int | None, ...], dtype: str) -> str:
    return json.dumps([layer_spec.type, layer_spec.params, list(shape), dtype], sort_keys=True, default=str)


def _mixed() -> bool:
    """Mixed precision is on (the run's --precision mixed): the last layer then computes in float32, as Keras'
    guide advises, so softmax, sigmoid and the loss after it keep their precision."""
    import keras

    return keras.config.dtype_policy().name.startswith("mixed")


def build_network(spec: NetworkSpec, role: str = "main", make_model: bool = True,
                  reuse_layers: bool = False) -> tuple[Any, ShapeReport]:
    """Build symbolically; returns (keras.Model or None, report). Never raises for a bad stack.

    reuse_layers (validation only, no model): a layer seen before with the same settings and the same input
    shape reuses that result instead of being built again, so an edit rebuilds only the layers whose input
    it changed.
    """
    import keras

    report = ShapeReport(role=role)
    try:
        inputs = keras.Input(shape=tuple(spec.input_shape), dtype=spec.input_dtype, name=f"{role}_input")
    except Exception as exc:  # noqa: BLE001 - anything Keras says becomes a located message
        report.error = BuildError(-1, "Input", f"invalid input shape {spec.input_shape}: {exc}", role)
        return None, report
    report.rows.append(LayerRow(-1, "Input", tuple(inputs.shape), 0, inputs.name))
    if not spec.layers:
        report.error = BuildError(-1, "Input", "the network has no layers yet: add at least one", role)
        return None, report
    reuse_layers = reuse_layers and not make_model  # a model needs every layer really connected
    x = inputs
    for i, layer_spec in enumerate(spec.layers):
        shape = tuple(x.shape)
        if reuse_layers:
            key = _layer_key(layer_spec, shape, str(x.dtype))
            hit = _LAYER_CACHE.get(key)
            if hit is not None:
                _LAYER_CACHE.move_to_end(key)
                out_shape, out_dtype, params = hit
                report.rows.append(LayerRow(i, layer_spec.type, out_shape, params,
                                            keras_layer_name(i, layer_spec.type)))
                x = keras.KerasTensor(out_shape, dtype=out_dtype)
                continue
        try:
            layer_type(layer_spec.type)
        except ParamError as exc:
            report.error = BuildError(i, layer_spec.type, exc.message, role)
            return None, report
        reason = _precheck(i, layer_spec.type, layer_spec.params, shape, str(x.dtype))
        if reason:
            report.error = BuildError(i, layer_spec.type, reason, role)
            return None, report
        try:
            last = make_model and i == len(spec.layers) - 1 and _mixed()
            layer = make_layer(layer_spec.type, layer_spec.params, keras_layer_name(i, layer_spec.type),
                               **({"dtype": "float32"} if last else {}))
        except ParamError as exc:
            report.error = BuildError(i, layer_spec.type, f"parameter '{exc.param}' {exc.message}", role)
            return None, report
        except Exception as exc:  # noqa: BLE001
            report.error = BuildError(i, layer_spec.type, f"invalid settings: {_short(exc)}", role)
            return None, report
        try:
            y = layer(x)
        except Exception as exc:  # noqa: BLE001
            report.error = BuildError(i, layer_spec.type, _explain(layer_spec.type, layer_spec.params, shape, exc),
                                      role)
            return None, report
        out_shape = tuple(y.shape)
        if any(d is not None and d <= 0 for d in out_shape[1:]):
            report.error = BuildError(i, layer_spec.type, f"the output would be empty {format_shape(out_shape)}: "
                                      "the input is too small for this kernel/pool; use padding 'same', a "
                                      "smaller window or fewer pooling layers", role)
            return None, report
        row = LayerRow(i, layer_spec.type, out_shape, int(layer.count_params()), layer.name)
        report.rows.append(row)
        x = y
        if reuse_layers:
            _LAYER_CACHE[key] = (out_shape, str(y.dtype), row.params)
            if len(_LAYER_CACHE) > _LAYER_CACHE_SIZE:
                _LAYER_CACHE.popitem(last=False)
    model = keras.Model(inputs, x, name=role) if make_model else None
    return model, report


def validate_network(spec: NetworkSpec, role: str = "main") -> ShapeReport:
    """The shape report only. Builds inside a StatelessScope that never initialises the variables: filling
    weights with random numbers was most of a build's cost, and validation runs on every edit."""
    import keras

    try:
        from keras.src.backend.common import global_state
    except ImportError:  # private module moved: fall back to a full (slower) build
        return build_network(spec, role, make_model=False, reuse_layers=True)[1]
    pending = list(global_state.get_global_attribute("uninitialized_variables", []) or [])
    try:
        with keras.StatelessScope(initialize_variables=False):
            _, report = build_network(spec, role, make_model=False, reuse_layers=True)
    finally:
        # The deferred variables would otherwise pile up in Keras' global list on every edit.
        global_state.set_global_attribute("uninitialized_variables", pending)
    return report


def build_model(spec: NetworkSpec, role: str = "main") -> Any:
    model, report = build_network(spec, role)
    if report.error is not None:
        raise BuildFailed(report.error)
    return model


def _rank_name(shape: tuple[int | None, ...]) -> str:
    return f"{len(shape)}-D tensor {format_shape(shape)}"


def _precheck(index: int, type_name: str, params: dict[str, Any], shape: tuple[int | None, ...],
              dtype: str) -> str | None:
    """Plain-English reasons for the mistakes people make most; Keras' own errors cover the rest."""
    rank = len(shape)
    if type_name == "Dense" and rank > 3:
        return (f"Dense after a {_rank_name(shape)}: add Flatten or a global pooling layer first so each "
                "example is one vector")
    if type_name in _IMAGE_LAYERS and rank != 4:
        hint = ("add Reshape (e.g. to height×width×channels) first" if rank == 2 else
                "it needs a 4-D (batch, height, width, channels) input")
        return f"{type_name} needs an image-like 4-D tensor (batch, height, width, channels), got " \
               f"{_rank_name(shape)}: {hint}"
    if type_name in _SEQUENCE_LAYERS and rank != 3:
        hint = "put an Embedding or a Reshape to (time steps, features) before it" if rank == 2 else \
            "use Reshape to (time steps, features) first"
        return f"{type_name} needs a sequence, a 3-D tensor (batch, time, features), got {_rank_name(shape)}: " \
               f"{hint}"
    if type_name == "Embedding":
        if rank != 2 or "int" not in dtype:
            return ("Embedding looks up integer token ids, so it must come first, right after an integer "
                    f"input of shape (sequence length,); here it gets a {dtype} {_rank_name(shape)}")
    if type_name == "Flatten" and rank <= 2:
        return f"Flatten after a {_rank_name(shape)} does nothing: each example is already a vector"
    if type_name == "Reshape":
        target = params.get("target_shape", layer_type("Reshape").param("target_shape").default)
        if isinstance(target, (list, tuple)) and all(isinstance(d, int) for d in target):
            have = math.prod(d for d in shape[1:] if d is not None)
            known = math.prod(d for d in target if d != -1)
            if known > 0 and (-1 not in target and known != have or -1 in target and have % known):
                want = "×".join(str(d) for d in target)
                return (f"Reshape to {want} needs {known} values per example (or a multiple, with -1) but its "
                        f"input {format_shape(shape)} has {have}")
    if type_name in ("Conv2D", "MaxPooling2D", "AveragePooling2D") and rank == 4:
        size = params.get("kernel_size", params.get("pool_size", 3 if type_name == "Conv2D" else 2))
        padding = params.get("padding", "valid")
        h, w = shape[1], shape[2]
        if isinstance(size, int) and padding == "valid" and h is not None and w is not None and (size > h or
                                                                                                   size > w):
            return (f"the {size}×{size} window is larger than its {h}×{w} input: use padding 'same', a smaller "
                    "window, or fewer pooling layers before it")
    return None


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    text = re.sub(r"\s+", " ", text)
    return text[:240]


def _explain(type_name: str, params: dict[str, Any], shape: tuple[int | None, ...], exc: Exception) -> str:
    msg = str(exc)
    if "negative" in msg.lower() or "non-positive" in msg.lower():
        return (f"the input {format_shape(shape)} is too small for this layer's window; use padding 'same' or "
                "fewer pooling layers before it")
    return f"cannot follow a {_rank_name(shape)}: {_short(exc)}"
