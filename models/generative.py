"""Generative models (GAN, DCGAN, WGAN, conditional GAN): settings, presets, checks and after-training tools.

Nothing here imports keras at module level, so the editor can read option schemas, presets and join checks
before TensorFlow loads. The adversarial models themselves live in `models/training/gan.py` (worker thread);
the live-view probes are defined there too and re-exported here lazily (`SampleGridProbe`,
`ClassHistogramProbe`).

Functions that take a `model` expect the *exported generator*: a keras.Model whose inputs are a noise vector
(and, for a conditional GAN, an integer label of shape (1,)) and whose output is images with pixels in [0, 1].
That is what `Prepared.export_model` holds, what `TrainingSession.with_model(fn)` hands over, and what
`python main.py train gan --export g.keras` writes. Call them on the training thread when a session owns
the model.
"""
from __future__ import annotations

import dataclasses
import math
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .build import BuildError, ShapeReport, format_shape
from .catalog import ACTIVATIONS, Param, ParamError, layer_type
from .data import dataset_shape
from .presets import Preset, PresetError, register
from .specs import Experiment, LayerSpec, NetworkSpec, TrainingConfig

FAMILIES: tuple[str, ...] = ("gan", "wgan", "cgan")
# v2: trained 12 epochs instead of 4. The 4-epoch judge was just as accurate but under-confident: it read only
# 87% of real held-out digits with confidence >= 0.9 (94% now), which made every generator look worse.
CLASSIFIER_FILE = "mnist_classifier_v2.keras"
CONFIDENT = 0.9  # a sample counts as a recognisable digit when the classifier is at least this sure


class OptionError(ValueError):
    """A family option with a bad value; the message names the option."""


# --- options -----------------------------------------------------------------------------------------------
_COMMON: tuple[Param, ...] = (
    Param("g_learning_rate", "float", None, "Generator learning rate; empty means the training learning rate.",
          1e-7, 1.0, optional=True),
    Param("d_learning_rate", "float", None, "Discriminator (critic) learning rate; empty means the training "
          "learning rate.", 1e-7, 1.0, optional=True),
    Param("g_optimizer", "choice", None, "Generator optimizer; empty means the training optimizer.",
          choices=("adam", "sgd", "momentum", "rmsprop", "adamw", "adagrad", "nadam"), optional=True),
    Param("d_optimizer", "choice", None, "Discriminator (critic) optimizer; empty means the training optimizer.",
          choices=("adam", "sgd", "momentum", "rmsprop", "adamw", "adagrad", "nadam"), optional=True),
    Param("beta_1", "float", 0.5, "Adam's momentum term. GANs are steadier with 0.5 than with Keras' 0.9, "
          "because old gradients point at an opponent that has since moved.", 0.0, 0.999),
    Param("grid_columns", "int", 8, "Columns of the live sample grid (the fixed-noise batch).", 1, 16),
    Param("grid_rows", "int", 8, "Rows of the live sample grid (a conditional GAN always shows one row per "
          "class).", 1, 16),
    Param("quality_check", "bool", True, "Classify generated digits with an MNIST classifier (trained once and "
          "cached) to spot mode collapse while training and score the result afterwards."),
)
_GAN_ONLY: tuple[Param, ...] = (
    Param("d_steps", "int", 1, "k: discriminator updates per generator update, each on its own batch of real "
          "images.", 1, 10),
    Param("label_smoothing", "float", 0.0, "One-sided label smoothing: real images get the target 1 - s instead "
          "of 1, so the discriminator never becomes fully certain.", 0.0, 0.5),
    Param("generator_loss", "choice", "non_saturating", "non_saturating: the generator maximises log D(G(z)), "
          "which gives strong gradients early on when D easily spots fakes; minimax: it minimises "
          "log(1 - D(G(z))) as in the original game, whose gradient vanishes exactly then.",
          choices=("non_saturating", "minimax")),
)
_WGAN_ONLY: tuple[Param, ...] = (
    Param("n_critic", "int", 5, "Critic updates per generator update, each on its own batch of real images.",
          1, 20),
    Param("clip", "float", 0.01, "c: after every critic update each critic weight is clipped to [-c, c], a "
          "crude way to keep the critic 1-Lipschitz.", 1e-4, 1.0),
)
OPTIONS: dict[str, tuple[Param, ...]] = {
    "gan": _GAN_ONLY + _COMMON,
    "cgan": _GAN_ONLY + _COMMON,
    "wgan": _WGAN_ONLY + _COMMON,
}
# Options that are not in the schema because they are free text.
TEXT_OPTIONS: dict[str, str] = {
    "classifier_path": "A .keras MNIST classifier of your own (input 28x28x1 in [0, 1], 10 outputs) to use for "
                       "the quality check instead of the app's cached one.",
}


