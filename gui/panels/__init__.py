"""Extra panels (labs and live views) that plug into the main window. See gui/PANELS.md."""
from __future__ import annotations

import importlib
import logging

from .base import Panel, PanelContext

# Each module listed here defines PANELS = [PanelSubclass, ...]. Add yours with a one-line edit.
PANEL_MODULES: list[str] = [
    "gui.panels.word_map",
    "gui.panels.sequences",
    "gui.panels.generative",
    "gui.panels.vae",
    "gui.panels.neurons",
    "gui.panels.functions",
    "gui.panels.backprop",
    "gui.panels.convolution",
    "gui.panels.feature_maps",
    "gui.panels.evaluation",
    "gui.panels.overfit",
]


def panel_classes() -> list[type[Panel]]:
    classes: list[type[Panel]] = []
    for name in PANEL_MODULES:
        try:
            module = importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a broken panel must not stop the app from opening
            logging.getLogger(__name__).exception("could not load panel module %s", name)
            continue
        classes.extend(getattr(module, "PANELS", []))
    return classes


__all__ = ["Panel", "PanelContext", "panel_classes", "PANEL_MODULES"]
