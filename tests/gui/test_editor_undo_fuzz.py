"""A stateful hypothesis test of the editor's document: random sequences of add, delete, move, duplicate,
parameter edits and preset loads, interleaved with undo and redo; then undo everything: the project is
byte-identical to the start; redo everything: byte-identical to the end. LAYERWISE_FUZZ=N for a longer run."""
from __future__ import annotations

import os

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from models.spec.experiment import LayerSpec
from models.spec.presets import get_preset

SCALE = max(1, int(os.environ.get("LAYERWISE_FUZZ", "1") or 1))
LAYERS = [LayerSpec("Dense", {"units": 4}), LayerSpec("Dropout", {"rate": 0.2}), LayerSpec("Flatten"),
          LayerSpec("Conv2D", {"filters": 2}), LayerSpec("LSTM", {"units": 3})]
PARAMS = [("units", st.integers(1, 64)), ("activation", st.sampled_from(["relu", "tanh", "linear"])),
          ("rate", st.floats(0, 0.9)), ("l2", st.sampled_from([0.0, 1e-4, 1e-3]))]


class EditorMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        from gui.document import ProjectDocument

        self.doc = ProjectDocument(get_preset("mlp").make("gates-xor"))
        self.start = self.doc.experiment.to_json()
        self.role = "main"

    def _layers(self) -> list[LayerSpec]:
        return self.doc.experiment.networks[self.role].layers

    @rule(kind=st.sampled_from(LAYERS), where=st.integers(0, 10))
    def add(self, kind: LayerSpec, where: int) -> None:
        self.doc.insert_layer(self.role, where, kind)

    @precondition(lambda self: self._layers())
    @rule(where=st.integers(0, 10))
    def delete(self, where: int) -> None:
        self.doc.remove_layer(self.role, where % len(self._layers()))

    @precondition(lambda self: len(self._layers()) > 1)
    @rule(a=st.integers(0, 10), b=st.integers(0, 10))
    def move(self, a: int, b: int) -> None:
        n = len(self._layers())
        self.doc.move_layer(self.role, a % n, b % n)

    @precondition(lambda self: self._layers())
    @rule(where=st.integers(0, 10))
    def duplicate(self, where: int) -> None:
        self.doc.duplicate_layer(self.role, where % len(self._layers()))

    @precondition(lambda self: self._layers())
    @rule(where=st.integers(0, 10), data=st.data())
    def edit(self, where: int, data: st.DataObject) -> None:
        name, values = data.draw(st.sampled_from(PARAMS))
        self.doc.set_param(self.role, where % len(self._layers()), name, data.draw(values))

    @rule(name=st.sampled_from(["perceptron", "mlp", "cnn"]))
    def preset(self, name: str) -> None:
        exp = get_preset(name).make("gates-xor" if name != "cnn" else "mnist")
        self.doc.replace(exp, f"Load preset {name}")
        self.role = next(iter(self.doc.experiment.networks))

    @rule()
    def undo(self) -> None:
        self.doc.undo_stack.undo()
        self.role = next(iter(self.doc.experiment.networks))

    @rule()
    def redo(self) -> None:
        self.doc.undo_stack.redo()
        self.role = next(iter(self.doc.experiment.networks))

    @invariant()
    def selection_points_at_a_layer(self) -> None:
        sel = self.doc.selection
        assert sel is None or (sel[0] in self.doc.experiment.networks
                               and -1 <= sel[1] < len(self.doc.experiment.networks[sel[0]].layers))

    def teardown(self) -> None:
        stack = self.doc.undo_stack
        while stack.canRedo():  # the end state is the newest one on the stack
            stack.redo()
        end = self.doc.experiment.to_json()
        while stack.canUndo():
            stack.undo()
        assert self.doc.experiment.to_json() == self.start
        while stack.canRedo():
            stack.redo()
        assert self.doc.experiment.to_json() == end
        self.doc.deleteLater()


def test_undo_all_gives_the_start_and_redo_all_the_end(qapp):
    run_state_machine_as_test(EditorMachine, settings=settings(max_examples=40 * SCALE, stateful_step_count=25,
                                                               deadline=None, database=None))
