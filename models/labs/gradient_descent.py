"""Plain gradient descent on a two-parameter loss surface: w <- w - step * gradient(w).

Too small a step crawls, a good one reaches the minimum in a few dozen steps, too large a step overshoots
and, past a limit, bounces further out every step (divergence). Divergence is reported with a flag and the
path stops at finite, clipped values; nothing here raises or returns inf/NaN for a bad step size.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

Vec = np.ndarray
BOUND = 1e6  # a parameter beyond this counts as diverged; values are clipped to it
LOSS_CAP = 1e12


@dataclass(frozen=True)
class Surface:
    """A loss over two parameters (a, b), its gradient, where to look and which step sizes to try."""

    name: str
    title: str
    loss: Callable[[Vec, Vec], Vec]
    gradient: Callable[[float, float], tuple[float, float]]
    view: tuple[float, float, float, float]  # a_min, a_max, b_min, b_max
    start: tuple[float, float]
    minimum: tuple[float, float]
    step_sizes: dict[str, float]  # "too small", "good", "too large"
    formula: str
    explanation: str = ""
    critical_step: float | None = None  # steps above this diverge (quadratic surfaces only)


def _bowl_loss(a: Vec, b: Vec) -> Vec:
    return a ** 2 + 5.0 * b ** 2


def _bowl_grad(a: float, b: float) -> tuple[float, float]:
    return 2.0 * a, 10.0 * b


def _rosen_loss(a: Vec, b: Vec) -> Vec:
    return (1.0 - a) ** 2 + 10.0 * (b - a ** 2) ** 2


def _rosen_grad(a: float, b: float) -> tuple[float, float]:
    return -2.0 * (1.0 - a) - 40.0 * a * (b - a ** 2), 20.0 * (b - a ** 2)


def _himmel_loss(a: Vec, b: Vec) -> Vec:
    return (a ** 2 + b - 11.0) ** 2 + (a + b ** 2 - 7.0) ** 2


def _himmel_grad(a: float, b: float) -> tuple[float, float]:
    u = a ** 2 + b - 11.0
    v = a + b ** 2 - 7.0
    return 4.0 * a * u + 2.0 * v, 2.0 * u + 4.0 * b * v


SURFACES: dict[str, Surface] = {
    "bowl": Surface(
        "bowl", "Elongated bowl", _bowl_loss, _bowl_grad, (-4.0, 4.0, -3.0, 3.0), (-3.5, 2.5), (0.0, 0.0),
        {"too small": 0.01, "good": 0.08, "too large": 0.21}, "L(a, b) = a² + 5·b²",
        "A convex bowl, steeper along b than along a. The gradient is (2a, 10b), so one step multiplies b by "
        "(1 − 10·step): any step above 0.2 makes |1 − 10·step| > 1 and b swings further out every time.",
        critical_step=0.2),
    "valley": Surface(
        "valley", "Curved valley (Rosenbrock)", _rosen_loss, _rosen_grad, (-2.0, 2.0, -1.0, 3.0), (-1.5, 2.0),
        (1.0, 1.0), {"too small": 0.001, "good": 0.02, "too large": 0.06}, "L(a, b) = (1 − a)² + 10·(b − a²)²",
        "A narrow curved valley: descent drops into it quickly, then creeps along the floor to the minimum at "
        "(1, 1)."),
    "four_minima": Surface(
        "four_minima", "Four minima (Himmelblau)", _himmel_loss, _himmel_grad, (-5.0, 5.0, -5.0, 5.0), (0.0, 0.0),
        (3.0, 2.0), {"too small": 0.001, "good": 0.01, "too large": 0.05},
        "L(a, b) = (a² + b − 11)² + (a + b² − 7)²",
        "Four valleys of equal depth: which minimum descent reaches depends on where it starts."),
}


def get_surface(name: str) -> Surface:
    try:
        return SURFACES[name]
    except KeyError:
        raise ValueError(f"unknown surface '{name}' (known: {', '.join(SURFACES)})") from None


def surface_grid(name: str, points: int = 101) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(a values, b values, loss[b_index, a_index]) over the surface's view, for contour plots."""
    if not 2 <= points <= 2000:
        raise ValueError("points must be between 2 and 2000")
    s = get_surface(name)
    a = np.linspace(s.view[0], s.view[1], points)
    b = np.linspace(s.view[2], s.view[3], points)
    aa, bb = np.meshgrid(a, b)
    return a, b, s.loss(aa, bb)


