"""What we look inside a network with while it trains: decision boundaries, feature maps, first-layer kernels.

Each probe runs on the training thread (ProbeCallback calls `compute` at most every `interval_s` seconds,
stretching the interval when a probe is slow, and once at every epoch end) and returns plain numpy arrays and
floats, so the GUI can draw them without touching Keras. A probe never raises into training: a problem comes
back as {"error": "..."} in the payload.

Keras is imported lazily (inside methods), so the GUI may make these probes before TensorFlow loads.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from models.engine.probe import Probe
from models.inference import predict_batch
from models.outputs import class_output, probabilities
from models.spec.build import spec_index_of


FEATURE_LAYER_TYPES = ("Conv2D", "MaxPooling2D", "AveragePooling2D")
def _numpy(value: Any) -> np.ndarray:
    return np.asarray(value.numpy() if hasattr(value, "numpy") else value)


class DecisionBoundaryProbe(Probe):
    """The model's class-1 probability over a grid covering 2-D data, TensorFlow Playground style.

    Payload:
      xs (R,), ys (R,): grid coordinates of the first and second input feature;
      probability (R, R) float32: P(class 1) at (xs[col], ys[row]) for binary models; for more classes the
        probability of the predicted class;
      predicted (R, R) int32: the predicted class at each grid point;
      extent (x_min, x_max, y_min, y_max): the area covered, for the image view;
      points (N, 2) float32 and labels (N,) int32: the data drawn on top (at most `max_points`);
      accuracy: the share of those points the model currently gets right;
      binary: probability is P(class 1) (two classes), not the predicted class's probability;
      line: (w1, w2, b) when the model is a single neuron (one Dense layer: one sigmoid or linear unit, or two
        softmax units), whose boundary is the straight line w1*x1 + w2*x2 + b = 0; else None. The 0.5 contour
        of the picture shows only the part of a line that crosses it; this says where the rest is.
    """

    name = "decision_boundary"
    interval_s = 0.3

    def __init__(self, points: np.ndarray, labels: np.ndarray, resolution: int = 60, margin: float = 0.25,
                 max_points: int = 600) -> None:
        pts = np.asarray(points, dtype="float32")
        if pts.ndim != 2 or pts.shape[1] != 2:
            raise ValueError(f"the decision boundary needs 2-D inputs (N, 2), got shape {pts.shape}")
        if not 8 <= resolution <= 400:
            raise ValueError("resolution must be between 8 and 400")
        labels_arr = np.asarray(labels).reshape(len(pts), -1)
        lab = labels_arr[:, 0] if labels_arr.shape[1] == 1 else labels_arr.argmax(axis=1)
        keep = np.linspace(0, len(pts) - 1, min(len(pts), max_points)).astype(int) if len(pts) else np.array([], int)
        self.points = pts[keep]
        self.labels = lab[keep].astype("int32")
        lo, hi = pts.min(axis=0), pts.max(axis=0)
        span = np.maximum(hi - lo, 1e-6)
        lo, hi = lo - margin * span, hi + margin * span
        self.xs = np.linspace(lo[0], hi[0], resolution).astype("float32")
        self.ys = np.linspace(lo[1], hi[1], resolution).astype("float32")
        gx, gy = np.meshgrid(self.xs, self.ys)
        self.grid = np.stack([gx.ravel(), gy.ravel()], axis=1).astype("float32")
        self._inputs = np.concatenate([self.grid, self.points])
        self.resolution = resolution

    def on_start(self, model: Any) -> None:
        """Trace the compiled predict function once, before training, so the first epoch is not slowed."""
        try:
            predict_batch(model, self._inputs)
        except Exception:  # noqa: BLE001 - compute() reports the problem
            pass

    def compute(self, model: Any) -> dict[str, Any]:
        try:
            raw = _numpy(class_output(predict_batch(model, self._inputs)))
        except Exception as exc:  # noqa: BLE001 - a probe must never stop training
            return {"error": f"could not evaluate the model on the grid: {exc}"[:300]}
        probs = probabilities(raw)
        n = len(self.grid)
        grid_p, point_p = probs[:n], probs[n:]
        predicted = grid_p.argmax(axis=1)
        shown = grid_p[:, 1] if grid_p.shape[1] == 2 else grid_p.max(axis=1)
        r = self.resolution
        accuracy = float((point_p.argmax(axis=1) == self.labels).mean()) if len(self.labels) else float("nan")
        return {"xs": self.xs, "ys": self.ys, "probability": shown.reshape(r, r).astype("float32"),
                "predicted": predicted.reshape(r, r).astype("int32"),
                "extent": (float(self.xs[0]), float(self.xs[-1]), float(self.ys[0]), float(self.ys[-1])),
                "points": self.points, "labels": self.labels, "accuracy": accuracy, "line": neuron_line(model),
                "binary": grid_p.shape[1] == 2}


def neuron_line(model: Any) -> tuple[float, float, float] | None:
    """(w1, w2, b) of a single neuron on 2 inputs, whose class-1 logit is w1*x1 + w2*x2 + b; None otherwise.

    Two softmax units are one neuron too: their logit difference is affine with the weights' difference."""
    layers = [layer for layer in getattr(model, "layers", []) if layer.weights]
    if len(layers) != 1 or type(layers[0]).__name__ != "Dense" or not getattr(layers[0], "use_bias", False):
        return None
    kernel, bias = (_numpy(w).astype("float64") for w in layers[0].get_weights())
    activation = getattr(layers[0].activation, "__name__", "")
    if kernel.shape == (2, 1) and activation in ("sigmoid", "linear"):
        w, b = kernel[:, 0], float(bias[0])
    elif kernel.shape == (2, 2) and activation == "softmax":
        w, b = kernel[:, 1] - kernel[:, 0], float(bias[1] - bias[0])
    else:
        return None
    return float(w[0]), float(w[1]), b


