"""The convolution lab: kernels, the output-size formula, convolution and pooling against TensorFlow, K-max pooling."""
from __future__ import annotations

import numpy as np
import pytest

from models.labs import convolution


# --- convolution and pooling -------------------------------------------------------------------------------
def test_kernels() -> None:
    g = convolution.gaussian(5, 1.0)
    assert g.sum() == pytest.approx(1.0) and g.argmax() == 12 and np.allclose(g, g.T)
    assert convolution.gaussian(5, 0.3)[2, 2] > convolution.gaussian(5, 3.0)[2, 2]  # smaller sigma, sharper
    assert convolution.box_blur(3).sum() == pytest.approx(1.0)
    assert np.array_equal(convolution.sobel_y(), convolution.sobel_x().T)
    for name in convolution.KERNEL_NAMES[:-1]:
        assert convolution.make_kernel(name).ndim == 2
    k = convolution.parse_kernel("1 2 3\n4,5,6; 7 8 1/2")
    assert k.shape == (3, 3) and k[2, 2] == 0.5
    for bad, msg in (("1 2\n3 4", "3 or 5 rows"), ("1 2 3\n4 5\n6 7 8", "row 2"), ("1 2 a\n1 1 1\n1 1 1", "'a'"),
                     ("", "type the kernel")):
        with pytest.raises(convolution.ConvError, match=msg):
            convolution.parse_kernel(bad)
    with pytest.raises(convolution.ConvError):
        convolution.gaussian(4, 1.0)


def test_convolution_by_hand_and_output_size_formula() -> None:
    img = np.arange(16, dtype=float).reshape(4, 4)
    res = convolution.convolve(img, np.ones((3, 3)), "valid", 1)
    assert res.output.shape == (2, 2)
    assert res.output[0, 0] == img[:3, :3].sum() and res.output[1, 1] == img[1:, 1:].sum()
    assert "floor((4 + 0 − 3) / 1) + 1 = 2" in res.formula
    same = convolution.convolve(np.ones((28, 28)), convolution.gaussian(5, 1.0), "same", 2)
    assert same.output.shape == (14, 14)
    assert "ceil(28 / 2) = 14" in same.formula and "P = 3" in same.formula
    ident = convolution.convolve(img, convolution.identity_kernel(3), "same", 1)
    assert np.array_equal(ident.output, img)
    edges = convolution.convolve(np.tile([0.0, 0.0, 1.0, 1.0], (4, 1)), convolution.sobel_x(), "valid")
    assert np.all(edges.output > 0)  # dark-to-bright left to right
    with pytest.raises(convolution.ConvError, match="larger"):
        convolution.convolve(np.ones((2, 2)), np.ones((3, 3)), "valid")
    with pytest.raises(convolution.ConvError, match="stride"):
        convolution.convolve(img, np.ones((3, 3)), "valid", 4)


def test_convolution_and_pooling_match_tensorflow() -> None:
    import tensorflow as tf

    rng = np.random.default_rng(0)
    img = rng.random((13, 17))
    for ks in (2, 3, 5):
        k = rng.normal(size=(ks, ks))
        for padding in ("valid", "same"):
            for stride in (1, 2, 3):
                ours = convolution.convolve(img, k, padding, stride).output
                theirs = tf.nn.conv2d(img[None, :, :, None], k[:, :, None, None], stride, padding.upper())
                assert np.allclose(ours, theirs.numpy()[0, :, :, 0]), (ks, padding, stride)
    for size, stride in ((2, None), (3, 2), (2, 1)):
        for padding in ("valid", "same"):
            s = stride or size
            mx = convolution.pool(img, size, stride, "max", padding=padding).output
            av = convolution.pool(img, size, stride, "average", padding=padding).output
            x = img[None, :, :, None]
            assert np.allclose(mx, tf.nn.max_pool2d(x, size, s, padding.upper()).numpy()[0, :, :, 0])
            assert np.allclose(av, tf.nn.avg_pool2d(x, size, s, padding.upper()).numpy()[0, :, :, 0])


def test_kmax_pooling() -> None:
    fm = np.array([[1.0, 9.0, 2.0, 0.0], [5.0, 3.0, 0.0, 7.0], [4.0, 4.0, 1.0, 1.0], [0.0, 8.0, 6.0, 2.0]])
    res = convolution.pool(fm, 2, 2, "kmax", k=2)
    assert res.output.shape == (2, 2, 2)
    assert res.output[0, 0].tolist() == [9.0, 5.0]  # top 2 of [1, 9, 5, 3], in window order
    assert res.output[0, 1].tolist() == [2.0, 7.0]
    assert res.output[1, 1].tolist() == [6.0, 2.0]
    assert np.array_equal(convolution.pool(fm, 2, 2, "kmax", k=1).output[..., 0], convolution.pool(fm, 2).output)
    with pytest.raises(convolution.ConvError, match="K must"):
        convolution.pool(fm, 2, 2, "kmax", k=5)