@dataclass
class DescentPath:
    """Where each step went. points[k] is the position after k steps (points[0] is the start).

    When `diverged`, the path stops at the step where a value left [-BOUND, BOUND] or became non-finite;
    that last point is clipped to the bound and its loss capped at LOSS_CAP, so every number is finite.
    """

    surface: str
    step_size: float
    points: np.ndarray  # (k + 1, 2)
    losses: np.ndarray  # (k + 1,)
    diverged: bool = False
    diverged_at: int | None = None  # the step number that blew up
    converged: bool = False  # the gradient became tiny
    message: str = ""
    extras: dict[str, float] = field(default_factory=dict)

    @property
    def steps(self) -> int:
        return len(self.points) - 1

    @property
    def final_loss(self) -> float:
        return float(self.losses[-1])


def _finite_loss(surface: Surface, a: float, b: float) -> float:
    with np.errstate(over="ignore", invalid="ignore"):
        value = float(surface.loss(np.float64(a), np.float64(b)))
    return value if math.isfinite(value) and value < LOSS_CAP else LOSS_CAP


def descend(name: str, step_size: float, steps: int = 60, start: tuple[float, float] | None = None,
            tolerance: float = 1e-6) -> DescentPath:
    """Run plain gradient descent; never raises for a large step, reports divergence instead."""
    surface = get_surface(name)
    if isinstance(step_size, bool) or not isinstance(step_size, (int, float)) or not math.isfinite(step_size) \
            or step_size <= 0:
        raise ValueError(f"the step size must be a number greater than 0, got {step_size!r}")
    if not 1 <= steps <= 100_000:
        raise ValueError("steps must be between 1 and 100,000")
    a, b = start if start is not None else surface.start
    if not (math.isfinite(a) and math.isfinite(b)):
        raise ValueError("the start point must be finite")
    points = [(float(a), float(b))]
    losses = [_finite_loss(surface, a, b)]
    path = DescentPath(name, float(step_size), np.zeros((0, 2)), np.zeros(0))
    for k in range(1, steps + 1):
        with np.errstate(over="ignore", invalid="ignore"):
            ga, gb = surface.gradient(a, b)
            na, nb = a - step_size * ga, b - step_size * gb
        if not (math.isfinite(na) and math.isfinite(nb)) or abs(na) > BOUND or abs(nb) > BOUND:
            na = float(np.clip(np.nan_to_num(na, nan=BOUND, posinf=BOUND, neginf=-BOUND), -BOUND, BOUND))
            nb = float(np.clip(np.nan_to_num(nb, nan=BOUND, posinf=BOUND, neginf=-BOUND), -BOUND, BOUND))
            points.append((na, nb))
            losses.append(LOSS_CAP)
            path.diverged, path.diverged_at = True, k
            break
        a, b = float(na), float(nb)
        points.append((a, b))
        losses.append(_finite_loss(surface, a, b))
        if math.hypot(ga, gb) < tolerance:
            path.converged = True
            break
    path.points = np.asarray(points, dtype=float)
    path.losses = np.asarray(losses, dtype=float)
    if not path.diverged and path.losses[-1] > 10 * max(path.losses[0], 1.0) and len(path.losses) > 3 and \
            path.losses[-1] > path.losses[-2] > path.losses[-3]:
        # Still finite, but growing every step: it is on its way out.
        path.diverged = True
        path.diverged_at = None
    path.message = _describe(surface, path)
    return path


def _describe(surface: Surface, path: DescentPath) -> str:
    if path.diverged:
        where = f" at step {path.diverged_at}" if path.diverged_at else ""
        limit = f" (on this bowl any step above {surface.critical_step:g} diverges)" if surface.critical_step else ""
        return (f"Diverged{where}: with step size {path.step_size:g} each update overshoots the minimum by more "
                f"than it corrects, so the loss grows instead of shrinking{limit}. Try a smaller step.")
    if path.converged:
        return f"Converged after {path.steps} steps: the gradient is practically zero (loss {path.final_loss:.4g})."
    drop = path.losses[0] - path.final_loss
    if drop <= 0:
        return f"After {path.steps} steps the loss has not gone down ({path.final_loss:.4g}): the step is too large."
    return (f"After {path.steps} steps the loss fell from {path.losses[0]:.4g} to {path.final_loss:.4g}. A larger "
            "step would get there sooner, until it becomes too large and overshoots.")
