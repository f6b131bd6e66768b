""".keras files round-trip a trained model exactly."""
import numpy as np

from models.engine.events import RecordingReporter
from models.engine.session import TrainingSession
from models.files import load_keras
from models.spec.experiment import Experiment, LayerSpec, NetworkSpec, TrainingConfig


def _exp():
    layers = [LayerSpec("Dense", {"units": 6, "activation": "relu", "l2": 0.001}), LayerSpec("Dropout", {"rate": 0.1}),
              LayerSpec("Dense", {"units": 1, "activation": "sigmoid"})]
    return Experiment("supervised", {"main": NetworkSpec((2,), layers)}, "circles",
                      TrainingConfig("adam", 0.01, 16, 2, seed=1), dataset_options={"size": 100})


def test_keras_round_trip_gives_identical_predictions(tmp_path):
    session = TrainingSession()
    try:
        session.start(_exp(), RecordingReporter()).result(timeout=60)
        path = session.export_keras(str(tmp_path / "m.keras")).result(timeout=60)
        x = np.random.default_rng(0).normal(size=(16, 2)).astype("float32")
        before = session.with_model(lambda m: m.predict(x, verbose=0)).result(timeout=30)
        after = session.submit(lambda: load_keras(path).predict(x, verbose=0)).result(timeout=30)
    finally:
        session.shutdown(10)
    np.testing.assert_array_equal(before, after)
