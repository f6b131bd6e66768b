"""Property-based fuzzing of project files: whatever a file holds, reading and checking it never raises anything
but a SpecError that names a field of the file, and what `validate` accepts `train` does not refuse as bad input.

Short by default (a few seconds in `make test`); a longer run: LAYERWISE_FUZZ=20 (20 times the examples), e.g.
`LAYERWISE_FUZZ=20 python -m pytest -q tests/models/spec/test_fuzz_projects.py`.
"""
from __future__ import annotations

import contextlib
import io
import json
import math
import os
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
from models.engine.checks import check_experiment
from models.spec.build import validate_network
from models.spec.experiment import LOSSES, OPTIMIZERS, Experiment, SpecError
from models.spec.joins import join_error
from models.spec.presets import all_presets

SCALE = max(1, int(os.environ.get("LAYERWISE_FUZZ", "1") or 1))


def _settings(examples: int) -> settings:
    return settings(max_examples=examples * SCALE, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70),
                         st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12))
json_values = st.recursive(json_scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=20)

_TOKEN = re.compile(r'\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.\[]+)')


def _resolves(data: Any, field: str) -> bool:
    """The field path names a place in the file: every step but the last exists (the last may be missing)."""
    steps = [int(i) if i else json.loads(quoted) if quoted else name for i, quoted, name in _TOKEN.findall(field)]
    assert "".join(m.group(0) for m in _TOKEN.finditer(field)) == field, field
    node = data
    for n, step in enumerate(steps):
        last = n == len(steps) - 1
        if isinstance(node, dict) and str(step) in {str(k) for k in node}:
            node = next(v for k, v in node.items() if str(k) == str(step))
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            node = node[step]
        elif not last:
            return False
    return True


def _read_and_check(data: Any) -> Experiment | None:
    """What `validate` does with a file's contents; None when it refuses (having checked how it refused)."""
    text = json.dumps(data)
    try:
        exp = Experiment.from_json(text)
        check_experiment(exp)
    except SpecError as exc:
        assert isinstance(data, dict) or exc.field == "", exc
        if isinstance(data, dict):
            assert exc.field, f"a refusal without a field: {exc}"
            assert _resolves(data, exc.field), (exc.field, str(exc))
        return None
    for role, net in exp.networks.items():
        report = validate_network(net, role)  # never raises: a bad stack is a located error
        assert report.ok or report.error is not None
    return exp


@_settings(150)
@given(json_values)
def test_any_json_is_read_or_refused_with_a_spec_error(data):
    _read_and_check(data)


_PRESETS = {p.name: p.make().to_dict() for p in all_presets()}


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, prefix + (i,))
    return out


@st.composite
def mutated_projects(draw: Any) -> Any:
    """A real preset's file with a few places replaced by random JSON, deleted or given an extra key."""
    data = json.loads(json.dumps(_PRESETS[draw(st.sampled_from(sorted(_PRESETS)))]))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        action = draw(st.sampled_from(["replace", "replace", "delete", "extra"]))
        if action == "replace":
            parent[path[-1]] = draw(json_values)
        elif action == "delete":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=6))] = draw(json_values)
    return data


@_settings(150)
@given(mutated_projects())
def test_mutated_presets_are_read_or_refused_naming_the_field(data):
    _read_and_check(data)


# --- validate and train agree -------------------------------------------------------------------------------
_XOR = next(p for p in all_presets() if p.name == "mlp").make("gates-xor").to_dict()

maybe_bad_numbers = st.one_of(st.integers(-3, 3), st.floats(allow_nan=True, allow_infinity=True, width=32),
                              st.text(max_size=3), st.none(), st.booleans())


@st.composite
def xor_projects(draw: Any) -> dict:
    """The mlp on XOR with each setting drawn from good and bad values (kept small so a train takes a second)."""
    data = json.loads(json.dumps(_XOR))
    training = data["training"]
    if draw(st.booleans()):
        training["optimizer"] = draw(st.sampled_from([*OPTIMIZERS, "ADAM", "bogus"]))
    if draw(st.booleans()):
        training["learning_rate"] = draw(st.one_of(st.floats(-1, 1),
                                                   st.sampled_from([0.0, float("inf"), float("nan"), 1e300])))
    if draw(st.booleans()):
        training["batch_size"] = draw(st.integers(-1, 16))
    training["epochs"] = draw(st.integers(-1, 2))
    if draw(st.booleans()):
        training["seed"] = draw(st.one_of(st.integers(-5, 5), st.sampled_from([2**32 - 1, 2**32, 2**70])))
    if draw(st.booleans()):
        training["loss"] = draw(st.sampled_from([*LOSSES, "bogus"]))
    if draw(st.booleans()):
        training["metrics"] = draw(st.lists(st.sampled_from(["accuracy", "mse", "bogus"]), max_size=2))
    if draw(st.booleans()):
        data["dataset"] = draw(st.sampled_from(["gates-and", "moons", "bogus", "memory-x"]))
    if draw(st.booleans()):
        data["dataset_options"] = draw(st.dictionaries(st.sampled_from(["repeat", "size", "noise", "colour", "seed"]),
                                                       maybe_bad_numbers, max_size=2))
    if draw(st.booleans()):
        data["family"] = draw(st.sampled_from(["supervised", "gan", "bogus"]))
    if draw(st.booleans()):
        data["options"] = draw(st.sampled_from([{}, {"latent_dim": 3}, {"bogus": 1}]))
    return data


def _cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main.main(list(args))
    return code, out.getvalue(), err.getvalue()


@_settings(12)
@given(xor_projects())
def test_validate_and_train_agree(tmp_path_factory, data):
    if "moons" == data.get("dataset") and isinstance(data.get("dataset_options", {}).get("size"), int):
        data["dataset_options"]["size"] = min(data["dataset_options"]["size"], 200)  # keep a train short
    path = tmp_path_factory.mktemp("fuzz") / "p.json"
    path.write_text(json.dumps(data))
    code, _, err = _cli("validate", str(path))
    assert code in (0, 2), err
    field = err.split(":", 2)[1].strip() if code == 2 and err.count(":") >= 2 else ""
    tcode, out, terr = _cli("train", str(path), "--json")
    events = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    failed = [e for e in events if e["event"] == "failed"]
    if code == 2:
        assert tcode == 2, (err, terr)  # train refuses what validate refused ...
        if field and not terr.startswith(f"layerwise: {field}"):
            assert "layer" in terr or "input" in terr, (err, terr)  # ... the same field, or the same network error
        return
    # validate accepted: train may fail only for a reason that is not bad input (a NaN loss from a huge step)
    assert tcode in (0, 1), terr
    if tcode == 1:
        assert failed and failed[-1]["kind"] == "nan", terr
    else:
        assert events[-1]["event"] == "finished"
        assert all(v is None or math.isfinite(v) for e in events for v in e.values() if isinstance(v, float))
