"""Checks between the networks of one experiment (a generator's output must fit its discriminator's input).

Families with several networks register a check when they are imported; the editor calls `join_error` after
it validated each stack, and the recipes call it before they build.
"""
from __future__ import annotations

from typing import Callable

from .build import BuildError, ShapeReport
from .experiment import Experiment

JoinCheck = Callable[[Experiment, "dict[str, ShapeReport] | None"], "BuildError | None"]

_CHECKS: dict[str, JoinCheck] = {}


def register_join_check(family: str, check: JoinCheck) -> None:
    _CHECKS[family] = check


def join_error(experiment: Experiment, reports: dict[str, ShapeReport] | None = None) -> BuildError | None:
    """The first problem between the experiment's networks, pinned to a role and layer; None when they fit.

    `reports` are the shape reports per role (from `validate_network`); without them the family's check
    validates the stacks itself (which imports keras).
    """
    check = _CHECKS.get(experiment.family)
    return check(experiment, reports) if check else None
