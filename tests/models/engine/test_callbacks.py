"""The probe callback: a paused probe runs only at the start and at epoch ends."""
from __future__ import annotations


def test_a_paused_probe_runs_only_at_the_start_and_at_epoch_ends() -> None:
    """The window pauses the probes of a panel nobody can see; its picture is then at most an epoch old."""
    from models.engine.events import ProbeResult, RecordingReporter
    from models.engine.probe import Probe
    from models.engine.session import TrainingSession

    class Counter(Probe):
        interval_s = 0.0  # every batch while not paused

        def __init__(self, name: str, paused: bool) -> None:
            self.name, self.paused = name, paused

        def compute(self, model) -> dict:
            return {}

    from models.spec.presets import get_preset

    exp = get_preset("mlp").make("blobs")
    exp.training.epochs, exp.training.batch_size = 2, 64
    reporter = RecordingReporter()
    session = TrainingSession()
    try:
        result = session.start(exp, reporter, [Counter("seen", False), Counter("hidden", True)]).result(timeout=120)
    finally:
        session.shutdown()
    assert result.status == "finished", result.message
    steps = max(e.step for e in reporter.events if type(e).__name__ == "BatchEnd")
    counts = {name: sum(1 for e in reporter.of(ProbeResult) if e.name == name) for name in ("seen", "hidden")}
    assert counts == {"seen": 1 + steps + 2, "hidden": 1 + 2}
