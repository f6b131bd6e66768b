"""Fixtures shared by the families' tests."""
from __future__ import annotations

from typing import Any, Callable

import pytest


@pytest.fixture
def prepare() -> Callable[[Any], Any]:
    """prepare(experiment) -> what the family's recipe makes of it (fresh Keras state, seed 0), untrained."""
    def make(exp: Any) -> Any:
        import keras

        from models.data import load_dataset
        from models.engine.recipe import get_recipe

        keras.backend.clear_session()
        keras.utils.set_random_seed(0)
        data = load_dataset(exp.dataset, exp.dataset_options, seed=0)
        return get_recipe(exp.family)(exp, data)
    return make
