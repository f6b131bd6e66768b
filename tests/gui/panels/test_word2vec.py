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
    dock = win.docks["panel_WordMapPanel"]
    assert dock.isHidden() and dock in win.workspaces.members("train")  # Design shows the network
    win.workspaces.switch("train")
    assert not dock.isHidden()
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


def test_word_map_labels_never_cover_each_other(make_window):
    """60 words in three tight clusters: labels only where they are free, the most frequent first; every point
    names its word on hover."""
    win = make_window("skipgram")
    win.workspaces.switch("train")
    panel = _panel(win)
    rng = np.random.default_rng(0)
    centres = np.array([[-1.0, 0.0], [1.0, 0.5], [0.0, -1.0]])
    coords = np.concatenate([c + rng.normal(0, 0.03, (20, 2)) for c in centres])
    words = [f"word{i:02d}" for i in range(60)]
    counts = np.arange(60)[::-1] + 1  # word00 is the most frequent
    vectors = np.column_stack([coords, np.zeros(60)]).astype(np.float32)
    panel.show_map({"words": words, "coords": coords, "groups": [""] * 60, "group_names": [], "counts": counts,
                    "explained": np.array([0.5, 0.3]), "group_share": math.nan, "vocab": words, "vectors": vectors})
    wait_until(lambda: False, 0.3)  # the view's new range arrives, and the labels are placed for it
    labelled = panel.labelled_words()
    assert "word00" in labelled and "word20" in labelled and "word40" in labelled  # each cluster's most frequent
    assert 3 <= len(labelled) < 60
    shown = [label for label in panel._labels[:60] if label.isVisible()]
    rects = [label.sceneBoundingRect() for label in shown]
    overlaps = [(a, b) for i, a in enumerate(rects) for b in rects[i + 1:] if a.intersects(b)]
    assert not overlaps
    assert panel.scatter.opts["hoverable"] and panel.scatter.opts["tip"](x=0, y=0, data="word59") == "word59"
