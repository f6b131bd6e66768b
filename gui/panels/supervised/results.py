"""After training: the confusion matrix (click a cell to see its test images), the most confidently wrong test
images, and predicted vs true boxes for the localiser.

Predictions run on the training thread through ctx.with_trained_model; the job below returns numpy only.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QPushButton, QToolTip, QVBoxLayout

from gui import theme
from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from gui.captioned_grid import CaptionedGrid
from gui.training_panel import FitImage, grey_pixmap
from models.images import tile_grid
from models.spec.experiment import Experiment

MAX_EVAL = 5000


GALLERY = 24
MATRIX_COLOURS = pg.ColorMap([0.0, 1.0], [pg.mkColor("#ffffff"), pg.mkColor(theme.ACCENT)])


def count_ticks(top: int) -> list[int]:
    """Counts to mark on a log(1 + count) colour bar: 0, then 1, 2, 5, 10, 20, 50 ... up to `top`, and `top`."""
    ticks, step = [0], 1
    while step <= top:
        for m in (1, 2, 5):
            if m * step <= top:
                ticks.append(m * step)
        step *= 10
    if top > 0 and top not in ticks:
        if ticks[-1] > top / 2:  # too close to `top` to read both
            ticks.pop()
        ticks.append(top)
    return ticks


def _classification_task(experiment: Experiment) -> bool:
    from models.data import DatasetError, dataset_shape

    if experiment.family not in ("supervised", "localize"):
        return False
    try:
        return dataset_shape(experiment.dataset).task in ("classification", "binary", "localisation")
    except (DatasetError, ValueError):
        return False


def evaluation_job(experiment: Experiment) -> Any:
    """fn(model) for the worker: predictions on the test split, as plain arrays for the results panel."""
    def job(model: Any) -> dict[str, Any]:
        try:
            return _evaluate(model)
        except Exception as exc:  # noqa: BLE001 - shown in the panel, not as a crash
            return {"error": QCoreApplication.translate(
                "ResultsPanel", "could not evaluate the trained network: {kind}: {error}").format(
                    kind=type(exc).__name__, error=exc)[:400]}

    def _evaluate(model: Any) -> dict[str, Any]:
        from models.data import load_dataset
        from models.families.supervised.evaluation import evaluate_classifier

        data = load_dataset(experiment.dataset, experiment.dataset_options, seed=experiment.training.seed)
        x, y = data.x_test, data.y_test
        n = min(len(x), MAX_EVAL)
        y = {k: v[:n] for k, v in y.items()} if isinstance(y, dict) else y[:n]
        x = x[:n]
        ev = evaluate_classifier(model, x, y, data.info.class_names)
        out: dict[str, Any] = {
            "matrix": ev.matrix, "y_true": ev.y_true, "y_pred": ev.y_pred,
            "confidence": ev.probabilities.max(axis=1), "class_names": ev.class_names, "accuracy": ev.accuracy,
            "wrong": [(w.index, w.true_class, w.predicted_class, w.confidence) for w in ev.confidently_wrong(GALLERY)],
        }
        if isinstance(x, np.ndarray) and x.ndim == 4:
            out["images"] = (np.clip(x.mean(axis=-1), 0, 1) * 255).astype(np.uint8)
        if isinstance(y, dict) and "box" in y:
            from models.families.localize.boxes import box_iou
            pred = model.predict(x[:12], verbose=0)
            out["boxes_true"] = np.asarray(y["box"][:12])
            out["boxes_pred"] = np.asarray(pred["box"])
            out["box_iou"] = box_iou(out["boxes_pred"], out["boxes_true"])
        return out
    return job


def draw_boxes(image: np.ndarray, boxes: list[tuple[np.ndarray, tuple[int, int, int]]]) -> np.ndarray:
    """A grey uint8 image -> RGB with 1-pixel rectangles for (box as fractions, colour) pairs."""
    h, w = image.shape
    rgb = np.repeat(image[..., None], 3, axis=-1).copy()
    for box, colour in boxes:
        t, l, b, r = (np.asarray(box, dtype="float64") * [h, w, h, w]).round().astype(int)
        t, b = np.clip([t, b - 1], 0, h - 1)
        l, r = np.clip([l, r - 1], 0, w - 1)
        if b < t or r < l:
            continue
        rgb[t, l:r + 1] = colour
        rgb[b, l:r + 1] = colour
        rgb[t:b + 1, l] = colour
        rgb[t:b + 1, r] = colour
    return rgb


class ResultsPanel(Panel):
    """Confusion matrix, a clickable gallery and (for localisation) boxes, once a classifier has trained."""

    title = QT_TRANSLATE_NOOP("Panels", "Results")
    area = "bottom"

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        self.results: dict[str, Any] | None = None
        self.selected: tuple[int, int] | None = None
        self.count_items: list[pg.TextItem] = []
        self.counts_shown = True  # the cells are large enough to print their counts in
        layout = lw.panel_row(self)
        self.matrix_plot = lw.plot(self.tr("predicted class"), self.tr("true class"),
                                   self.tr("Row = the true class, column = what the network said. The diagonal "
                                           "holds the correct answers; click any cell to see its test images."))
        self.matrix_plot.invertY(True)
        self.matrix_plot.setAspectLocked(True)
        self.matrix_plot.setMouseEnabled(False, False)
        self.matrix_plot.setMinimumSize(200, 180)
        self.matrix_image = pg.ImageItem()
        self.matrix_plot.addItem(self.matrix_image)
        # The colours grow with log(1 + count), so a handful of mistakes is visible beside a full diagonal; the
        # bar's ticks are counts.
        self.matrix_bar = pg.ColorBarItem(values=(0.0, 1.0), colorMap=MATRIX_COLOURS, interactive=False, width=10,
                                          label=self.tr("test images"))
        self.matrix_bar.setImageItem(self.matrix_image, insert_in=self.matrix_plot.getPlotItem())
        self.matrix_plot.scene().sigMouseClicked.connect(self._clicked)
        self.matrix_plot.scene().sigMouseMoved.connect(self._hovered)
        self.matrix_plot.getViewBox().sigResized.connect(lambda *_: self._fit_counts())
        self.matrix_plot.hide()  # until there is a matrix: an empty one had axes -0.4..0.4
        layout.addWidget(self.matrix_plot, 3)
        middle = QVBoxLayout()
        self.summary = lw.heading(self.tr("Results"), self.tr("Computed on the test set after training."))
        middle.addWidget(self.summary)
        self.gallery_title = lw.muted(self.tr("Train a classifier: its confusion matrix and its most confidently "
                                              "wrong test images appear here."))
        middle.addWidget(self.gallery_title)
        self.gallery = CaptionedGrid(8)  # each test image with its caption under it
        middle.addWidget(self.gallery)
        self.wrong_button = QPushButton(self.tr("Most confidently wrong"))
        self.wrong_button.setToolTip(self.tr("The mistakes the network was surest about: often badly written "
                                             "digits, sometimes a wrong label in the data."))
        self.wrong_button.clicked.connect(self.show_wrong)
        self.wrong_button.setEnabled(False)
        middle.addWidget(self.wrong_button, 0, Qt.AlignmentFlag.AlignLeft)
        middle.addStretch(1)
        layout.addWidget(lw.scroll(middle, 240), 4)
        boxes_col = QVBoxLayout()
        self.boxes_title = lw.heading(self.tr("Boxes"), self.tr("Green: the true box around the digit; orange: the "
                                                                "predicted box. IoU = overlap area / combined "
                                                                "area."))
        boxes_col.addWidget(self.boxes_title)
        self.boxes = FitImage()
        self.boxes.setMinimumSize(160, 80)
        boxes_col.addWidget(self.boxes)
        self.boxes_note = lw.muted("")
        boxes_col.addWidget(self.boxes_note)
        boxes_col.addStretch(1)
        self.boxes_widget = lw.scroll(boxes_col, 180)
        self.boxes_widget.setVisible(False)
        layout.addWidget(self.boxes_widget, 3)

    @classmethod
    def applies_to(cls, experiment: Experiment) -> bool:
        return _classification_task(experiment)

    def on_run_started(self, event: Any) -> None:
        self.matrix_plot.hide()
        self.gallery.clear()
        self.summary.setText(self.tr("Results"))
        self.gallery_title.setText(self.tr("Training … the results appear when it ends."))

    def on_run_ended(self, result: Any) -> None:
        if result.status not in ("finished", "stopped") or not self.ctx.controller.has_model:
            return
        exp = self.ctx.experiment()
        if not _classification_task(exp):
            return
        self.gallery_title.setText(self.tr("Evaluating on the test set …"))
        self.ctx.with_trained_model(evaluation_job(exp), self.show_results, which="train")

    # --- showing ------------------------------------------------------------------------------------------
    def show_results(self, results: dict[str, Any]) -> None:
        if "error" in results:
            self.gallery_title.setText(f"<span style='color:{theme.ERROR}'>{results['error']}</span>")
            return
        self.results = results
        m = results["matrix"]
        k = len(m)
        shown = np.log1p(m.astype("float64"))
        top = max(float(shown.max()), 1e-9)
        lw.set_image(self.matrix_image, shown, (0.0, top), MATRIX_COLOURS, rect=(0, 0, k, k))
        self.matrix_bar.setLevels((0.0, top))
        self.matrix_bar.axis.setTicks([[(float(np.log1p(v)), str(v)) for v in count_ticks(int(m.max()))]])
        for item in self.count_items:
            self.matrix_plot.removeItem(item)
        self.count_items = []
        big = float(shown.max()) * 0.6
        for r in range(k):
            for c in range(k):
                item = pg.TextItem(str(int(m[r, c])), color="#fff" if shown[r, c] > big else "#222",
                                   anchor=(0.5, 0.5))
                item.setPos(c + 0.5, r + 0.5)
                self.matrix_plot.addItem(item)
                self.count_items.append(item)
        self.matrix_plot.show()
        names = results["class_names"] or [str(i) for i in range(k)]
        ticks = [[(i + 0.5, str(names[i])) for i in range(k)]]
        self.matrix_plot.getAxis("bottom").setTicks(ticks)
        self.matrix_plot.getAxis("left").setTicks(ticks)
        self.matrix_plot.setXRange(0, k, padding=0.02)
        self.matrix_plot.setYRange(0, k, padding=0.02)
        self.summary.setText(self.tr("Test accuracy {accuracy:.1%} on {n:,} images").format(
            accuracy=results['accuracy'], n=len(results['y_true'])))
        self._fit_counts()
        self.wrong_button.setEnabled("images" in results)
        self.show_wrong()
        self._show_boxes(results)

    def show_wrong(self) -> None:
        r = self.results
        if r is None:
            return
        wrong = r["wrong"]
        names = r["class_names"]
        if "images" not in r:
            self.gallery_title.setText(self.tr("{n} test examples are misclassified.").format(
                n=int((r['y_true'] != r['y_pred']).sum())))
            self.gallery.clear()
            return
        if not wrong:
            self.gallery_title.setText(self.tr("No test image is misclassified."))
            self.gallery.clear()
            return
        self.selected = None
        self.gallery_title.setText(self.tr("<b>The {n} most confidently wrong test images</b>: under each, its "
                                           "true class → what the network said, and how sure it was").format(
                                               n=len(wrong)))
        self._gallery([w[0] for w in wrong], [(f"{names[t]} → {names[p]}", f"{c:.0%}") for _, t, p, c in wrong],
                      [self.tr("Test image {index}: a {true}, read as {said} with {confidence:.0%} "
                               "confidence").format(index=i, true=names[t], said=names[p], confidence=c)
                       for i, t, p, c in wrong])

    def show_cell(self, true_class: int, predicted: int) -> None:
        r = self.results
        if r is None:
            return
        names = r["class_names"]
        idx = np.flatnonzero((r["y_true"] == true_class) & (r["y_pred"] == predicted))
        self.selected = (true_class, predicted)
        title = (self.tr("<b>{n} test images of {true} correctly read</b>") if true_class == predicted else
                 self.tr("<b>{n} test images of {true} read as {said}</b>")).format(
                     n=len(idx), true=names[true_class], said=names[predicted])
        self.gallery_title.setText(title + (" " + self.tr("(the first {n})").format(n=GALLERY)
                                            if len(idx) > GALLERY else ""))
        if "images" in r:
            shown = [int(j) for j in idx[:GALLERY]]
            self._gallery(shown, [(f"{r['confidence'][j]:.0%}",) for j in shown],
                          [self.tr("Test image {index}: {confidence:.0%} confidence").format(
                              index=j, confidence=r["confidence"][j]) for j in shown])

    def _gallery(self, indices: list[int], captions: list[tuple[str, ...]], tips: list[str]) -> None:
        r = self.results
        if not indices:
            self.gallery.clear()
            return
        self.gallery.set_items([grey_pixmap(r["images"][i], 1) for i in indices], captions, tips)

    def _show_boxes(self, r: dict[str, Any]) -> None:
        has = "boxes_pred" in r and "images" in r
        self.boxes_widget.setVisible(has)
        if not has:
            return
        tiles = []
        for img, t, p in zip(r["images"], r["boxes_true"], r["boxes_pred"]):
            tiles.append(draw_boxes(img, [(t, (46, 157, 91)), (p, (224, 123, 26))]) / 255.0)
        grid = tile_grid(tiles, 4, pad=2, background=1.0)
        self.boxes.set_source(lw.rgb_pixmap((grid * 255).astype(np.uint8), 2))
        self.boxes_note.setText(self.tr("IoU of these: {values}").format(
            values=", ".join(f"{v:.2f}" for v in r["box_iou"])))

    def _fit_counts(self) -> None:
        """The counts' font follows the cells' size on screen, so the widest count fits inside its cell; when
        cells are too small to read a number (many classes in a small panel) the counts show on hover instead."""
        if self.results is None or not self.count_items:
            return
        m = self.results["matrix"]
        k = len(m)
        vb = self.matrix_plot.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        cell = min(vb.width() / max(x1 - x0, 1e-9), vb.height() / max(y1 - y0, 1e-9))
        digits = len(str(int(m.max()))) if m.size else 1
        pixels = min(13.0, cell * 0.42, cell * 0.85 / (0.62 * digits))
        self.counts_shown = pixels >= 7.0
        font = self.font()
        font.setPixelSize(max(1, int(pixels)))
        for item in self.count_items:
            item.setFont(font)
            item.setVisible(self.counts_shown)
        if not self.counts_shown and k:
            self.matrix_plot.setToolTip(self.tr("{n} classes: the cells are too small for their counts here; hover a "
                                                "cell to read it, click it to see its images.").format(n=k))

    def _cell_at(self, scene_pos: Any) -> tuple[int, int] | None:
        if self.results is None:
            return None
        point = self.matrix_image.mapFromScene(scene_pos)
        k = len(self.results["matrix"])
        c, r = int(np.floor(point.x() * k / max(self.matrix_image.width(), 1))), \
            int(np.floor(point.y() * k / max(self.matrix_image.height(), 1)))
        return (r, c) if 0 <= r < k and 0 <= c < k else None

    def _hovered(self, scene_pos: Any) -> None:
        cell = self._cell_at(scene_pos)
        if cell is None or self.counts_shown:
            return
        r, c = cell
        names = self.results["class_names"] or [str(i) for i in range(len(self.results["matrix"]))]
        QToolTip.showText(QCursor.pos(), self.tr("true {true}, said {said}: {n} test images").format(
            true=names[r], said=names[c], n=int(self.results["matrix"][r, c])), self.matrix_plot)

    def _clicked(self, event: Any) -> None:
        cell = self._cell_at(event.scenePos())
        if cell is not None:
            self.show_cell(*cell)

PANELS = [ResultsPanel]
