"""The word2vec panel: live map from probe payloads, query box, settings through the document, export."""
import math

import numpy as np

from gui.app import wait_until
from gui.panels.word2vec import WordMapPanel
from models.engine.events import ProbeResult


def _panel(win) -> WordMapPanel:
    return next(p for p in win.panels if isinstance(p, WordMapPanel))


def _payload():
    words = ["cat", "dog", "red", "blue", "the"]
    vectors = np.array([[1.0, 0.1, 0.0], [0.9, 0.2, 0.0], [0.0, 1.0, 0.1], [0.1, 0.9, 0.0], [0.3, 0.3, 1.0]],
                       dtype=np.float32)
    return {"words": words, "coords": vectors[:, :2].copy(), "groups": ["animals", "animals", "colours", "colours", ""],
            "group_names": ["animals", "colours"], "counts": np.array([5, 4, 3, 2, 9]),
            "explained": np.array([0.6, 0.3]), "group_share": 1.0, "vocab": words, "vectors": vectors}


def test_panel_follows_the_family_and_draws_the_map(make_window):
    win = make_window("skipgram")
    panel = _panel(win)
    assert panel.applies_to(win.document.experiment)
    assert not win.docks["panel_WordMapPanel"].isHidden()
    panel.on_probe(ProbeResult("embedding_map", 3, _payload()))
    assert len(panel.scatter.data) == 5
    assert [label.textItem.toPlainText() for label in panel._labels[:5]] == ["cat", "dog", "red", "blue", "the"]
    assert "animals" in panel.legend.text() and "other words" in panel.legend.text()
    assert "100%" in panel.info.text()
    assert "60%" in panel.plot.getAxis("bottom").labelText
    before = panel.scatter.getData()
    panel.on_probe(ProbeResult("something_else", 4, {}))  # other probes are ignored: the map stays as it was
    after = panel.scatter.getData()
    assert np.array_equal(before[0], after[0]) and np.array_equal(before[1], after[1])
    assert [label.textItem.toPlainText() for label in panel._labels[:5]] == ["cat", "dog", "red", "blue", "the"]
    assert "100%" in panel.info.text()

    panel.query.setText("cat")
    panel.run_query()
    assert panel.results.item(0).text().split()[0] == "dog"
    assert len(panel.highlight.data) >= 2  # the query word and its best answers are ringed on the map
    panel.query.setText("dog - cat + red")
    panel.run_query()
    assert panel.results.item(0).text().split()[0] == "blue"
    panel.query.setText("zebra")
    panel.run_query()
    assert panel.results.count() == 0 and "not in the vocabulary" in panel.query_note.text()

    mlp = make_window("mlp")
    assert not _panel(mlp).applies_to(mlp.document.experiment)


def test_settings_edit_the_experiment_with_undo(make_window):
    win = make_window("cbow")
    panel = _panel(win)
    assert panel.mode.currentData() == "cbow" and panel.window_size.value() == 2
    panel.window_size.setValue(4)
    panel.subsample.setCurrentIndex(panel.subsample.findData(1e-4))
    assert win.document.experiment.options["window"] == 4
    assert math.isclose(win.document.experiment.options["subsample"], 1e-4)
    win.document.undo_stack.undo()
    win.document.undo_stack.undo()
    assert win.document.experiment.options["window"] == 2 and panel.window_size.value() == 2
    panel.mode.setCurrentIndex(panel.mode.findData("skipgram"))
    assert win.document.experiment.options["mode"] == "skipgram"


def test_training_fills_the_map_and_exports_projector_files(make_window, tmp_path):
    win = make_window("skipgram")
    panel = _panel(win)
    win.document.set_training(epochs=2, batch_size=256, learning_rate=0.01)
    seen = []
    win.controller.probe.connect(lambda event: seen.append(event.name))
    win.start_training()
    assert wait_until(lambda: not win.controller.running and panel.export_button.isEnabled(), 120)
    assert "embedding_map" in seen and panel._vectors is not None
    assert len(panel.scatter.data) == 60
    panel.query.setText("monday")
    panel.run_query()
    assert panel.results.count() == 8
    panel.export_to(str(tmp_path / "emb"))
    assert wait_until(lambda: (tmp_path / "emb" / "metadata.tsv").exists(), 30)
    meta = (tmp_path / "emb" / "metadata.tsv").read_text(encoding="utf-8").splitlines()
    assert meta[0] == "word\tcount\tgroup" and len(meta) == 92