def checked_options(family: str, schema: tuple[Param, ...], options: dict[str, Any], owner: str
                    ) -> dict[str, Any]:
    """A generative family's options (GANs, VAEs) checked against its schema, defaults filled in, plus the free-
    text `classifier_path`; raises OptionError naming the option. `owner` words the unknown-option message."""
    known = {p.name for p in schema} | set(TEXT_OPTIONS)
    for name in options:
        if name not in known:
            raise OptionError(f"option '{name}' is not used by {owner} (known: {', '.join(sorted(known))})")
    out: dict[str, Any] = {}
    for p in schema:
        try:
            out[p.name] = p.check(family, options.get(p.name, p.default))
        except ParamError as exc:
            raise OptionError(f"option '{p.name}' {exc.message}") from None
    path = options.get("classifier_path", "")
    if not isinstance(path, str):
        raise OptionError(f"option 'classifier_path' must be a file path, got {path!r}")
    out["classifier_path"] = path
    return out


def resolve_options(experiment: Experiment) -> dict[str, Any]:
    """The family's options with defaults filled in and each value checked; raises OptionError."""
    family = experiment.family
    if family not in OPTIONS:
        raise OptionError(f"'{family}' is not a generative family (known: {', '.join(FAMILIES)})")
    out = checked_options(family, OPTIONS[family], experiment.options, family)
    cfg = experiment.training
    for who in ("g", "d"):
        if out[f"{who}_learning_rate"] is None:
            out[f"{who}_learning_rate"] = float(cfg.learning_rate)
        if out[f"{who}_optimizer"] is None:
            out[f"{who}_optimizer"] = cfg.optimizer.lower()
    return out


# --- what the networks end with ----------------------------------------------------------------------------
_SHAPE_ONLY = {"Reshape", "Flatten", "Dropout", "UpSampling2D", "MaxPooling2D", "AveragePooling2D",
               "GlobalAveragePooling2D", "GlobalMaxPooling2D"}


def output_activation(spec: NetworkSpec) -> str | None:
    """The non-linearity that decides the range of a stack's output (layers that only move values are skipped).

    None when the stack is empty or ends in a layer whose output range is not set by an activation.
    """
    for layer in reversed(spec.layers):
        if layer.type in _SHAPE_ONLY:
            continue
        if layer.type == "LeakyReLU":
            return "leaky_relu"
        try:
            defaults = layer_type(layer.type).defaults()
        except ParamError:
            return None
        if "activation" in defaults:
            value = layer.params.get("activation", defaults["activation"])
            return value if value in ACTIVATIONS else None
        return None
    return None


def data_range(generator: NetworkSpec) -> tuple[float, float]:
    """The pixel range real images are rescaled to, matching what the generator's last activation can output.

    tanh (the usual choice) gives [-1, 1]; sigmoid gives [0, 1]; anything else is trained against [-1, 1].
    """
    return (0.0, 1.0) if output_activation(generator) == "sigmoid" else (-1.0, 1.0)


def conditioned_networks(experiment: Experiment, num_classes: int = 10) -> dict[str, NetworkSpec]:
    """The stacks exactly as a conditional GAN builds them: each input gains room for the label.

    The user edits the generator with a plain noise input (latent,) and the discriminator with a plain image
    input. The recipe joins the label around those stacks: the generator sees the noise with the label's
    one-hot code appended (latent + classes numbers); an image discriminator sees one extra channel, a
    learned 'label plane' (an embedding of the label, one value per pixel); a flat discriminator sees the
    one-hot code appended. Only the first layer of each stack changes size.
    """
    out: dict[str, NetworkSpec] = {}
    gen = experiment.networks["generator"]
    out["generator"] = dataclasses.replace(gen, input_shape=(*gen.input_shape[:-1],
                                                               gen.input_shape[-1] + num_classes))
    disc = experiment.networks["discriminator"]
    extra = 1 if len(disc.input_shape) == 3 else num_classes
    out["discriminator"] = dataclasses.replace(disc, input_shape=(*disc.input_shape[:-1],
                                                                   disc.input_shape[-1] + extra))
    return out


