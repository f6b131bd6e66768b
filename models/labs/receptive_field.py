"""Receptive fields through a chain of convolution and pooling layers taken from a network spec.

One output pixel of a layer depends only on a window of that layer's input, which depends on a larger window
one layer further down, and so on back to the image. Walking the chain backwards, an output interval [a, b]
of a layer with window k, stride s and p zeros padded before maps to the input interval
[a·s − p, b·s − p + k − 1]. Positions that fall on padding are constant zeros, so the region that actually
influences the pixel is clipped to the real pixels at every layer; the unclipped size is the textbook
"theoretical" receptive field.

Layer indices are positions in `NetworkSpec.layers` (the same numbers the editor and `keras_layer_name` use).
Sizes follow TensorFlow's rules (see labs.convolution.axis_size), so they match the Keras shape report.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..spec.catalog import checked_params
from ..spec.experiment import NetworkSpec
from .convolution import ConvError, axis_size

SPATIAL = ("Conv2D", "MaxPooling2D", "AveragePooling2D")
# Layers that act on each pixel separately: they pass the geometry through unchanged.
POINTWISE = ("Activation", "LeakyReLU", "Dropout", "BatchNormalization")


class ReceptiveFieldError(ValueError):
    """The chain or the chosen pixel cannot be used; the message says why."""


@dataclass(frozen=True)
class ChainLayer:
    """A conv/pool layer's geometry. Sizes are (rows, cols); pads are the zeros added before (top, left)."""

    spec_index: int
    type: str
    kernel: int
    stride: int
    padding: str
    pad_before: tuple[int, int]
    in_size: tuple[int, int]
    out_size: tuple[int, int]
    theoretical_size: int  # receptive field side for a pixel far from the border
    jump: int  # input pixels between neighbouring output pixels of this layer

    @property
    def label(self) -> str:
        what = f"{self.kernel}×{self.kernel}" + (" conv" if self.type == "Conv2D" else
                                                   " max-pool" if self.type == "MaxPooling2D" else " avg-pool")
        return f"layer {self.spec_index + 1}: {what}, stride {self.stride}, {self.padding} → " \
               f"{self.out_size[0]}×{self.out_size[1]}"


@dataclass
class Chain:
    """The usable layers from the input up to the first layer that is not conv/pool/pointwise."""

    input_size: tuple[int, int]
    layers: list[ChainLayer] = field(default_factory=list)
    input_index: int = -1  # -1: the network input; else the spec index of the Reshape that made the image
    stopped_at: int | None = None  # spec index of the layer that ended the chain
    note: str = ""
    # why the chain ended, for a window that words it in its own language: "global" (the layer sees the whole
    # map), "not_spatial", "no_image_before", "no_image", or "" (an error: `note` says it)
    stop_reason: str = ""
    stop_type: str = ""  # the layer type that ended it

    def by_spec_index(self, index: int) -> int:
        for pos, layer in enumerate(self.layers):
            if layer.spec_index == index:
                return pos
        usable = ", ".join(str(layer.spec_index + 1) for layer in self.layers) or "none"
        raise ReceptiveFieldError(f"layer {index + 1} is not a convolution or pooling layer of the image chain "
                                  f"(usable layers: {usable})")


def conv_chain(spec: NetworkSpec) -> Chain:
    """Geometry of every conv/pool layer a receptive field can be traced through."""
    shape = tuple(spec.input_shape)
    chain: Chain | None = None
    if len(shape) == 3:
        chain = Chain((int(shape[0]), int(shape[1])))
    elif len(shape) == 2:
        chain = Chain((int(shape[0]), int(shape[1])))
    rows_jump = 1
    rf = 1
    for i, layer in enumerate(spec.layers):
        if chain is None:
            if layer.type == "Reshape":
                target = layer.params.get("target_shape")
                if isinstance(target, (list, tuple)) and len(target) == 3 and all(
                        isinstance(d, int) and d > 0 for d in target):
                    chain = Chain((int(target[0]), int(target[1])), input_index=i)
                    continue
            if layer.type in POINTWISE or layer.type == "Dense":
                continue
            return Chain((0, 0), stopped_at=i, note=f"the network has no image input before layer {i + 1} "
                                                    f"({layer.type})", stop_reason="no_image_before",
                         stop_type=layer.type)
        if layer.type in POINTWISE:
            continue
        if layer.type not in SPATIAL:
            chain.stopped_at, chain.stop_type = i, layer.type
            if layer.type in ("Flatten", "Dense", "GlobalAveragePooling2D", "GlobalMaxPooling2D"):
                chain.stop_reason = "global"
                chain.note = (f"layer {i + 1} ({layer.type}) looks at the whole feature map, so from there on "
                              "every unit sees the whole image")
            else:
                chain.stop_reason = "not_spatial"
                chain.note = f"layer {i + 1} ({layer.type}) is not a convolution or pooling layer; the chain stops"
            break
        try:
            p = checked_params(layer.type, layer.params)
        except ValueError as exc:
            chain.stopped_at = i
            chain.note = f"layer {i + 1}: {exc}"
            break
        k = int(p["kernel_size"] if layer.type == "Conv2D" else p["pool_size"])
        s = int(p["strides"] if p.get("strides") is not None else (1 if layer.type == "Conv2D" else k))
        in_size = chain.layers[-1].out_size if chain.layers else chain.input_size
        try:
            rows = axis_size(in_size[0], k, s, p["padding"])
            cols = axis_size(in_size[1], k, s, p["padding"])
        except ConvError as exc:
            chain.stopped_at = i
            chain.note = f"layer {i + 1} ({layer.type}): {exc}"
            break
        rf = rf + (k - 1) * rows_jump
        rows_jump *= s
        chain.layers.append(ChainLayer(i, layer.type, k, s, p["padding"], (rows.pad_before, cols.pad_before),
                                       in_size, (rows.out, cols.out), rf, rows_jump))
    if chain is None:
        return Chain((0, 0), note="the network has no image input", stop_reason="no_image")
    return chain


