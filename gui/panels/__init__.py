"""Live panels that plug into the main window, one module (or folder) per family. See gui/PANELS.md."""
from __future__ import annotations

import importlib
import logging

from .base import Panel, PanelContext

# Each module listed here defines PANELS = [PanelSubclass, ...]; the order is the order of their tabs.
PANEL_MODULES: list[str] = [
    "gui.panels.word2vec",
    "gui.panels.recurrent",
    "gui.panels.gan",
    "gui.panels.vae",
    "gui.panels.supervised.decision_boundary",
    "gui.panels.supervised.feature_maps",
    "gui.panels.supervised.results",
]


def load_panels(modules: list[str]) -> list[type[Panel]]:
    """The PANELS of each module; a module that fails to import is logged and left out, never fatal."""
    classes: list[type[Panel]] = []
    for name in modules:
        try:
            module = importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a broken panel must not stop the app from opening
            logging.getLogger(__name__).exception("could not load panel module %s", name)
            continue
        classes.extend(getattr(module, "PANELS", []))
    return classes


def panel_classes() -> list[type[Panel]]:
    return load_panels(PANEL_MODULES)


__all__ = ["Panel", "PanelContext", "load_panels", "panel_classes", "PANEL_MODULES"]