def join_error(experiment: Experiment, reports: dict[str, ShapeReport] | None = None) -> BuildError | None:
    """Check both networks and the join between them; the first problem found, pinned to a role and layer.

    `reports` are the editor's shape reports per role (from `build.validate_network`); without them the
    networks are built here (which imports keras). Checks, in order: both roles exist, the generator takes
    a noise vector, each stack builds, the generator's output shape equals the discriminator's input shape,
    the discriminator ends with one number per example, a WGAN critic ends without a squashing activation,
    and the dataset's images match the discriminator's input.
    """
    for role in ("generator", "discriminator"):
        if role not in experiment.networks:
            return BuildError(-1, "Input", f"a {experiment.family} experiment needs a network with the role "
                              f"'{role}'", role)
    gen, disc = experiment.networks["generator"], experiment.networks["discriminator"]
    if len(gen.input_shape) != 1:
        return BuildError(-1, "Input", f"the generator's input is the noise vector z: give it a 1-D shape such "
                          f"as (64,), not {tuple(gen.input_shape)}", "generator")
    if reports is None:
        from .build import validate_network
        reports = {role: validate_network(experiment.networks[role], role) for role in ("generator",
                                                                                         "discriminator")}
    for role in ("generator", "discriminator"):
        report = reports.get(role)
        if report is not None and report.error is not None:
            return report.error
    last_g = len(gen.layers) - 1
    g_out = reports["generator"].output_shape
    want = tuple(disc.input_shape)
    if g_out is not None and tuple(g_out[1:]) != want:
        hint = ""
        if math.prod(d for d in g_out[1:] if d) == math.prod(want):
            hint = f": end the generator with Reshape to {'×'.join(str(d) for d in want)}"
        return BuildError(last_g, gen.layers[last_g].type if gen.layers else "Input",
                          f"the generator makes {format_shape(tuple(g_out))} but the discriminator reads "
                          f"{format_shape((None, *want))}; both must be the same image shape{hint}", "generator")
    last_d = len(disc.layers) - 1
    d_out = reports["discriminator"].output_shape
    d_type = disc.layers[last_d].type if disc.layers else "Input"
    critic = "critic" if experiment.family == "wgan" else "discriminator"
    if d_out is not None and (len(d_out) != 2 or d_out[1] != 1):
        return BuildError(last_d, d_type, f"the {critic} must end with one number per image (Dense with 1 unit), "
                          f"but it outputs {format_shape(tuple(d_out))}", "discriminator")
    act = output_activation(disc)
    if experiment.family == "wgan" and act in ("sigmoid", "softmax", "tanh"):
        return BuildError(last_d, d_type, f"a WGAN critic gives an unbounded score, not a probability: set its "
                          f"last activation to linear instead of {act}", "discriminator")
    if experiment.family != "wgan" and act not in (None, "linear", "sigmoid"):
        return BuildError(last_d, d_type, f"the discriminator's last activation must be linear (a logit) or "
                          f"sigmoid (a probability), not {act}", "discriminator")
    try:
        shape = dataset_shape(experiment.dataset)
    except Exception:  # noqa: BLE001 - an unknown dataset is reported by the loader with its own message
        return None
    if tuple(shape.input_shape) != want:
        return BuildError(-1, "Input", f"dataset '{experiment.dataset}' gives {format_shape((None, *shape.input_shape))}"
                          f" but the discriminator reads {format_shape((None, *want))}: pick an image dataset "
                          "of that shape or change the input", "discriminator")
    if experiment.family == "cgan" and shape.num_classes < 2:
        return BuildError(-1, "Input", f"a conditional GAN needs labelled images; '{experiment.dataset}' has "
                          "no classes", "discriminator")
    return None


# --- images ------------------------------------------------------------------------------------------------
def fixed_noise(count: int, latent_dim: int, seed: int = 1234) -> np.ndarray:
    """The same standard-normal batch every time for a given seed (numpy, so independent of TF's state)."""
    return np.random.default_rng(seed).standard_normal((count, latent_dim)).astype("float32")


def as_images(batch: Any) -> np.ndarray:
    """(n, H, W) float32 in [0, 1] from (n, H, W), (n, H, W, 1) or (n, H, W, 3) arrays (colour is averaged)."""
    arr = np.asarray(batch, dtype="float32")
    if arr.ndim == 4:
        arr = arr.mean(axis=-1) if arr.shape[-1] != 1 else arr[..., 0]
    elif arr.ndim == 2:  # flat vectors: square them up if we can
        side = int(round(math.sqrt(arr.shape[1])))
        if side * side != arr.shape[1]:
            raise ValueError(f"cannot show vectors of length {arr.shape[1]} as images")
        arr = arr.reshape(-1, side, side)
    if arr.ndim != 3:
        raise ValueError(f"expected a batch of images, got shape {arr.shape}")
    return np.clip(np.nan_to_num(arr, nan=0.0), 0.0, 1.0)


def tile_grid(images: Any, columns: int, pad: int = 1, background: float = 0.5) -> np.ndarray:
    """Lay images out left to right, top to bottom, with `pad` pixels between them: a (H', W') float32 array."""
    imgs = as_images(images)
    n, h, w = imgs.shape
    columns = max(1, min(columns, n)) if n else 1
    rows = max(1, -(-n // columns))
    grid = np.full((rows * (h + pad) + pad, columns * (w + pad) + pad), background, dtype="float32")
    for i in range(n):
        r, c = divmod(i, columns)
        top, left = pad + r * (h + pad), pad + c * (w + pad)
        grid[top:top + h, left:left + w] = imgs[i]
    return grid


def png_bytes(image: Any, scale: int = 1) -> bytes:
    """An 8-bit greyscale PNG of a 2-D array (floats are read as [0, 1]); `scale` enlarges by pixel repetition."""
    arr = np.asarray(image)
    if arr.ndim == 3 and arr.shape[-1] == 1:
        arr = arr[..., 0]
    if arr.ndim != 2 or arr.size == 0:
        raise ValueError(f"a PNG needs a non-empty 2-D array, got shape {arr.shape}")
    if arr.dtype != np.uint8:
        arr = np.round(np.clip(np.nan_to_num(arr.astype("float64")), 0.0, 1.0) * 255).astype(np.uint8)
    if scale > 1:
        arr = np.repeat(np.repeat(arr, scale, axis=0), scale, axis=1)
    h, w = arr.shape
    raw = b"".join(b"\x00" + arr[r].tobytes() for r in range(h))  # filter type 0 on every row

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)  # 8-bit, greyscale, deflate, no filter, no interlace
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND",
                                                                                                         b"")


