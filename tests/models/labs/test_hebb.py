"""Hebb's rule: co-activation grows the bell's weight; plain growth is unbounded, decay and Oja's rule bound it."""
import numpy as np
import pytest

from models.labs import hebb


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_on_the_defaults_plain_hebb_runs_away_while_decay_and_oja_settle_above_the_threshold(seed):
    s = hebb.HebbSettings(seed=seed)
    runs = hebb.simulate_all(s)
    plain = runs["hebb"].weights
    assert np.all(np.diff(plain[np.isfinite(plain)]) >= 0)  # it never shrinks: nothing pulls it back
    assert runs["hebb"].final > 100
    for rule in ("decay", "oja"):
        w = runs[rule].weights
        assert np.all(np.isfinite(w)) and np.max(np.abs(w)) < 2.0
        assert runs[rule].answers_bell(s.threshold)
        tail = w[-100:]
        assert tail.std() < 0.2  # settled: it wanders around a resting point, it does not keep growing


def test_the_decay_rule_rests_near_its_balance_point():
    s = hebb.HebbSettings(trials=4000, seed=3)
    w = hebb.simulate(s, "decay").weights
    assert abs(w[1000:].mean() - hebb.decay_balance(s)) < 0.1


def test_without_co_activation_nothing_is_learned():
    s = hebb.HebbSettings(pairing=0.0, stray=0.5)
    for traj in hebb.simulate_all(s).values():
        assert traj.final == 0.0 and not traj.answers_bell(s.threshold)


def test_plain_growth_is_stopped_at_the_limit_and_reported():
    s = hebb.HebbSettings(eta=0.5, pairing=1.0, trials=2000)
    traj = hebb.simulate(s, "hebb")
    assert traj.unbounded_at is not None and traj.unbounded_at < 200
    assert np.isnan(traj.weights[-1]) and traj.final <= hebb.GROWTH_LIMIT
    assert hebb.decay_balance(hebb.HebbSettings(decay=0.001)) is None  # too little forgetting to hold it


@pytest.mark.parametrize("kwargs, word", [({"eta": 0}, "eta"), ({"pairing": 1.5}, "pairing"),
                                          ({"trials": 0}, "trials"), ({"decay": float("nan")}, "decay"),
                                          ({"seed": -1}, "seed")])
def test_bad_settings_name_the_setting(kwargs, word):
    with pytest.raises(hebb.HebbError, match=word):
        hebb.HebbSettings(**kwargs)
    with pytest.raises(hebb.HebbError, match="rule"):
        hebb.simulate(hebb.HebbSettings(), "anti-hebb")
