"""The live plots: ranges that move rarely (axis repaints are what stalled the window) and reused plot items."""
import math
import os
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from gui.plots import PlotsPanel, fitted_range  # noqa: E402


def _changes(values):
    current, changes, seen = None, 0, []
    for v in values:
        seen.append(v)
        new = fitted_range(min(seen), max(seen), current)
        if new is not None:
            current, changes = new, changes + 1
        assert current[0] <= min(seen) and max(seen) <= current[1]
    return changes, current


@pytest.mark.parametrize("curve, at_most", [
    (lambda k: 2.3 * math.exp(-k / 600) + 0.05, 8),  # a falling loss
    (lambda k: 1 - 0.9 * math.exp(-k / 600), 10),  # a rising accuracy
    (lambda k: -3 + 2 * math.sin(k / 300), 10),  # a critic estimate below zero
    (lambda k: 0.7, 1),  # flat
])
def test_y_range_moves_rarely_and_always_shows_the_data(curve, at_most):
    changes, current = _changes([curve(k) for k in range(3000)])
    assert 1 <= changes <= at_most


def test_losses_start_at_zero_and_accuracies_stop_at_one():
    _, loss = _changes([2.3 * math.exp(-k / 60) + 0.05 for k in range(300)])
    _, acc = _changes([1 - 0.9 * math.exp(-k / 60) for k in range(300)])
    assert loss[0] == 0.0 and acc[0] == 0.0 and acc[1] <= 1.03


def _batch(epoch, batch, loss, acc):
    return SimpleNamespace(epoch=epoch, batch=batch, loss=loss, metrics={"accuracy": acc})


def test_x_axis_spans_the_run_and_plots_are_reused(qtbot):
    panel = PlotsPanel()
    qtbot.addWidget(panel)
    panel.reset(steps_per_epoch=10, epochs=4)
    panel.add_batches([_batch(1, b, 2.0 - 0.1 * b, 0.1 * b) for b in range(1, 6)])
    panel.refresh()
    loss_plot = panel.plots["loss"]
    x_lo, x_hi = loss_plot.getViewBox().viewRange()[0]
    assert x_lo <= 0 and 4 <= x_hi < 4.2  # the whole run, not just the 0.5 epochs seen so far
    y_lo, y_hi = loss_plot.getViewBox().viewRange()[1]
    assert y_lo == pytest.approx(0.0) and y_hi >= 1.9
    assert panel.point_count("loss", "batch") == 5
    before = {id(plot) for plot in panel.plots.values()}
    panel.reset(steps_per_epoch=10, epochs=2)
    panel.add_batches([_batch(1, 1, 1.0, 0.5)])
    assert id(panel.plots["loss"]) in before and len(before) == 2  # a kept widget, cleared, not a new one
    assert panel.point_count("loss", "batch") == 1
    assert sum(len(p.listDataItems()) for p in panel.plots.values()) == 2  # old curves are gone


def test_prepare_builds_the_expected_plots_before_the_first_batch(qtbot):
    panel = PlotsPanel()
    qtbot.addWidget(panel)
    panel.prepare(["loss", "accuracy"], epochs=3)
    qtbot.waitUntil(lambda: ("accuracy", "val") in panel.curves, timeout=2000)
    assert list(panel.plots) == ["loss", "accuracy"]
    assert panel.plots["accuracy"].getViewBox().viewRange()[0][1] >= 3
    assert all(panel.point_count(base, kind) == 0 for base, kind in panel.curves)
    panel.begin(steps_per_epoch=5, epochs=3)
    panel.add_batches([_batch(1, 5, 1.0, 0.5)])
    assert panel.point_count("accuracy", "batch") == 1 and len(panel.plots) == 2


def test_a_run_stopped_early_is_zoomed_to_what_it_reached(qtbot):
    panel = PlotsPanel()
    qtbot.addWidget(panel)
    panel.prepare(["loss"], epochs=20)
    panel.begin(steps_per_epoch=10, epochs=20)
    panel.add_batches([_batch(e, b, 1.0 / (e + b), 0.5) for e in (1, 2) for b in range(1, 11)])
    panel.finish()
    x_lo, x_hi = panel.plots["loss"].getViewBox().viewRange()[0]
    assert 1.9 < x_hi < 2.3


def test_slow_redraws_are_spread_out_to_stay_within_their_budget(qtbot):
    from gui.plots import MAX_REDRAW_MS, REDRAW_BUDGET, REDRAW_MS

    panel = PlotsPanel()
    qtbot.addWidget(panel)
    panel.reset(steps_per_epoch=10, epochs=2)
    panel.add_batches([_batch(1, 1, 1.0, 0.5)])
    panel.refresh()
    assert panel._refresh_seconds > 0  # measured, not assumed
    panel._refresh_seconds, panel.view.paint_seconds = 0.0005, 0.0005  # a fast machine: the usual pace
    assert panel.redraw_interval_ms() == REDRAW_MS
    panel._refresh_seconds, panel.view.paint_seconds = 0.002, 0.003  # 5 ms a redraw: 1 s apart
    assert panel.redraw_interval_ms() == pytest.approx(1000 * 0.005 / REDRAW_BUDGET, abs=1)
    panel.view.paint_seconds = 0.5  # never so slow that the curve stops moving
    assert panel.redraw_interval_ms() == MAX_REDRAW_MS
    panel._redraw.stop()  # the redraw the first batch asked for has been done by hand
    panel.add_batches([_batch(1, 2, 0.9, 0.6)])
    assert panel._redraw.isActive() and panel._redraw.interval() == MAX_REDRAW_MS