def write_png(path: str | Path, image: Any, scale: int = 1) -> str:
    """Write a 2-D array as a greyscale PNG atomically (no half-written file on a full disk)."""
    from .export import atomic_write_bytes

    data = png_bytes(image, scale)

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            fh.write(data)
    atomic_write_bytes(path, write, ".png")
    return str(path)


def read_png_size(path: str | Path) -> tuple[int, int]:
    """(width, height) from a PNG header; raises ValueError when the file is not a PNG."""
    with open(path, "rb") as fh:
        head = fh.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        raise ValueError(f"{path} is not a PNG file")
    return struct.unpack(">II", head[16:24])


@dataclass
class SnapshotStrip:
    """One grid per epoch, for a strip the user can scroll back through.

    Feed it the `sample_grid` probe payloads; it keeps one grid per finished epoch, from `epoch_done` /
    `epoch_grid` (carried by every payload) or, in payloads without them, from one marked `epoch_end`.
    """

    grids: list[np.ndarray] = dataclasses.field(default_factory=list)
    epochs: list[int] = dataclasses.field(default_factory=list)

    def add(self, payload: dict[str, Any]) -> bool:
        """True when a new epoch's grid was kept."""
        if payload.get("epoch_grid") is not None:
            epoch, grid = int(payload.get("epoch_done", 0)), payload["epoch_grid"]
        elif payload.get("epoch_end"):
            epoch, grid = int(round(float(payload.get("epoch", 0)))), payload["grid"]
        else:
            return False
        if epoch <= 0 or epoch in self.epochs:
            return False
        self.epochs.append(epoch)
        self.grids.append(np.asarray(grid, dtype="float32"))
        return True

    def image(self, pad: int = 4) -> np.ndarray:
        """All kept grids side by side (2-D float32), e.g. for `write_png`."""
        if not self.grids:
            raise ValueError("no epoch has finished yet")
        h = max(g.shape[0] for g in self.grids)
        parts = []
        for g in self.grids:
            part = np.zeros((h, g.shape[1] + pad), dtype="float32")
            part[:g.shape[0], :g.shape[1]] = g
            parts.append(part)
        return np.concatenate(parts, axis=1)[:, :-pad] if pad else np.concatenate(parts, axis=1)


# --- the exported generator --------------------------------------------------------------------------------
@dataclass(frozen=True)
class GeneratorInfo:
    latent_dim: int
    num_classes: int  # 0 for an unconditional generator
    image_shape: tuple[int, ...]


def generator_info(model: Any) -> GeneratorInfo:
    """What a loaded generator wants: noise length, number of label classes (0: none) and image shape."""
    inputs = list(model.inputs)
    if not inputs or len(inputs) > 2:
        raise ValueError(f"a generator takes noise (and optionally a label); this model has {len(inputs)} inputs")
    noise_shape = tuple(inputs[0].shape[1:])
    if len(noise_shape) != 1 or noise_shape[0] is None:
        raise ValueError(f"the first input should be a noise vector, but it has shape {noise_shape}")
    classes = 0
    if len(inputs) == 2:
        for layer in model.layers:
            if type(layer).__name__ == "CategoryEncoding":
                classes = int(layer.num_tokens)
                break
        if not classes:
            for layer in _walk_layers(model):
                if type(layer).__name__ == "CategoryEncoding":
                    classes = int(layer.num_tokens)
                    break
        classes = classes or 10
    out_shape = tuple(model.outputs[0].shape[1:])
    return GeneratorInfo(int(noise_shape[0]), classes, out_shape)


def _walk_layers(model: Any) -> list[Any]:
    found: list[Any] = []
    for layer in getattr(model, "layers", []):
        found.append(layer)
        if hasattr(layer, "layers"):
            found.extend(_walk_layers(layer))
    return found


def _as_pixels(model: Any, out: np.ndarray) -> np.ndarray:
    """Our exported generators end in a `to_pixels` layer that maps to [0, 1]; others are guessed from values."""
    names = {layer.name for layer in getattr(model, "layers", [])}
    if "to_pixels" not in names and float(np.min(out)) < -0.05:
        out = (out + 1.0) / 2.0
    return as_images(out)


def generate(model: Any, count: int, seed: int = 0, labels: int | Sequence[int] | None = None,
             noise: np.ndarray | None = None) -> np.ndarray:
    """`count` images (n, H, W) in [0, 1]. `labels`: one digit for all, or one per sample (conditional only)."""
    info = generator_info(model)
    z = fixed_noise(count, info.latent_dim, seed) if noise is None else np.asarray(noise, dtype="float32")
    count = len(z)
    if info.num_classes:
        if labels is None:
            lab = np.arange(count) % info.num_classes
        else:
            lab = np.broadcast_to(np.asarray(labels, dtype="int32"), (count,))
        if lab.min() < 0 or lab.max() >= info.num_classes:
            raise ValueError(f"labels must be between 0 and {info.num_classes - 1}")
        out = model.predict_on_batch([z, lab.reshape(-1, 1).astype("int32")])
    else:
        if labels is not None:
            raise ValueError("this generator is not conditioned on a label (train 'cgan' to choose the digit)")
        out = model.predict_on_batch(z)
    return _as_pixels(model, np.asarray(out))


