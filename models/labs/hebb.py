"""Hebb's rule (1949): a connection grows when the cells on both sides of it are active together.

The lab is Pavlov's bell in one linear neuron, y = w_bell * bell + w_food * food. The food input has a fixed,
innate weight of 1 (food makes the dog salivate); the bell starts at 0. On each trial food comes with
probability 1/2; when it does, the bell rings with it with probability `pairing`; otherwise the bell rings
alone with probability `stray`. Only w_bell learns. Three rules for it:

- plain Hebb:       dw = eta * bell * y. Every paired trial makes y larger, which makes the next step larger:
                    the weight grows without limit (exponentially), so plain Hebb cannot be the whole story.
- Hebb with decay:  dw = eta * bell * y - decay * w. Forgetting pulls the weight back; it settles where
                    growth and decay balance (when decay is larger than eta times how often the bell rings).
- Oja's rule:       dw = eta * y * (bell - y * w). The subtracted term normalises: the weight stays bounded
                    without a separate forgetting rate.

After learning, the bell alone gives y = w_bell: the neuron answers the bell once w_bell reaches the
threshold. With pairing 0 (the bell never comes with food) nothing is learned.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

RULES: tuple[str, ...] = ("hebb", "decay", "oja")
# Past this the plain rule's weight is called "unbounded" and stops being simulated (it only grows).
GROWTH_LIMIT = 1e6


class HebbError(ValueError):
    """Settings the simulation cannot use; the message names the setting."""


@dataclass(frozen=True)
class HebbSettings:
    """One experiment: how fast it learns, how often bell and food come together, how fast it forgets."""

    eta: float = 0.05
    pairing: float = 0.8
    stray: float = 0.1
    decay: float = 0.05
    trials: int = 300
    threshold: float = 0.5
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("eta", "pairing", "stray", "decay", "threshold"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise HebbError(f"{name} must be a finite number, got {value!r}")
        if not 0 < self.eta <= 1:
            raise HebbError(f"eta (the learning rate) must be in (0, 1], got {self.eta}")
        for name in ("pairing", "stray"):
            if not 0 <= getattr(self, name) <= 1:
                raise HebbError(f"{name} is a probability: between 0 and 1, got {getattr(self, name)}")
        if not 0 <= self.decay <= 1:
            raise HebbError(f"decay must be in [0, 1], got {self.decay}")
        if isinstance(self.trials, bool) or not isinstance(self.trials, int) or not 1 <= self.trials <= 100_000:
            raise HebbError(f"trials must be a whole number from 1 to 100000, got {self.trials!r}")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or self.seed < 0:
            raise HebbError(f"seed must be a whole number >= 0, got {self.seed!r}")


@dataclass(frozen=True)
class Trials:
    """The inputs of every trial (0/1 arrays), drawn once so that the three rules see the same history."""

    bell: np.ndarray
    food: np.ndarray


def draw_trials(settings: HebbSettings) -> Trials:
    rng = np.random.default_rng(settings.seed)
    food = (rng.random(settings.trials) < 0.5).astype(float)
    with_food = rng.random(settings.trials) < settings.pairing
    alone = rng.random(settings.trials) < settings.stray
    bell = np.where(food > 0, with_food, alone).astype(float)
    return Trials(bell=bell, food=food)


@dataclass(frozen=True)
class Trajectory:
    """w_bell before the first trial and after each one (NaN after the plain rule passed GROWTH_LIMIT)."""

    rule: str
    weights: np.ndarray
    unbounded_at: int | None  # the trial at which the weight passed GROWTH_LIMIT, if it did

    @property
    def final(self) -> float:
        finite = self.weights[np.isfinite(self.weights)]
        return float(finite[-1])

    def answers_bell(self, threshold: float) -> bool:
        """Does the bell alone (y = w_bell) reach the threshold at the end?"""
        return self.unbounded_at is not None or self.final >= threshold


def simulate(settings: HebbSettings, rule: str, trials: Trials | None = None) -> Trajectory:
    if rule not in RULES:
        raise HebbError(f"unknown rule {rule!r}; one of {', '.join(RULES)}")
    t = trials if trials is not None else draw_trials(settings)
    weights = np.full(settings.trials + 1, np.nan)
    w = 0.0
    weights[0] = w
    unbounded_at = None
    for i in range(settings.trials):
        bell, food = t.bell[i], t.food[i]
        y = w * bell + 1.0 * food
        if rule == "hebb":
            w += settings.eta * bell * y
        elif rule == "decay":
            w += settings.eta * bell * y - settings.decay * w
        else:
            w += settings.eta * y * (bell - y * w)
        if abs(w) > GROWTH_LIMIT:
            unbounded_at = i + 1
            break
        weights[i + 1] = w
    return Trajectory(rule=rule, weights=weights, unbounded_at=unbounded_at)


def simulate_all(settings: HebbSettings) -> dict[str, Trajectory]:
    trials = draw_trials(settings)
    return {rule: simulate(settings, rule, trials) for rule in RULES}


def decay_balance(settings: HebbSettings) -> float | None:
    """Where Hebb with decay settles on average, or None when decay cannot hold the growth.

    Per trial the expected change is eta * (p_both * (w + 1) + p_alone * w) - decay * w, with
    p_both = P(bell and food) = pairing / 2 and p_alone = P(bell without food) = stray / 2. It is zero at
    w* = eta * p_both / (decay - eta * (p_both + p_alone)), a resting point only if the denominator is > 0.
    """
    p_both = settings.pairing / 2
    p_alone = settings.stray / 2
    denominator = settings.decay - settings.eta * (p_both + p_alone)
    if denominator <= 0:
        return None
    return settings.eta * p_both / denominator
