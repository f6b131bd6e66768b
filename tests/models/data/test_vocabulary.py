"""The token vocabulary: encoding, unknown words, padding and contractions."""
import numpy as np
import pytest

from models.data import dataset_shape, load_dataset
from models.data.memory import memory_vocabulary
from models.data.reviews import SENTENCE_LEN, review_vocabulary
from models.data.vocabulary import PAD_ID, UNK_ID


@pytest.fixture(scope="module")
def sentiment():
    return load_dataset("sentiment", seed=3)


def test_vocabulary_encode_unknown_padding_and_contractions():
    vocab = review_vocabulary()
    ids = vocab.encode("The movie WASN'T boring, zorgy!")
    assert ids.shape == (SENTENCE_LEN,) and ids.dtype == np.int32
    assert vocab.decode(ids) == ["the", "movie", "was", "not", "boring", "<unk>"]
    assert ids[5] == UNK_ID and (ids[6:] == PAD_ID).all()
    assert vocab.unknown("the movie was zorgy and blorp") == ["zorgy", "blorp"]
    assert vocab.unknown("<pad> good") == ["pad"]  # markup is just unknown text, never the padding id
    long = vocab.encode(" ".join(["good"] * 50))
    assert (long == vocab.id_of("good")).all()  # truncated to the first SENTENCE_LEN words
    assert vocab.size == dataset_shape("sentiment").vocabulary_size == dataset_shape("tagging").vocabulary_size
    assert dataset_shape("memory-30").vocabulary_size == memory_vocabulary(30).size == 14
    assert memory_vocabulary(30).max_len == 30
