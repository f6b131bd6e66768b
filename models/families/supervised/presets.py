"""The supervised family's presets: the perceptron, the multilayer perceptron, the notes' CNN and LeNet-5.

Each factory fits its input shape and output layer to the chosen dataset (see models/heads.py).
"""
from __future__ import annotations

from models.data import dataset_shape
from models.heads import flatten_if_needed, head
from models.spec.experiment import Experiment, LayerSpec, NetworkSpec, TrainingConfig
from models.spec.presets import Preset


def _supervised(name: str, dataset: str, layers: list[LayerSpec], training: TrainingConfig,
                dataset_options: dict | None = None) -> Experiment:
    shape = dataset_shape(dataset)
    return Experiment("supervised", {"main": NetworkSpec(shape.input_shape, layers, shape.input_dtype)}, dataset,
                      training, dataset_options=dataset_options or {}, name=name)


def _gate_options(dataset: str) -> dict:
    # Tile the 4 truth-table rows so one epoch is several updates and curves move smoothly.
    return {"repeat": 25} if dataset.startswith("gates-") else {}


def perceptron(dataset: str) -> Experiment:
    layers = flatten_if_needed(dataset) + head(dataset)
    is_gate = dataset.startswith("gates-")
    cfg = TrainingConfig(optimizer="sgd", learning_rate=0.5 if is_gate else 0.1, batch_size=4 if is_gate else 32,
                         epochs=40 if is_gate else 10, seed=0)
    return _supervised("Perceptron", dataset, layers, cfg, _gate_options(dataset))


def mlp(dataset: str) -> Experiment:
    binary = dataset_shape(dataset).task == "binary"
    width = 8 if binary else 128
    hidden = [LayerSpec("Dense", {"units": width, "activation": "tanh" if binary else "relu"})]
    if not binary:
        hidden.append(LayerSpec("Dense", {"units": 64, "activation": "relu"}))
    is_gate = dataset.startswith("gates-")
    cfg = TrainingConfig(optimizer="adam", learning_rate=0.05 if is_gate else 1e-2 if binary else 1e-3,
                         batch_size=4 if is_gate else 32, epochs=40 if is_gate else 30 if binary else 5, seed=0)
    return _supervised("Multilayer perceptron", dataset, flatten_if_needed(dataset) + hidden + head(dataset), cfg,
                       _gate_options(dataset))


def shallow(dataset: str) -> Experiment:
    """A linear classifier (one softmax layer) on features designed by hand: staged learning's last stage."""
    cfg = TrainingConfig(optimizer="adam", learning_rate=1e-2, batch_size=32, epochs=20, seed=0)
    return _supervised("Shallow: hand-made features + linear classifier", dataset,
                       flatten_if_needed(dataset) + head(dataset), cfg)


def _conv(filters: int, size: int = 3, padding: str = "same", activation: str = "relu") -> LayerSpec:
    return LayerSpec("Conv2D", {"filters": filters, "kernel_size": size, "padding": padding,
                                "activation": activation})


def cnn(dataset: str) -> Experiment:
    layers = [_conv(32), LayerSpec("MaxPooling2D"), _conv(64), LayerSpec("MaxPooling2D"), _conv(128),
              LayerSpec("MaxPooling2D"), _conv(256), LayerSpec("GlobalAveragePooling2D")] + head(dataset)
    cfg = TrainingConfig(optimizer="adam", learning_rate=1e-3, batch_size=16, epochs=5, seed=0)
    return _supervised("CNN (the notes' network)", dataset, layers, cfg)


def lenet5(dataset: str) -> Experiment:
    layers = [_conv(6, 5, "same"), LayerSpec("AveragePooling2D"), _conv(16, 5, "valid"),
              LayerSpec("AveragePooling2D"), LayerSpec("Flatten"),
              LayerSpec("Dense", {"units": 120, "activation": "relu"}),
              LayerSpec("Dense", {"units": 84, "activation": "relu"})] + head(dataset)
    cfg = TrainingConfig(optimizer="adam", learning_rate=2e-3, batch_size=32, epochs=5, seed=0)
    return _supervised("LeNet-5", dataset, layers, cfg)


PRESETS: tuple[Preset, ...] = (
    Preset(
        "perceptron", "Perceptron", "Neurons",
        "Rosenblatt's perceptron: a single neuron that weighs its inputs, adds a bias and squashes the sum. "
        "Training moves one straight line through the input space, so it learns AND, OR and NAND but can never "
        "get XOR right: no single line separates XOR's two classes.",
        "gates-and", perceptron, ("gates-and", "gates-or", "gates-nand", "gates-xor", "blobs", "moons")),
    Preset(
        "mlp", "Multilayer perceptron", "Feed-forward",
        "Stacks of fully connected layers with a non-linear activation between them. The hidden layer bends the "
        "input space, so the network can draw curved boundaries: XOR, moons and circles become easy. "
        "Backpropagation computes every weight's gradient through the chain rule.",
        "gates-xor", mlp, ("gates-xor", "moons", "circles", "spirals", "blobs", "mnist", "fashion-mnist")),
    Preset(
        "shallow", "Shallow learning (hand-made features)", "Feed-forward",
        "Learning in stages, as image classifiers were built before deep learning: people design the features "
        "(here, for each 7x7 cell of the digit, how much edge runs in each of 8 directions) and only a linear "
        "classifier on top of them is learned. Compare it with the CNN on the same digits: the CNN learns its "
        "features from the pixels, end to end.",
        "digit-features", shallow, ("digit-features", "mnist")),
    Preset(
        "cnn", "CNN (four conv layers)", "Convolutional",
        "The network from the notes: four 3x3 convolution layers with 32, 64, 128 and 256 filters and 'same' "
        "padding, max-pooling after the first three, then global average pooling and a softmax layer. Early "
        "layers find edges and strokes; later ones combine them into parts of digits.",
        "mnist", cnn, ("mnist", "fashion-mnist", "cifar10")),
    Preset(
        "lenet5", "LeNet-5", "Convolutional",
        "LeCun's 1998 digit reader: two convolution + average-pooling stages followed by three fully connected "
        "layers (120, 84, 10). Small and fast, and already far better than any MLP of its size on images. "
        "We use ReLU where the original used scaled tanh.",
        "mnist", lenet5, ("mnist", "fashion-mnist", "cifar10")),
)
