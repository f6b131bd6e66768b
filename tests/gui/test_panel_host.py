"""Panels and labs are made when first needed: a live panel when it first applies, a lab when it is first opened.
Building all twenty up front was most of the window's start (bench/startup.py: paint / import tensorflow 0.61)."""
from __future__ import annotations

from models.spec.presets import get_preset


def _made(win) -> set[str]:
    return {type(p).__name__ for p in win.host.built}


def test_a_fresh_window_makes_only_the_panels_that_apply(make_window):
    win = make_window("cnn")
    assert _made(win) == {"FeatureMapsPanel", "ResultsPanel"}  # no lab, no GAN, RNN, VAE or word-map panel
    assert "Convolution" in [a.text() for a in win.menuBar().actions()[-2].menu().actions()]  # the Labs menu
    assert win.open_lab_titled("Convolution")
    assert "ConvolutionLab" in _made(win) and win.host.lab_open(win.host.lab("Convolution"))
    assert not win.open_lab_titled("No such lab")


def test_a_panel_is_made_when_the_project_comes_to_need_it_and_lists_in_the_view_menu(make_window):
    win = make_window("mlp")
    assert "GenerativePanel" not in _made(win)
    win.document.replace(get_preset("gan").make(None), "Load gan")
    assert "GenerativePanel" in _made(win)
    dock = win.docks["panel_GenerativePanel"]
    view = next(a.menu() for a in win.menuBar().actions() if a.text() == "&View")
    view.aboutToShow.emit()
    assert dock.toggleViewAction() in view.actions() and dock.toggleViewAction().isEnabled()
    win.workspaces.switch("train")
    assert dock.isVisible()


def test_a_panel_whose_constructor_raises_is_a_message_and_is_not_tried_again(make_window, monkeypatch):
    from gui.panels.gan import GenerativePanel

    def broken(self, ctx):
        raise RuntimeError("boom")
    monkeypatch.setattr(GenerativePanel, "__init__", broken)
    win = make_window("gan")
    assert "GenerativePanel" not in _made(win)
    assert "boom" in win.message_bar.text and "Generative" in win.message_bar.text
    assert win.host.build(GenerativePanel) is None