def class_rows(model: Any, per_class: int, seed: int = 0) -> np.ndarray:
    """A conditional generator's samples, one row per class; column j uses the same noise in every row."""
    info = generator_info(model)
    if not info.num_classes:
        raise ValueError("this generator has no label input")
    z = fixed_noise(per_class, info.latent_dim, seed)
    noise = np.tile(z, (info.num_classes, 1))
    labels = np.repeat(np.arange(info.num_classes), per_class)
    return generate(model, len(noise), labels=labels, noise=noise)


def interpolate(model: Any, z0: np.ndarray, z1: np.ndarray, steps: int = 10, label: int | None = None,
                spherical: bool = True) -> np.ndarray:
    """Images along the path from noise z0 to z1 (inclusive), for a latent-space slider.

    Spherical interpolation keeps the points at the typical length of a Gaussian sample; a straight line
    passes through short vectors near the middle, which generators have rarely seen.
    """
    if steps < 2:
        raise ValueError("an interpolation needs at least 2 steps")
    a, b = np.asarray(z0, dtype="float64").ravel(), np.asarray(z1, dtype="float64").ravel()
    ts = np.linspace(0.0, 1.0, steps)
    omega = math.acos(float(np.clip(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b) + 1e-12), -1, 1)))
    if spherical and omega > 1e-6:
        path = np.stack([(math.sin((1 - t) * omega) * a + math.sin(t * omega) * b) / math.sin(omega) for t in ts])
    else:
        path = np.stack([(1 - t) * a + t * b for t in ts])
    return generate(model, steps, labels=label, noise=path.astype("float32"))