@dataclass(frozen=True)
class Region:
    """The input pixels output pixel `pixel` of layer `spec_index` depends on (inclusive bounds).

    rows/cols are clipped to the image (what really influences the pixel); full_rows/full_cols are the
    unclipped window, which can reach into the zero padding.
    """

    spec_index: int
    pixel: tuple[int, int]
    rows: tuple[int, int]
    cols: tuple[int, int]
    full_rows: tuple[int, int]
    full_cols: tuple[int, int]
    input_size: tuple[int, int]
    per_layer: tuple[tuple[int, tuple[int, int], tuple[int, int]], ...] = ()  # (spec index, rows, cols) going down

    @property
    def size(self) -> tuple[int, int]:
        return self.rows[1] - self.rows[0] + 1, self.cols[1] - self.cols[0] + 1

    @property
    def full_size(self) -> tuple[int, int]:
        return self.full_rows[1] - self.full_rows[0] + 1, self.full_cols[1] - self.full_cols[0] + 1

    def text(self) -> str:
        h, w = self.size
        fh, fw = self.full_size
        extra = "" if (h, w) == (fh, fw) else \
            f" (the full {fh}×{fw} window reaches past the border into zero padding)"
        return (f"output pixel (row {self.pixel[0]}, column {self.pixel[1]}) of layer {self.spec_index + 1} depends "
                f"on input rows {self.rows[0]}–{self.rows[1]} and columns {self.cols[0]}–{self.cols[1]}: a "
                f"{h}×{w} region of the {self.input_size[0]}×{self.input_size[1]} input{extra}")

    def to_dict(self) -> dict[str, Any]:
        return {"layer": self.spec_index, "pixel": list(self.pixel), "rows": list(self.rows),
                "cols": list(self.cols), "size": list(self.size), "full_rows": list(self.full_rows),
                "full_cols": list(self.full_cols), "full_size": list(self.full_size)}


def receptive_field(spec: NetworkSpec | Chain, layer_index: int, row: int, col: int) -> Region:
    """The input region behind output pixel (row, col) of the conv/pool layer at spec index `layer_index`."""
    chain = spec if isinstance(spec, Chain) else conv_chain(spec)
    if not chain.layers:
        raise ReceptiveFieldError("there are no convolution or pooling layers to trace" +
                                  (f": {chain.note}" if chain.note else ""))
    pos = chain.by_spec_index(layer_index)
    top = chain.layers[pos]
    if not (0 <= row < top.out_size[0] and 0 <= col < top.out_size[1]):
        raise ReceptiveFieldError(f"pixel ({row}, {col}) is outside layer {layer_index + 1}'s "
                                  f"{top.out_size[0]}×{top.out_size[1]} output")
    r, c = (row, row), (col, col)
    fr, fc = (row, row), (col, col)
    trail = []
    for layer in reversed(chain.layers[:pos + 1]):
        s, k = layer.stride, layer.kernel
        pr, pc = layer.pad_before
        r = _clip((r[0] * s - pr, r[1] * s - pr + k - 1), layer.in_size[0])
        c = _clip((c[0] * s - pc, c[1] * s - pc + k - 1), layer.in_size[1])
        fr = (fr[0] * s - pr, fr[1] * s - pr + k - 1)
        fc = (fc[0] * s - pc, fc[1] * s - pc + k - 1)
        trail.append((layer.spec_index, r, c))
    return Region(layer_index, (row, col), r, c, fr, fc, chain.input_size, tuple(trail))


def _clip(interval: tuple[int, int], n: int) -> tuple[int, int]:
    return max(0, interval[0]), min(n - 1, interval[1])
