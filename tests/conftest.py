import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("KERAS_HOME", os.path.join(os.path.dirname(__file__), "..", ".venv", "keras-home"))

import models.families  # noqa: E402,F401  (registers every family: presets, datasets, recipes, options)
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _data_dir_in_tmp(monkeypatch, tmp_path_factory):
    """Run folders (and anything else under the per-user data folder) go to a temporary folder, never the real
    home: every test, and every CLI subprocess a test starts, inherits LAYERWISE_DATA."""
    monkeypatch.setenv("LAYERWISE_DATA", str(tmp_path_factory.mktemp("layerwise-data")))

_exit_status = {"code": 0}


def pytest_sessionfinish(session, exitstatus):
    _exit_status["code"] = int(exitstatus)


def pytest_unconfigure(config):
    """Leave without interpreter finalisation once the results are printed.

    Tearing down PySide6 and TensorFlow together at interpreter exit can abort in their C++ destructors
    (seen: 'bool_dealloc' after every test had passed). Windows and workers are already closed and joined
    by the fixtures; nothing is left to clean up, so the exit status is all that remains to report.
    """
    import sys

    if "PySide6" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_exit_status["code"])
