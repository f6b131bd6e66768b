import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

from models.spec.build import BuildError, build_network, validate_network
from models.spec.catalog import CATALOG
from models.spec.presets import all_presets
from models.spec.experiment import LayerSpec, NetworkSpec


def test_report_shapes_and_params_come_from_keras():
    spec = NetworkSpec((28, 28, 1), [LayerSpec("Conv2D", {"filters": 8, "padding": "same"}),
                                     LayerSpec("MaxPooling2D"), LayerSpec("Flatten"),
                                     LayerSpec("Dense", {"units": 10, "activation": "softmax"})])
    model, report = build_network(spec)
    assert report.ok
    assert [r.output_shape for r in report.rows] == [(None, 28, 28, 1), (None, 28, 28, 8), (None, 14, 14, 8),
                                                      (None, 1568), (None, 10)]
    assert [r.params for r in report.rows] == [0, 80, 0, 0, 15690]
    assert report.total_params == model.count_params()


def test_dense_after_image_is_located_with_advice():
    spec = NetworkSpec((28, 28, 1), [LayerSpec("Conv2D"), LayerSpec("Dense", {"units": 10})])
    report = validate_network(spec)
    assert report.error == BuildError(1, "Dense", report.error.reason)
    assert "Flatten" in report.error.reason and "4-D" in report.error.reason
    assert len(report.rows) == 2  # input + the conv layer that did build


def test_other_located_errors():
    cases = [
        (NetworkSpec((784,), [LayerSpec("Conv2D")]), 0, "Reshape"),
        (NetworkSpec((4, 4, 1), [LayerSpec("Conv2D", {"kernel_size": 5})]), 0, "larger than"),
        (NetworkSpec((10,), [LayerSpec("Dense"), LayerSpec("LSTM")]), 1, "sequence"),
        (NetworkSpec((784,), [LayerSpec("Reshape", {"target_shape": [27, 27, 1]})]), 0, "784"),
        (NetworkSpec((10,), [LayerSpec("Dense"), LayerSpec("Embedding")]), 1, "integer"),
        (NetworkSpec((10,), [LayerSpec("Nope")]), 0, "unknown layer type"),
        (NetworkSpec((10,), [LayerSpec("Dense", {"units": -4})]), 0, "units"),
        (NetworkSpec((10,), []), -1, "no layers"),
    ]
    for spec, index, words in cases:
        report = validate_network(spec)
        assert report.error is not None, spec
        assert report.error.index == index, report.error
        assert words in report.error.reason, report.error


def test_every_preset_network_builds():
    for preset in all_presets():
        exp = preset.make()
        for role, net in exp.networks.items():
            report = validate_network(net, role)
            assert report.ok, (preset.name, role, report.error)


_layer = st.builds(
    lambda t, units, k, pool, act: LayerSpec(t, {k2: v for k2, v in {
        "units": units, "filters": units, "kernel_size": k, "pool_size": pool, "activation": act}.items()
        if any(p.name == k2 for p in CATALOG[t].params)}),
    st.sampled_from(sorted(CATALOG)), st.integers(1, 8), st.integers(1, 5), st.integers(1, 3),
    st.sampled_from(["relu", "tanh", "softmax"]))
_shape = st.sampled_from([(8,), (6, 6, 1), (5, 3), (12, 12, 3)])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_shape, st.lists(_layer, min_size=0, max_size=6))
def test_random_stacks_build_or_give_a_located_error(shape, layers):
    spec = NetworkSpec(shape, layers)
    model, report = build_network(spec)
    if report.ok:
        assert model is not None
        assert len(report.rows) == len(layers) + 1
    else:
        err = report.error
        assert -1 <= err.index < max(1, len(layers))
        assert err.reason and "Traceback" not in err.reason
        assert err.layer_type == ("Input" if err.index < 0 else layers[err.index].type)


def test_validation_rebuilds_only_layers_whose_input_changed(monkeypatch):
    import models.spec.build as build

    built: list[str] = []
    real = build.make_layer
    monkeypatch.setattr(build, "make_layer", lambda t, p, name=None: built.append(t) or real(t, p, name))
    layers = [LayerSpec("Conv2D", {"filters": 4, "padding": "same"}), LayerSpec("MaxPooling2D"),
              LayerSpec("Flatten"), LayerSpec("Dense", {"units": 5}), LayerSpec("Dense", {"units": 3})]
    first = validate_network(NetworkSpec((8, 8, 3), layers))
    layers[3] = LayerSpec("Dense", {"units": 7})
    built.clear()
    second = validate_network(NetworkSpec((8, 8, 3), layers))
    assert second.rows[:4] == first.rows[:4]
    assert second.rows[4].output_shape == (None, 7) and second.rows[4].params == 64 * 7 + 7
    assert built == ["Dense", "Dense"]  # the edited layer and the one it feeds; nothing above
    layers[3] = LayerSpec("Dense", {"units": 5})
    built.clear()
    assert validate_network(NetworkSpec((8, 8, 3), layers)).rows == first.rows
    assert built == []  # undo: every layer sees an input it has seen before
    layers[0] = LayerSpec("Conv2D", {"filters": 2, "padding": "same"})
    third = validate_network(NetworkSpec((8, 8, 3), layers))
    assert [r.output_shape for r in third.rows] == [(None, 8, 8, 3), (None, 8, 8, 2), (None, 4, 4, 2),
                                                     (None, 32), (None, 5), (None, 3)]
    assert third.total_params == build_network(NetworkSpec((8, 8, 3), layers))[1].total_params
    assert [r.index for r in third.rows] == [-1, 0, 1, 2, 3, 4]
