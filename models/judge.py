"""The app's MNIST judge: a small classifier that reads generated digits, to score a GAN's or VAE's samples
and to spot mode collapse (every sample read as the same digit) while a GAN trains."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .data.base import cache_dir
from .files import save_keras
from .generators import generate, generator_info
from .images import as_images
from .inference import predict_batch
from .outputs import probabilities

# v2: trained 12 epochs instead of 4. The 4-epoch judge was just as accurate but under-confident: it read only
# 87% of real held-out digits with confidence >= 0.9 (94% now), which made every generator look worse.
CLASSIFIER_FILE = "mnist_classifier_v2.keras"
CONFIDENT = 0.9  # a sample counts as a recognisable digit when the classifier is at least this sure
# The free-text option of the families the judge scores (GANs, VAEs): a path, so not in a Param schema.
CLASSIFIER_OPTION: dict[str, str] = {
    "classifier_path": "A .keras MNIST classifier of your own (input 28x28x1 in [0, 1], 10 outputs) to use for "
                       "the quality check instead of the app's cached one.",
}


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
    probs = np.asarray(predict_batch(classifier, imgs), dtype="float64")
    if probs.ndim != 2 or probs.shape[1] < 2:
        raise ValueError(f"the classifier should output class scores, got shape {probs.shape}")
    probs = probabilities(probs)  # logits become probabilities
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
