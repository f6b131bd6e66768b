"""The receptive-field lab against Keras shapes and TensorFlow gradients."""
from __future__ import annotations

import numpy as np
import pytest

from models.labs import receptive_field
from models.spec.experiment import LayerSpec, NetworkSpec


# --- receptive field ---------------------------------------------------------------------------------------
def _chain_spec() -> NetworkSpec:
    linear = {"filters": 1, "activation": "linear"}
    return NetworkSpec((23, 23, 1), [
        LayerSpec("Conv2D", {**linear, "kernel_size": 3, "padding": "same"}),
        LayerSpec("BatchNormalization"),
        LayerSpec("AveragePooling2D", {"pool_size": 2, "padding": "same"}),
        LayerSpec("Conv2D", {**linear, "kernel_size": 5, "strides": 2}),
        LayerSpec("Conv2D", {**linear, "kernel_size": 3, "strides": 3, "padding": "same"}),
        LayerSpec("Flatten"),
        LayerSpec("Dense", {"units": 2}),
    ])


def test_receptive_field_chain_matches_keras_shapes() -> None:
    from models.spec.build import validate_network

    spec = _chain_spec()
    chain = receptive_field.conv_chain(spec)
    assert [layer.spec_index for layer in chain.layers] == [0, 2, 3, 4]
    assert chain.stopped_at == 5 and "whole" in chain.note
    report = validate_network(spec)
    shapes = {row.index: row.output_shape[1:3] for row in report.rows}
    for layer in chain.layers:
        assert layer.out_size == shapes[layer.spec_index]
    assert [layer.theoretical_size for layer in chain.layers] == [3, 4, 12, 20]
    with pytest.raises(receptive_field.ReceptiveFieldError, match="not a convolution"):
        receptive_field.receptive_field(spec, 1, 0, 0)
    with pytest.raises(receptive_field.ReceptiveFieldError, match="outside"):
        receptive_field.receptive_field(spec, 4, 99, 0)


def test_receptive_field_matches_tensorflow_gradients() -> None:
    """The input pixels with a non-zero gradient are exactly the region we report."""
    import keras
    import tensorflow as tf

    from models.spec.build import build_model

    spec = _chain_spec()
    model = build_model(spec)
    for w in model.weights:
        w.assign(np.ones(w.shape, dtype="float32") if "kernel" in w.path or "gamma" in w.path
                 else np.zeros(w.shape, dtype="float32") if "moving_mean" not in w.path and "variance" not in w.path
                 else w.numpy())
    x = tf.Variable(np.random.default_rng(1).random((1, 23, 23, 1)).astype("float32") + 0.5)
    for layer in receptive_field.conv_chain(spec).layers:
        sub = keras.Model(model.inputs, model.get_layer(f"L{layer.spec_index:02d}_{layer.type.lower()}").output)
        oh, ow = layer.out_size
        for i, j in ((0, 0), (oh - 1, ow - 1), (oh // 2, ow // 3)):
            with tf.GradientTape() as tape:
                y = sub(x)[0, i, j, 0]
            g = tape.gradient(y, x).numpy()[0, :, :, 0]
            rows, cols = np.nonzero(g)
            region = receptive_field.receptive_field(spec, layer.spec_index, i, j)
            assert (rows.min(), rows.max()) == region.rows and (cols.min(), cols.max()) == region.cols, \
                (layer.spec_index, i, j)
            assert region.size == (region.rows[1] - region.rows[0] + 1, region.cols[1] - region.cols[0] + 1)


def test_receptive_field_of_the_cnn_preset() -> None:
    from models.spec.presets import get_preset

    spec = get_preset("cnn").make("mnist").networks["main"]
    chain = receptive_field.conv_chain(spec)
    assert [layer.out_size for layer in chain.layers] == [(28, 28), (14, 14), (14, 14), (7, 7), (7, 7), (3, 3),
                                                          (3, 3)]
    first = receptive_field.receptive_field(spec, 0, 10, 10)
    assert first.rows == (9, 11) and first.size == (3, 3)
    pooled = receptive_field.receptive_field(spec, 1, 5, 5)
    assert pooled.rows == (9, 12) and pooled.size == (4, 4)
    corner = receptive_field.receptive_field(spec, 0, 0, 0)
    assert corner.size == (2, 2) and corner.full_size == (3, 3) and "padding" in corner.text()
