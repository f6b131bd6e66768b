"""The rnn, lstm and gru presets fit each text task."""
import pytest

from models.data import dataset_shape, load_dataset


@pytest.fixture(scope="module")
def sentiment():
    return load_dataset("sentiment", seed=3)


def test_text_presets_fit_their_datasets():
    from models.spec.presets import get_preset

    for preset in ("rnn", "lstm", "gru"):
        for name in ("sentiment", "tagging", "memory-50", "chars"):
            exp = get_preset(preset).make(name)
            net = exp.networks["main"]
            assert net.input_shape == dataset_shape(name).input_shape and net.input_dtype == "int32"
            emb, rec, out = net.layers
            assert emb.type == "Embedding" and emb.params["mask_zero"] is True
            assert emb.params["input_dim"] == dataset_shape(name).vocabulary_size > 0
            assert rec.params["return_sequences"] is (name == "tagging")
            assert out.params["units"] == (1 if dataset_shape(name).task == "binary" else
                                           dataset_shape(name).num_classes)
    assert get_preset("lstm").make("memory-50").training.epochs == 20
