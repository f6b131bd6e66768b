"""Checks between the networks of one experiment, called by the editor after it validated each stack.

`check(experiment, reports)` returns a located message ('' when all is well). Families with several networks
add their checker to CHECKS.
"""
from __future__ import annotations

from typing import Any, Callable

from ..specs import Experiment


def _generative(experiment: Experiment, reports: dict[str, Any]) -> str:
    from ..generative import join_error

    error = join_error(experiment, reports)
    return "" if error is None else str(error)


def _vae(experiment: Experiment, reports: dict[str, Any]) -> str:
    from ..vae import join_error

    error = join_error(experiment, reports)
    return "" if error is None else str(error)


CHECKS: dict[str, Callable[[Experiment, dict[str, Any]], str]] = {
    "gan": _generative,
    "wgan": _generative,
    "cgan": _generative,
    "vae": _vae,
}


def check(experiment: Experiment, reports: dict[str, Any]) -> str:
    checker = CHECKS.get(experiment.family)
    return checker(experiment, reports) if checker else ""
