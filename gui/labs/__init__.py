"""The labs: one file each, opened from the Labs menu, independent of training (see gui/PANELS.md: a lab is a
Panel with area "lab")."""
from __future__ import annotations

from gui.panels import Panel, load_panels

# In the order of the Labs menu.
LAB_MODULES: list[str] = [
    "gui.course",  # the Course (Help menu, F1): opens the labs below and the presets
    "gui.labs.mcp",
    "gui.labs.hebb",
    "gui.labs.activations",
    "gui.labs.softmax",
    "gui.labs.losses",
    "gui.labs.gradient_descent",
    "gui.labs.backprop",
    "gui.labs.convolution",
    "gui.labs.receptive_field",
    "gui.labs.try_it",
    "gui.labs.overfitting",
]


def lab_classes() -> list[type[Panel]]:
    return load_panels(LAB_MODULES)
