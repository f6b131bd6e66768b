"""Every palette layer: its Keras class, parameter schema and category.

The palette, the inspector form, validation, the builder and the code exporter all read this one table, so
a parameter added here shows up everywhere at once.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable

from .experiment import NetworkSpec

ACTIVATIONS: tuple[str, ...] = (
    "linear", "relu", "sigmoid", "tanh", "softmax", "leaky_relu", "elu", "selu", "gelu", "swish", "softplus",
)


class ParamError(ValueError):
    """A parameter value outside its schema; `param` names it."""

    def __init__(self, layer_type: str, param: str, message: str) -> None:
        super().__init__(f"{layer_type}.{param}: {message}" if param else f"{layer_type}: {message}")
        self.layer_type = layer_type
        self.param = param
        self.message = message


@dataclass(frozen=True)
class Param:
    """Schema of one parameter. kind: int, float, bool, choice or shape (a list of ints, -1 allowed once)."""

    name: str
    kind: str
    default: Any
    help: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    optional: bool = False  # None is allowed and means "Keras' own default"
    key: bool = False  # shown on the block in the editor
    suggested: tuple[float, ...] = ()  # numbers a form offers to pick from (e.g. a log scale); others still valid

    def check(self, layer_type: str, value: Any) -> Any:
        """Return the value normalised to its kind, or raise ParamError naming this parameter."""
        if value is None:
            if self.optional:
                return None
            raise ParamError(layer_type, self.name, "a value is required")
        if self.kind == "int":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or (
                    isinstance(value, float) and not value.is_integer()):
                raise ParamError(layer_type, self.name, f"expected a whole number, got {value!r}")
            value = int(value)
            self._range(layer_type, value)
            return value
        if self.kind == "float":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise ParamError(layer_type, self.name, f"expected a finite number, got {value!r}")
            value = float(value)
            self._range(layer_type, value)
            return value
        if self.kind == "bool":
            if not isinstance(value, bool):
                raise ParamError(layer_type, self.name, f"expected true or false, got {value!r}")
            return value
        if self.kind == "choice":
            if value not in self.choices:
                raise ParamError(layer_type, self.name, f"must be one of {', '.join(self.choices)}; got {value!r}")
            return value
        if self.kind == "shape":
            if not isinstance(value, (list, tuple)) or not value:
                raise ParamError(layer_type, self.name, f"expected a list of whole numbers, got {value!r}")
            dims = []
            for dim in value:
                if isinstance(dim, bool) or not isinstance(dim, int) or (dim <= 0 and dim != -1):
                    raise ParamError(layer_type, self.name, f"each size must be a positive whole number or -1, "
                                                            f"got {dim!r}")
                dims.append(dim)
            if dims.count(-1) > 1:
                raise ParamError(layer_type, self.name, "only one size may be -1 (inferred)")
            return dims
        raise AssertionError(f"unknown kind {self.kind}")

    def _range(self, layer_type: str, value: float) -> None:
        if self.minimum is not None and value < self.minimum:
            raise ParamError(layer_type, self.name, f"must be at least {self.minimum:g}, got {value:g}")
        if self.maximum is not None and value > self.maximum:
            raise ParamError(layer_type, self.name, f"must be at most {self.maximum:g}, got {value:g}")


@dataclass(frozen=True)
class LayerType:
    name: str
    category: str
    keras_class: str
    help: str
    params: tuple[Param, ...] = ()
    # Builds the keras layer kwargs from checked params (defaults to passing them through).
    to_kwargs: Callable[[dict[str, Any]], dict[str, Any]] | None = field(default=None, compare=False)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    def defaults(self) -> dict[str, Any]:
        return {p.name: p.default for p in self.params}


# --- shared parameter definitions -------------------------------------------------------------------------
def _activation(default: str = "relu") -> Param:
    return Param("activation", "choice", default, "The non-linearity applied to each output.",
                 choices=ACTIVATIONS, key=True)


_L1 = Param("l1", "float", 0.0, "L1 penalty on the weights: pushes many of them to exactly zero.", 0.0, 1.0)
_L2 = Param("l2", "float", 0.0, "L2 penalty (weight decay): keeps weights small to reduce overfitting.", 0.0, 1.0)
_PADDING = Param("padding", "choice", "valid", "'valid' uses no padding (output shrinks); 'same' pads with zeros "
                 "so stride 1 keeps the size.", choices=("valid", "same"), key=True)
_UNITS = Param("units", "int", 32, "Number of neurons (output features).", 1, 8192, key=True)
_FILTERS = Param("filters", "int", 32, "Number of kernels, i.e. output feature maps.", 1, 2048, key=True)
_KERNEL = Param("kernel_size", "int", 3, "Height and width of each square kernel.", 1, 15, key=True)
_STRIDES = Param("strides", "int", 1, "Step between kernel positions; 2 halves the output size.", 1, 8)
_POOL = Param("pool_size", "int", 2, "Height and width of each pooling window.", 1, 8, key=True)
_POOL_STRIDES = Param("strides", "int", None, "Step between windows; empty means equal to the pool size.", 1, 8,
                      optional=True)
_RNN_PARAMS = (
    _UNITS,
    Param("return_sequences", "bool", False, "Output the hidden state at every time step (many-to-many) instead "
          "of only the last one (many-to-one).", key=True),
    Param("bidirectional", "bool", False, "Read the sequence forwards and backwards and join both states.",
          key=True),
    Param("dropout", "float", 0.0, "Fraction of input units dropped during training.", 0.0, 0.95),
    Param("recurrent_initializer", "choice", "orthogonal", "How the state-to-state weights U start. "
          "'orthogonal' (Keras' default): U keeps the length of the state, so early on a signal neither fades "
          "nor blows up from step to step. 'glorot_uniform': random weights scaled by layer size, as in the "
          "textbook RNN; repeated multiplication by U then tends to shrink the state and its gradient.",
          choices=("orthogonal", "glorot_uniform")),
)


def _regularised(params: dict[str, Any]) -> dict[str, Any]:
    kwargs = {k: v for k, v in params.items() if k not in ("l1", "l2")}
    l1, l2 = params.get("l1", 0.0), params.get("l2", 0.0)
    if l1 or l2:
        import keras
        kwargs["kernel_regularizer"] = keras.regularizers.L1L2(l1=l1, l2=l2)
    return kwargs


def _square(params: dict[str, Any]) -> dict[str, Any]:
    kwargs = _regularised(params)
    for name in ("kernel_size", "strides", "pool_size", "size"):
        if kwargs.get(name) is not None:
            kwargs[name] = (kwargs[name], kwargs[name])
    return kwargs


def _rnn(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in params.items() if k != "bidirectional"}


_TYPES: tuple[LayerType, ...] = (
    LayerType("Dense", "Core", "Dense", "Fully connected: every output is a weighted sum of every input plus a "
              "bias, passed through the activation.",
              (_UNITS, _activation("relu"), Param("use_bias", "bool", True, "Add a learnable bias per unit."),
               _L1, _L2), _regularised),
    LayerType("Activation", "Core", "Activation", "Applies a non-linearity element by element; no weights.",
              (_activation("relu"),)),
    LayerType("LeakyReLU", "Core", "LeakyReLU", "Like ReLU, but negative inputs keep a small slope so their "
              "gradient never dies.",
              (Param("negative_slope", "float", 0.2, "Slope for negative inputs.", 0.0, 1.0, key=True),)),
    LayerType("Flatten", "Reshaping", "Flatten", "Unrolls a feature map into one long vector so Dense layers can "
              "use it."),
    LayerType("Reshape", "Reshaping", "Reshape", "Rearranges the same numbers into a new shape (-1 infers one "
              "size).", (Param("target_shape", "shape", [7, 7, 1], "New shape without the batch axis.",
                               key=True),)),
    LayerType("Conv2D", "Convolution", "Conv2D", "Slides small learnable kernels over the image; each kernel "
              "produces one feature map that lights up where its pattern occurs.",
              (_FILTERS, _KERNEL, _STRIDES, _PADDING, _activation("relu"), _L1, _L2), _square),
    LayerType("Conv2DTranspose", "Convolution", "Conv2DTranspose", "The reverse of a strided convolution: "
              "spreads each input pixel over a kernel-sized patch, growing the image (used by generators).",
              (_FILTERS, _KERNEL, _STRIDES, _PADDING, _activation("relu")), _square),
    LayerType("UpSampling2D", "Convolution", "UpSampling2D", "Repeats each pixel to enlarge the feature map; no "
              "weights.", (Param("size", "int", 2, "Enlargement factor per side.", 1, 8, key=True),), _square),
    LayerType("MaxPooling2D", "Pooling", "MaxPooling2D", "Keeps the largest value in each window: smaller maps, "
              "some tolerance to small shifts.", (_POOL, _POOL_STRIDES, _PADDING), _square),
    LayerType("AveragePooling2D", "Pooling", "AveragePooling2D", "Replaces each window by its mean.",
              (_POOL, _POOL_STRIDES, _PADDING), _square),
    LayerType("GlobalAveragePooling2D", "Pooling", "GlobalAveragePooling2D", "Averages each whole feature map to "
              "one number: a vector with one value per channel, whatever the image size."),
    LayerType("GlobalMaxPooling2D", "Pooling", "GlobalMaxPooling2D", "Takes the maximum of each whole feature "
              "map."),
    LayerType("Dropout", "Regularisation", "Dropout", "During training, zeroes a random fraction of its inputs "
              "so the network cannot rely on any single unit.",
              (Param("rate", "float", 0.5, "Fraction of inputs dropped during training.", 0.0, 0.95, key=True),)),
    LayerType("BatchNormalization", "Regularisation", "BatchNormalization", "Normalises each feature to zero mean "
              "and unit variance over the batch, then rescales with learned parameters; steadies training.",
              (Param("momentum", "float", 0.99, "How slowly the running mean and variance follow the batches.",
                     0.0, 1.0),)),
    LayerType("Embedding", "Text", "Embedding", "Looks up a learned vector for each integer token id.",
              (Param("input_dim", "int", 1000, "Vocabulary size (largest token id + 1).", 2, 1_000_000, key=True),
               Param("output_dim", "int", 32, "Length of each word vector.", 1, 4096, key=True),
               Param("mask_zero", "bool", False, "Treat id 0 as padding that later layers skip."))),
    LayerType("SimpleRNN", "Recurrent", "SimpleRNN", "A plain recurrent layer: h_t = tanh(W x_t + U h_(t-1) + b). "
              "Its gradient shrinks quickly over long sequences.", _RNN_PARAMS, _rnn),
    LayerType("LSTM", "Recurrent", "LSTM", "A recurrent layer with a memory cell guarded by input, forget and "
              "output gates, so information and gradients survive many steps.", _RNN_PARAMS, _rnn),
    LayerType("GRU", "Recurrent", "GRU", "A lighter gated recurrent layer with update and reset gates; often as "
              "good as LSTM and faster.", _RNN_PARAMS, _rnn),
)

CATALOG: dict[str, LayerType] = {t.name: t for t in _TYPES}
CATEGORIES: tuple[str, ...] = tuple(dict.fromkeys(t.category for t in _TYPES))


def layer_type(name: str) -> LayerType:
    try:
        return CATALOG[name]
    except KeyError:
        raise ParamError(name, "", f"unknown layer type (known: {', '.join(CATALOG)})") from None


def checked_params(type_name: str, params: dict[str, Any]) -> dict[str, Any]:
    """All parameters of a layer with defaults filled in, each checked against its schema."""
    ltype = layer_type(type_name)
    known = {p.name for p in ltype.params}
    for name in params:
        if name not in known:
            raise ParamError(type_name, name, f"unknown parameter (known: {', '.join(sorted(known)) or 'none'})")
    return {p.name: p.check(type_name, params.get(p.name, p.default)) for p in ltype.params}


def keras_kwargs(type_name: str, params: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments for the Keras class (checked, defaults filled, our extras translated)."""
    ltype = layer_type(type_name)
    values = checked_params(type_name, params)
    kwargs = ltype.to_kwargs(values) if ltype.to_kwargs else dict(values)
    return {k: v for k, v in kwargs.items() if v is not None}