class FeatureMapProbe(Probe):
    """Activations of every convolution and pooling layer for one chosen input image.

    A sub-model returning all those layers' outputs is built (and its predict function traced) once in
    `on_start`, which must run before `compute`; `compute` runs it on the image (at most every 0.5 s, plus
    once per epoch), about 2 ms for the cnn preset.

    Payload:
      input (H, W) float32: the image (first channel);
      layers list[str]: Keras layer names, e.g. 'L00_conv2d';
      spec_index list[int]: each layer's position in the network spec (-1 if unknown);
      types list[str]: 'Conv2D', 'MaxPooling2D', ...;
      maps list[(h, w, c) float32]: each layer's activations, at most `max_channels` channels;
      channels list[int]: each layer's full channel count;
      ranges list[(min, max)]: value range of each shown map, for fixed colour levels.
    """

    name = "feature_maps"
    interval_s = 0.5

    def __init__(self, image: np.ndarray, max_channels: int = 32,
                 layer_types: tuple[str, ...] = FEATURE_LAYER_TYPES) -> None:
        img = np.asarray(image, dtype="float32")
        if img.ndim == 2:
            img = img[..., None]
        if img.ndim != 3:
            raise ValueError(f"the feature-map probe needs one image (H, W) or (H, W, C), got {np.shape(image)}")
        self.image = img
        self.max_channels = max(1, int(max_channels))
        self.layer_types = layer_types
        self._sub: Any = None
        self._layers: list[Any] = []
        self._error = ""

    def on_start(self, model: Any) -> None:
        import keras

        self._sub, self._layers, self._error = None, [], ""
        want = tuple(model.inputs[0].shape[1:])
        if tuple(self.image.shape) != want:
            self._error = f"the chosen image has shape {self.image.shape} but the network expects {want}"
            return
        self._layers = [layer for layer in model.layers if type(layer).__name__ in self.layer_types]
        if not self._layers:
            self._error = "the network has no convolution or pooling layers"
            return
        try:
            inputs = model.inputs[0] if len(model.inputs) == 1 else model.inputs
            self._sub = keras.Model(inputs, [layer.output for layer in self._layers], name="feature_maps")
            # predict_on_batch runs a compiled function: ~2 ms per call instead of ~15 ms eagerly. The first
            # call traces it, so do that now rather than in the middle of training.
            predict_batch(self._sub, self.image[None])
        except Exception as exc:  # noqa: BLE001
            self._sub = None
            self._error = f"could not read the layers' outputs: {exc}"[:300]

    def compute(self, model: Any) -> dict[str, Any]:
        if self._sub is None:
            return {"error": self._error or "not started"}
        try:
            outs = predict_batch(self._sub, self.image[None])
        except Exception as exc:  # noqa: BLE001
            return {"error": f"could not compute the feature maps: {exc}"[:300]}
        if not isinstance(outs, (list, tuple)):
            outs = [outs]
        maps, channels, ranges = [], [], []
        for out in outs:
            a = _numpy(out)[0]
            channels.append(int(a.shape[-1]))
            a = a[..., : self.max_channels].astype("float32")
            maps.append(a)
            ranges.append((float(a.min()), float(a.max())))
        return {"input": self.image[..., 0], "layers": [layer.name for layer in self._layers],
                "spec_index": [spec_index_of(layer.name) for layer in self._layers],
                "types": [type(layer).__name__ for layer in self._layers], "maps": maps, "channels": channels,
                "ranges": ranges}


class KernelProbe(Probe):
    """The learned kernels of the first Conv2D layer, as small images.

    Payload:
      layer str, spec_index int: which layer;
      kernels (filters, kh, kw) float32: each kernel's weights (averaged over input channels when there are
        several, e.g. colour images);
      bias (filters,) float32;
      limit float: the largest |weight|, so views can use symmetric fixed levels (−limit, limit).
    """

    name = "kernels"
    interval_s = 1.0

    def __init__(self, max_filters: int = 64) -> None:
        self.max_filters = max(1, int(max_filters))

    def compute(self, model: Any) -> dict[str, Any]:
        layer = next((lay for lay in getattr(model, "layers", []) if type(lay).__name__ == "Conv2D"), None)
        if layer is None:
            return {"error": "the network has no Conv2D layer"}
        weights = [_numpy(w) for w in layer.weights]
        kernel = weights[0]  # (kh, kw, in, out)
        bias = weights[1] if len(weights) > 1 else np.zeros(kernel.shape[-1])
        k = kernel.mean(axis=2).transpose(2, 0, 1)[: self.max_filters].astype("float32")
        return {"layer": layer.name, "spec_index": spec_index_of(layer.name), "kernels": k,
                "bias": bias[: self.max_filters].astype("float32"), "limit": float(np.abs(k).max()) if k.size else 0.0}
