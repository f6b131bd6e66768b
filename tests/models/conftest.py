import sys

import pytest


@pytest.fixture(autouse=True, scope="session")
def _no_qt_in_core():
    """The core must import and run without Qt: fail if any test in tests/models pulled it in."""
    yield
    leaked = [m for m in ("PySide6", "pyqtgraph") if m in sys.modules and "pytestqt" not in sys.modules]
    assert not leaked, f"tests/models imported {leaked}"
