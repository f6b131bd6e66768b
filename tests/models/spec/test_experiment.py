import json

import pytest

from models.spec.presets import all_presets, get_preset
from models.spec.experiment import SCHEMA_VERSION, Experiment, LayerSpec, NetworkSpec, SpecError


@pytest.mark.parametrize("name", [p.name for p in all_presets()])
def test_every_preset_round_trips_through_json(name):
    exp = get_preset(name).make()
    again = Experiment.from_json(exp.to_json())
    assert again == exp
    assert json.loads(exp.to_json())["schema_version"] == SCHEMA_VERSION


def _base():
    return get_preset("mlp").make("gates-xor").to_dict()


@pytest.mark.parametrize("mutate, field", [
    (lambda d: d.update(colour="red"), "colour"),
    (lambda d: d["training"].update(batch_size="big"), "training.batch_size"),
    (lambda d: d["training"].update(epochs=0), "training.epochs"),
    (lambda d: d["training"].update(learning_rate=-1), "training.learning_rate"),
    (lambda d: d["networks"]["main"].update(input_shape=[2, -3]), "networks.main.input_shape[1]"),
    (lambda d: d["networks"]["main"]["layers"][0].pop("type"), "networks.main.layers[0].type"),
    (lambda d: d["networks"]["main"]["layers"][1].update(extra=1), "networks.main.layers[1].extra"),
    (lambda d: d.pop("family"), "family"),
    (lambda d: d.update(networks={}), "networks"),
])
def test_malformed_fields_are_named(mutate, field):
    data = _base()
    mutate(data)
    with pytest.raises(SpecError) as info:
        Experiment.from_dict(data)
    assert info.value.field == field
    assert field in str(info.value)


def test_future_schema_is_refused_with_a_clear_message():
    data = _base()
    data["schema_version"] = SCHEMA_VERSION + 1
    with pytest.raises(SpecError, match="newer Layerwise"):
        Experiment.from_dict(data)


def test_invalid_json_reports_line():
    with pytest.raises(SpecError, match="line 1"):
        Experiment.from_json("{not json")


def test_layer_params_survive_round_trip():
    net = NetworkSpec((4,), [LayerSpec("Dense", {"units": 3, "l2": 0.01})])
    exp = Experiment("supervised", {"main": net}, "blobs")
    assert Experiment.from_json(exp.to_json()).networks["main"].layers[0].params == {"units": 3, "l2": 0.01}


@pytest.mark.parametrize("name", [p.name for p in all_presets()])
def test_copy_is_deep_and_equal(name):
    import copy

    preset = get_preset(name)
    exp = preset.make(preset.default_dataset)
    exp.options["nested"] = {"a": [1, 2]}
    dup = exp.copy()
    assert dup == copy.deepcopy(exp)
    dup.networks[next(iter(dup.networks))].layers[0].params["probe"] = 1
    dup.training.metrics.append("mse")
    dup.options["nested"]["a"].append(3)
    assert exp == copy.deepcopy(exp) and dup != exp
    assert "probe" not in exp.networks[next(iter(exp.networks))].layers[0].params
    assert exp.options["nested"] == {"a": [1, 2]}