def make_layer(type_name: str, params: dict[str, Any], name: str | None = None, dtype: str | None = None) -> Any:
    """A fresh Keras layer for this spec (imports keras on first use); `dtype` overrides the global policy (the
    last layer stays float32 under mixed precision)."""
    import keras

    ltype = layer_type(type_name)
    kwargs = keras_kwargs(type_name, params)
    if name:
        kwargs["name"] = name
    if dtype:
        kwargs["dtype"] = dtype
    if ltype.category == "Recurrent" and params.get("bidirectional"):
        inner_kwargs = {k: v for k, v in kwargs.items() if k != "name"}
        inner = getattr(keras.layers, ltype.keras_class)(**inner_kwargs)
        return keras.layers.Bidirectional(inner, name=name, **({"dtype": dtype} if dtype else {}))
    return getattr(keras.layers, ltype.keras_class)(**kwargs)


def summary_text(type_name: str, params: dict[str, Any]) -> str:
    """Key parameters in a short form for an editor block, e.g. 'filters 32 · kernel 3 · same · relu'."""
    ltype = CATALOG.get(type_name)
    if ltype is None:
        return ""
    parts = []
    for p in ltype.params:
        if not p.key:
            continue
        value = params.get(p.name, p.default)
        if p.kind == "bool":
            if value:
                parts.append(p.name.replace("_", " "))
        elif p.kind == "shape":
            parts.append("×".join(str(v) for v in value))
        elif p.kind == "choice":
            parts.append(str(value))
        else:
            parts.append(f"{p.name.replace('_', ' ')} {value:g}" if isinstance(value, float)
                         else f"{p.name.replace('_', ' ')} {value}")
    return " · ".join(parts)


# Layers that move or drop values without applying a non-linearity of their own.
_SHAPE_ONLY = {"Reshape", "Flatten", "Dropout", "UpSampling2D", "MaxPooling2D", "AveragePooling2D",
               "GlobalAveragePooling2D", "GlobalMaxPooling2D"}


def last_activation(spec: NetworkSpec) -> str | None:
    """The non-linearity that decides the range of a stack's output (layers that only move values are skipped).

    A loss reads it to know whether the outputs are probabilities or logits; a GAN's data range and a VAE's
    join check read it too. None when the stack is empty or ends in a layer whose output range is not set by an
    activation (e.g. BatchNormalization).
    """
    for layer in reversed(spec.layers):
        if layer.type in _SHAPE_ONLY:
            continue
        if layer.type == "LeakyReLU":
            return "leaky_relu"
        ltype = CATALOG.get(layer.type)
        if ltype is None:
            return None
        defaults = ltype.defaults()
        if "activation" in defaults:
            value = layer.params.get("activation", defaults["activation"])
            return value if value in ACTIVATIONS else None
        return None
    return None