def test_a_shown_view_measures_its_paint(qtbot):
    panel = PlotsPanel()
    qtbot.addWidget(panel)
    panel.resize(400, 300)
    panel.show()
    qtbot.waitExposed(panel)
    panel.view.paint_seconds = 0.0
    panel.view.viewport().update()
    qtbot.waitUntil(lambda: panel.view.paint_seconds > 0, timeout=2000)


def test_curves_behind_another_tab_are_drawn_when_shown(qtbot):
    panel = PlotsPanel()
    qtbot.addWidget(panel)
    panel.reset(steps_per_epoch=10, epochs=2)
    panel.add_batches([_batch(1, b, 1.0 / b, 0.1 * b) for b in range(1, 4)])
    panel._redraw_if_seen()  # the timer fires while the panel is not shown
    curve = panel.curves[("loss", "batch")]
    assert curve.getData()[0] is None or len(curve.getData()[0]) == 0  # nothing drawn for nobody
    assert panel.point_count("loss", "batch") == 3  # but nothing lost
    panel.show()
    qtbot.waitExposed(panel)
    assert len(curve.getData()[0]) == 3


def test_one_legend_names_the_curves_of_every_plot_outside_them(qtbot):
    """One legend for all plots, in a strip above them: inside a view box it sat on the curves."""
    panel = PlotsPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 300)
    panel.show()
    panel.prepare(["loss", "accuracy", "learning_rate"], epochs=3)
    qtbot.waitUntil(lambda: len(panel.curves) == 9, timeout=3000)
    assert panel.legend.names() == ["batch mean", "epoch", "validation"]
    assert panel.key.isVisible() and panel.key.height() >= panel.legend.height()
    assert panel.key.geometry().bottom() < panel.view.geometry().top()  # above the plots, not on them
    assert all(plot.legend is None for plot in panel.plots.values())
    panel.reset(steps_per_epoch=5, epochs=2)  # kept plots, reused in another order, still one legend
    panel.add_batches([_batch(1, 1, 1.0, 0.5)])
    assert panel.legend.names() == ["batch mean"]


def test_a_legend_under_the_x_axis_leaves_the_view_box_to_the_curves(qtbot):
    from gui import widgets as lw
    widget = lw.plot("x", "y", legend=True)
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    widget.show()
    qtbot.waitExposed(widget)
    widget.plot([0, 1, 2], [2, 0, 1], name="first")
    widget.plot([0, 1, 2], [1, 2, 0], name="second")
    qtbot.wait(20)
    legend = widget.getPlotItem().legend
    assert legend.names() == ["first", "second"]
    view_box = widget.getPlotItem().getViewBox().sceneBoundingRect()
    assert not legend.sceneBoundingRect().intersects(view_box)
    assert legend.sceneBoundingRect().top() >= view_box.bottom()


def test_plots_of_a_run_share_the_width_after_the_placeholder(qtbot):
    """The 'Press Start' placeholder title, once hidden, kept its text's minimum width: the loss plot took
    ~370 px and squeezed the plots beside it until their tick labels collided."""
    panel = PlotsPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 280)
    panel.show()
    panel.prepare(["loss", "accuracy", "learning_rate"], epochs=3)
    qtbot.waitUntil(lambda: len(panel.plots) == 3, timeout=2000)
    qtbot.waitUntil(lambda: max(p.geometry().width() for p in panel.plots.values()) > 0, timeout=2000)
    widths = [plot.geometry().width() for plot in panel.plots.values()]
    assert max(widths) < 1.2 * min(widths), widths  # before: 386, 138, 138 px


def test_a_sparse_axis_gives_every_label_room_on_a_small_plot(qtbot):
    from gui.axes import LABEL_SPACING_PX, SparseAxis
    import pyqtgraph as pg

    for size, (lo, hi) in ((50, (0.6, 1.3)), (40, (0.0, 1000.0)), (300, (0.45, 0.72)), (25, (-3.0, 3.0))):
        axis = SparseAxis("left")
        major, _offset = axis.tickSpacing(lo, hi, size)[0]
        assert (hi - lo) / major * LABEL_SPACING_PX <= size, (size, lo, hi, major)
        plain = pg.AxisItem("left").tickSpacing(lo, hi, size)[0][0]
        assert major >= plain  # never denser than pyqtgraph's own