# --- the app's MNIST classifier (quality and mode-collapse check) ------------------------------------------
def cache_dir() -> Path:
    """Where trained helpers are cached: $LAYERWISE_CACHE, else $XDG_CACHE_HOME/layerwise, else ~/.cache."""
    if os.environ.get("LAYERWISE_CACHE"):
        return Path(os.environ["LAYERWISE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "layerwise"


def load_or_train_classifier(path: str | None = None, epochs: int = 12, limit: int | None = None) -> Any:
    """The MNIST classifier used to judge generated digits. Run on the thread that owns TensorFlow.

    With `path`, loads the user's own model (safe mode) and checks that it reads 28x28x1 images and gives 10
    class scores. Otherwise loads the app's cached small CNN, training it once on the offline digits (~15 s on
    2 CPU cores) when it is missing or unreadable.
    """
    import keras

    if path:
        p = Path(path)
        if not p.is_file():
            raise ValueError(f"classifier {path} does not exist")
        try:
            model = keras.saving.load_model(str(p), safe_mode=True)
        except Exception as exc:  # noqa: BLE001
            raise ValueError(f"could not load classifier {path}: {str(exc).splitlines()[0][:200]}") from None
        if tuple(model.inputs[0].shape[1:]) != (28, 28, 1) or tuple(model.outputs[0].shape[1:]) != (10,):
            raise ValueError(f"classifier {path} must read (28, 28, 1) images and output 10 scores; it reads "
                             f"{tuple(model.inputs[0].shape[1:])} and outputs {tuple(model.outputs[0].shape[1:])}")
        return model
    target = cache_dir() / CLASSIFIER_FILE
    if target.is_file() and limit is None:
        try:
            return keras.saving.load_model(str(target), safe_mode=True)
        except Exception:  # noqa: BLE001 - a broken cache file is simply rebuilt
            pass
    model = train_classifier(epochs=epochs, limit=limit)
    if limit is None:
        from .export import save_keras
        try:
            save_keras(model, target)
        except OSError:
            pass  # a read-only home still gets a working (uncached) classifier
    return model


def quality_judge(options: dict[str, Any], image_shape: tuple[int, ...], seed: int) -> Any:
    """The classifier that scores a run's samples, or None when the check is off or the images are not 28x28x1.

    Run on the TensorFlow thread; raises ValueError for an unusable `classifier_path`. Loading or training it
    draws random numbers, so the seed is set again afterwards: the run starts the same whether or not the judge
    was cached."""
    if not options["quality_check"] or tuple(image_shape) != (28, 28, 1):
        return None
    import keras

    classifier = load_or_train_classifier(options["classifier_path"] or None)
    keras.utils.set_random_seed(seed)
    return classifier


def train_classifier(epochs: int = 12, limit: int | None = None, seed: int = 0) -> Any:
    """A small CNN judge. Measured on the 750 held-out offline digits after 12 epochs on the other 4,250:
    96.5% right, and 94.0% of them read with confidence >= 0.9 (the ceiling for a generator's score)."""
    import keras

    from .data.mnist import load_mnist

    data = load_mnist(seed=seed, source="offline", limit=limit)
    x = np.concatenate([data.x_train, data.x_val])
    y = np.concatenate([data.y_train, data.y_val])
    keras.utils.set_random_seed(seed)
    inputs = keras.Input((28, 28, 1), name="image")
    h = keras.layers.Conv2D(16, 3, activation="relu", padding="same")(inputs)
    h = keras.layers.MaxPooling2D()(h)
    h = keras.layers.Conv2D(32, 3, activation="relu", padding="same")(h)
    h = keras.layers.MaxPooling2D()(h)
    h = keras.layers.Flatten()(h)
    h = keras.layers.Dropout(0.3)(h)
    outputs = keras.layers.Dense(10, activation="softmax")(h)
    model = keras.Model(inputs, outputs, name="mnist_classifier")
    model.compile(optimizer=keras.optimizers.Adam(2e-3), loss="sparse_categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(x, y, batch_size=64, epochs=epochs, verbose=0, shuffle=True)
    return model


def score_images(images: Any, classifier: Any, labels: Sequence[int] | None = None,
                 threshold: float = CONFIDENT) -> dict[str, Any]:
    """How digit-like generated images look to a classifier.

    Returns histogram (counts per predicted class, int64 (10,)), mean_confidence (mean top probability),
    confident_share (fraction with top probability >= threshold), distinct_confident (classes among those
    confident samples) and, with `labels`, label_accuracy (fraction predicted as the requested class).
    """
    imgs = as_images(images)[..., None]
    probs = np.asarray(classifier.predict_on_batch(imgs), dtype="float64")
    if probs.ndim != 2 or probs.shape[1] < 2:
        raise ValueError(f"the classifier should output class scores, got shape {probs.shape}")
    if np.any(probs < 0) or not np.allclose(probs.sum(axis=1), 1.0, atol=1e-3):  # logits: turn into probabilities
        e = np.exp(probs - probs.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
    pred = probs.argmax(axis=1)
    top = probs.max(axis=1)
    confident = top >= threshold
    out: dict[str, Any] = {
        "histogram": np.bincount(pred, minlength=probs.shape[1]).astype("int64"),
        "mean_confidence": float(top.mean()) if len(top) else 0.0,
        "confident_share": float(confident.mean()) if len(top) else 0.0,
        "distinct_confident": int(len(np.unique(pred[confident]))),
        "count": int(len(top)),
    }
    if labels is not None:
        lab = np.broadcast_to(np.asarray(labels), pred.shape)
        out["label_accuracy"] = float(np.mean(pred == lab)) if len(pred) else 0.0
    return out


def quality_report(model: Any, classifier: Any, count: int = 1000, seed: int = 7) -> dict[str, Any]:
    """score_images on `count` fresh samples of an exported generator (balanced labels for a conditional one)."""
    info = generator_info(model)
    labels = np.arange(count) % info.num_classes if info.num_classes else None
    images = np.concatenate([generate(model, len(chunk), seed=seed + i,
                                      labels=None if labels is None else labels[chunk])
                             for i, chunk in enumerate(np.array_split(np.arange(count), max(1, count // 250)))])
    return score_images(images, classifier, labels)


# --- CLI: `python main.py generate` --------------------------------------------------------------------------
def cli_generate(model_path: str, out: str, label: int | None = None, count: int | None = None, seed: int = 0,
                 columns: int | None = None, scale: int = 2, score: bool = False) -> tuple[int, str]:
    """Write a grid of generated images; returns (exit code, message). Never raises for bad input.

    Without --label a conditional generator gives one row per digit and `count` is rounded up to fill rows.
    """
    if not out.lower().endswith(".png"):
        return 2, "--out must name a .png file"
    if count is not None and not 1 <= count <= 1024:
        return 2, "--count must be between 1 and 1024"
    if not 1 <= scale <= 8:
        return 2, "--scale must be between 1 and 8"
    if columns is not None and not 1 <= columns <= 64:
        return 2, "--columns must be between 1 and 64"
    path = Path(model_path)
    if not path.is_file():
        return 2, f"{model_path}: no such file"
    if path.suffix != ".keras":
        return 2, f"{model_path}: expected a .keras file (written by `train ... --export`)"
    import keras

    try:
        model = keras.saving.load_model(str(path), safe_mode=True)
    except Exception as exc:  # noqa: BLE001
        return 2, f"{model_path}: could not load ({str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__})"
    try:
        info = generator_info(model)
    except ValueError as exc:
        return 2, f"{model_path}: not a generator: {exc}"
    if label is not None and not info.num_classes:
        return 2, "--label needs a conditional generator (train 'cgan'); this one takes only noise"
    if label is not None and not 0 <= label < info.num_classes:
        return 2, f"--label must be between 0 and {info.num_classes - 1}"
    try:
        if info.num_classes and label is None:
            per = max(1, -(-(count or 10 * info.num_classes) // info.num_classes))
            images = class_rows(model, per, seed)
            cols = per
            labels: Any = np.repeat(np.arange(info.num_classes), per)
        else:
            n = count or 64
            images = generate(model, n, seed, label)
            cols = columns or int(math.ceil(math.sqrt(n)))
            labels = label
        write_png(out, tile_grid(images, cols), scale)
    except OSError as exc:
        return 1, f"could not write {out}: {exc.strerror or exc}"
    except ValueError as exc:
        return 2, str(exc)
    message = f"wrote {out} ({len(images)} samples)"
    if score:
        try:
            classifier = load_or_train_classifier()
            s = score_images(images, classifier, labels)
        except (OSError, ValueError) as exc:
            return 1, f"{message}; could not score: {exc}"
        message += (f"; classifier: {s['confident_share']:.1%} of samples at confidence >= {CONFIDENT}, "
                    f"{s['distinct_confident']} distinct classes among them, mean confidence "
                    f"{s['mean_confidence']:.3f}, predicted classes {s['histogram'].tolist()}")
        if "label_accuracy" in s:
            message += f", {s['label_accuracy']:.1%} read as the requested digit"
    return 0, message


# --- presets -----------------------------------------------------------------------------------------------
def image_shape(dataset: str, presets: str = "generative presets") -> tuple[int, ...]:
    """The dataset's (h, w, c), or a PresetError naming the `presets` that need images."""
    shape = dataset_shape(dataset)
    if len(shape.input_shape) != 3:
        raise PresetError(f"{presets} need an image dataset such as mnist; '{dataset}' gives "
                          f"{tuple(shape.input_shape)}")
    return tuple(shape.input_shape)


def _dense(units: int, activation: str = "leaky_relu") -> LayerSpec:
    return LayerSpec("Dense", {"units": units, "activation": activation})


def _dense_pair(dataset: str, latent: int, g_units: tuple[int, ...], d_units: tuple[int, ...]
                ) -> dict[str, NetworkSpec]:
    shape = image_shape(dataset)
    pixels = math.prod(shape)
    gen = [_dense(u) for u in g_units] + [_dense(pixels, "tanh"), LayerSpec("Reshape", {"target_shape":
                                                                                         list(shape)})]
    disc = [LayerSpec("Flatten")]
    for u in d_units:
        disc += [_dense(u), LayerSpec("Dropout", {"rate": 0.3})]
    disc.append(_dense(1, "linear"))
    return {"generator": NetworkSpec((latent,), gen), "discriminator": NetworkSpec(shape, disc)}


def _gan_experiment(family: str, name: str, dataset: str, networks: dict[str, NetworkSpec],
                    training: TrainingConfig, options: dict[str, Any]) -> Experiment:
    return Experiment(family, networks, dataset, training, options=options, name=name)


def _normed(layer: LayerSpec, momentum: float) -> list[LayerSpec]:
    """layer (linear, no bias: BN's shift replaces it), then batch normalisation, then leaky ReLU (slope 0.2).

    BN before the non-linearity as in DCGAN; the momentum is below Keras' 0.99 so the moving statistics that
    sampling uses (training=False) keep up with a generator that changes quickly in a short run.
    """
    return [layer, LayerSpec("BatchNormalization", {"momentum": momentum}), LayerSpec("LeakyReLU")]


def gan_preset(dataset: str) -> Experiment:
    # The classic MLP GAN recipe: a batch-normalised dense generator (BN steadies a dense G a lot: without it
    # samples stay blotchy strokes for thousands of steps), a plain dense discriminator with dropout.
    shape = image_shape(dataset)
    gen: list[LayerSpec] = []
    for units in (256, 512, 1024):
        gen += _normed(LayerSpec("Dense", {"units": units, "activation": "linear", "use_bias": False}), 0.8)
    gen += [_dense(math.prod(shape), "tanh"), LayerSpec("Reshape", {"target_shape": list(shape)})]
    disc = [LayerSpec("Flatten")]
    for units in (512, 256):
        disc += [_dense(units), LayerSpec("Dropout", {"rate": 0.3})]
    disc.append(_dense(1, "linear"))
    cfg = TrainingConfig(optimizer="adam", learning_rate=2e-4, batch_size=32, epochs=40, metrics=[], seed=0)
    return _gan_experiment("gan", "GAN (dense)", dataset,
                           {"generator": NetworkSpec((64,), gen), "discriminator": NetworkSpec(shape, disc)}, cfg,
                           {"d_steps": 1, "label_smoothing": 0.1})


def dcgan_preset(dataset: str) -> Experiment:
    # TensorFlow's DCGAN tutorial at half the width (128/64/32 generator maps instead of 256/128/64, 32/64
    # discriminator filters instead of 64/128) so a few minutes on a CPU are enough.
    h, w, c = image_shape(dataset)
    if h % 4 or w % 4:
        raise PresetError(f"dcgan doubles a {h // 4}x{w // 4} map twice, so it needs images whose sides are "
                          f"multiples of 4; '{dataset}' gives {h}x{w}")

    def up(filters: int, strides: int) -> LayerSpec:
        return LayerSpec("Conv2DTranspose", {"filters": filters, "kernel_size": 5, "strides": strides,
                                             "padding": "same", "activation": "linear"})

    gen = [
        *_normed(LayerSpec("Dense", {"units": (h // 4) * (w // 4) * 128, "activation": "linear",
                                     "use_bias": False}), 0.9),
        LayerSpec("Reshape", {"target_shape": [h // 4, w // 4, 128]}),
        *_normed(up(64, 1), 0.9),
        *_normed(up(32, 2), 0.9),
        LayerSpec("Conv2DTranspose", {"filters": c, "kernel_size": 5, "strides": 2, "padding": "same",
                                      "activation": "tanh"}),
    ]
    disc = [
        LayerSpec("Conv2D", {"filters": 32, "kernel_size": 5, "strides": 2, "padding": "same",
                             "activation": "leaky_relu"}),
        LayerSpec("Dropout", {"rate": 0.3}),
        LayerSpec("Conv2D", {"filters": 64, "kernel_size": 5, "strides": 2, "padding": "same",
                             "activation": "leaky_relu"}),
        LayerSpec("Dropout", {"rate": 0.3}),
        LayerSpec("Flatten"),
        _dense(1, "linear"),
    ]
    cfg = TrainingConfig(optimizer="adam", learning_rate=2e-4, batch_size=32, epochs=16, metrics=[], seed=0)
    return _gan_experiment("gan", "DCGAN (convolutional)", dataset,
                           {"generator": NetworkSpec((64,), gen), "discriminator": NetworkSpec((h, w, c), disc)},
                           cfg, {"d_steps": 1, "label_smoothing": 0.1})


def wgan_preset(dataset: str) -> Experiment:
    # The DCGAN players: under weight clipping a dense critic loses most of its power (most weights sit at
    # +-c), while convolutions still see strokes. No dropout: the critic should give the same score twice.
    # The paper's clip 0.01 and n_critic 5 with RMSprop, but a 10x larger learning rate than its 5e-5: with
    # only 26 generator steps per epoch on the offline digits, 5e-5 barely moves in a few minutes.
    nets = dcgan_preset(dataset).networks
    nets["discriminator"].layers = [layer for layer in nets["discriminator"].layers if layer.type != "Dropout"]
    cfg = TrainingConfig(optimizer="rmsprop", learning_rate=5e-4, batch_size=32, epochs=12,
                         metrics=[], seed=0)
    return _gan_experiment("wgan", "Wasserstein GAN", dataset, nets, cfg, {"n_critic": 5, "clip": 0.01})


def cgan_preset(dataset: str) -> Experiment:
    cfg = TrainingConfig(optimizer="adam", learning_rate=2e-4, batch_size=64, epochs=40, metrics=[], seed=0)
    return _gan_experiment("cgan", "Conditional GAN", dataset, _dense_pair(dataset, 64, (256, 512), (512, 256)),
                           cfg, {"d_steps": 1, "label_smoothing": 0.1, "grid_columns": 8})


_DATASETS = ("mnist", "mnist-offline")
register(Preset(
    "gan", "GAN (dense)", "Generative",
    "Two networks play a game: the generator turns random noise into images, the discriminator tries to tell "
    "them from real digits. Each discriminator update is followed by a generator update that pushes D(G(z)) "
    "up (the non-saturating loss, which keeps the generator learning while its fakes are still poor). "
    "Both are plain dense networks; the generator batch-normalises each hidden layer, which keeps its "
    "updates steady. Watch the fixed-noise grid: the same samples slowly become digits.",
    "mnist", gan_preset, _DATASETS))
register(Preset(
    "dcgan", "DCGAN (convolutional)", "Generative",
    "The same game with convolutional networks (the layout of TensorFlow's DCGAN tutorial at half width): "
    "the generator turns the noise into a 7x7 map of 128 features and grows it into a 28x28 image with "
    "three transposed convolutions (batch normalisation and leaky ReLU between them, tanh at the end); the "
    "discriminator shrinks the image with two strided convolutions and dropout. Convolutions share weights "
    "across the image, so strokes look cleaner with fewer parameters.",
    "mnist", dcgan_preset, _DATASETS))
register(Preset(
    "wgan", "Wasserstein GAN", "Generative",
    "The discriminator becomes a critic that outputs a score, with no sigmoid and no log. The gap between its "
    "mean score on real and on generated images estimates the Wasserstein distance, so the curve shrinks as "
    "the samples improve. To make that estimate valid the critic's weights are clipped to [-c, c] after every "
    "update, and it is trained several times per generator step.",
    "mnist", wgan_preset, _DATASETS))
register(Preset(
    "cgan", "Conditional GAN", "Generative",
    "Both networks also receive the digit's label: the generator gets the noise plus a one-hot code of the "
    "digit, the discriminator gets the image plus a learned label plane. To fool it, the generator must draw "
    "the digit it was asked for, so afterwards you can request any digit; the grid shows one row per digit.",
    "mnist", cgan_preset, _DATASETS))


def __getattr__(name: str) -> Any:
    """The probes subclass the training Probe base (which imports keras), so they load on first use."""
    if name in ("SampleGridProbe", "ClassHistogramProbe"):
        from .training import gan
        return getattr(gan, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
