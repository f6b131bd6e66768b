import pytest

from models.spec.catalog import CATALOG, ParamError, checked_params, keras_kwargs, make_layer

REQUIRED = {"Dense", "Conv2D", "MaxPooling2D", "AveragePooling2D", "GlobalAveragePooling2D", "GlobalMaxPooling2D",
            "Flatten", "Reshape", "Dropout", "BatchNormalization", "Activation", "Embedding", "SimpleRNN", "LSTM",
            "GRU", "Conv2DTranspose", "UpSampling2D", "LeakyReLU"}


def test_catalog_has_every_required_layer_with_help():
    assert REQUIRED <= set(CATALOG)
    for ltype in CATALOG.values():
        assert ltype.help and ltype.category
        for p in ltype.params:
            assert p.help, f"{ltype.name}.{p.name} has no help"
            p.check(ltype.name, p.default)  # every default is valid


@pytest.mark.parametrize("type_name", sorted(CATALOG))
def test_every_layer_builds_with_defaults(type_name):
    layer = make_layer(type_name, {})
    assert layer.__class__.__name__ in (CATALOG[type_name].keras_class, "Bidirectional")


@pytest.mark.parametrize("type_name, params, bad", [
    ("Dense", {"units": 0}, "units"),
    ("Dense", {"units": 2.5}, "units"),
    ("Dense", {"activation": "wiggle"}, "activation"),
    ("Dense", {"l2": 3.0}, "l2"),
    ("Conv2D", {"padding": "full"}, "padding"),
    ("Conv2D", {"kernel_size": 99}, "kernel_size"),
    ("Dropout", {"rate": 1.0}, "rate"),
    ("Reshape", {"target_shape": [-1, -1]}, "target_shape"),
    ("LSTM", {"return_sequences": "yes"}, "return_sequences"),
    ("Dense", {"colour": 1}, "colour"),
])
def test_out_of_schema_values_name_the_parameter(type_name, params, bad):
    with pytest.raises(ParamError) as info:
        checked_params(type_name, params)
    assert info.value.param == bad
    assert bad in str(info.value)


def test_regularisers_reach_keras():
    kwargs = keras_kwargs("Dense", {"units": 4, "l1": 0.01, "l2": 0.02})
    cfg = kwargs["kernel_regularizer"].get_config()
    assert cfg["l1"] == pytest.approx(0.01) and cfg["l2"] == pytest.approx(0.02)
    assert "kernel_regularizer" not in keras_kwargs("Dense", {"units": 4})


def test_bidirectional_wraps_recurrent_layer():
    layer = make_layer("GRU", {"units": 4, "bidirectional": True})
    assert layer.__class__.__name__ == "Bidirectional"
