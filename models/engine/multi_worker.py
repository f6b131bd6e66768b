"""Training on several machines: MultiWorkerMirroredStrategy, configured as TensorFlow documents it (TF_CONFIG).

Every worker runs the same `main.py train` command; the cluster is the list of HOST:PORT of all of them and each
worker knows its index in it. Worker 0 is the chief: it alone writes the run folder and the exports, as Keras'
multi-worker guide prescribes; the others write their exports to a temporary folder and delete it.

A worker that is not there would make TensorFlow wait at its first barrier for an hour, deaf to signals; the
workers first meet on their own ports (`rendezvous`), and a run stops after `join_timeout` seconds naming the
workers that did not answer.

Keras 3 (3.15) does not yet train under this strategy by itself (keras-team/keras#20585, tensorflow#72388): its
`fit` reduces the first batch and the scalar metrics over an axis that a collective reduce does not have.
`keras_support` mends those two functions while a multi-worker run is set up; the two-process test fails without
it.
"""
from __future__ import annotations

import json
import os
import socket
import threading
import time
from typing import Any


class ClusterError(ValueError):
    """A cluster that cannot train: a bad TF_CONFIG or --cluster, or a worker that did not join."""


DEFAULT_JOIN_TIMEOUT = 60.0


def cluster_config(cluster: str, task_index: int) -> dict[str, Any]:
    """TF_CONFIG from --cluster HOST:PORT,HOST:PORT and --task-index I."""
    workers = [w.strip() for w in cluster.split(",") if w.strip()]
    if len(workers) < 2:
        raise ClusterError(f"--cluster: list at least two workers as HOST:PORT,HOST:PORT, got {cluster!r}")
    for w in workers:
        host, _, port = w.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ClusterError(f"--cluster: {w!r} is not HOST:PORT (a port from 1 to 65535)")
    if len(set(workers)) != len(workers):
        raise ClusterError("--cluster: a worker is listed twice")
    if not 0 <= task_index < len(workers):
        raise ClusterError(f"--task-index: must be 0 to {len(workers) - 1} (one per worker in --cluster), "
                            f"got {task_index}")
    return {"cluster": {"worker": workers}, "task": {"type": "worker", "index": task_index}}


def config_from_environment(text: str) -> dict[str, Any]:
    """TF_CONFIG as TensorFlow reads it, checked so that a mistake is a message naming the field, not a hang."""
    try:
        config = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ClusterError(f"TF_CONFIG is not JSON: {exc}") from None
    if not isinstance(config, dict) or not isinstance(config.get("cluster"), dict):
        raise ClusterError('TF_CONFIG: needs "cluster": {"worker": ["HOST:PORT", ...]}')
    cluster, task = config["cluster"], config.get("task")
    if not isinstance(task, dict) or not isinstance(task.get("type"), str) or not isinstance(task.get("index"), int):
        raise ClusterError('TF_CONFIG: needs "task": {"type": "worker", "index": I}')
    jobs = cluster.get(task["type"])
    if not isinstance(jobs, list) or not all(isinstance(a, str) for a in jobs):
        raise ClusterError(f"TF_CONFIG: cluster.{task['type']} must be a list of \"HOST:PORT\"")
    if not 0 <= task["index"] < len(jobs):
        raise ClusterError(f"TF_CONFIG: task.index {task['index']} is not in cluster.{task['type']} "
                            f"({len(jobs)} entries)")
    if set(cluster) - {"worker", "chief"}:
        raise ClusterError(f"TF_CONFIG: MultiWorkerMirroredStrategy has workers and a chief only, not "
                            f"{', '.join(sorted(set(cluster) - {'worker', 'chief'}))}")
    return config


def addresses(config: dict[str, Any]) -> list[str]:
    cluster = config["cluster"]
    return [*cluster.get("chief", []), *cluster.get("worker", [])]


def is_chief(config: dict[str, Any]) -> bool:
    """The chief is the "chief" task, else worker 0 (Keras' rule)."""
    task = config["task"]
    if "chief" in config["cluster"]:
        return task["type"] == "chief"
    return task["type"] == "worker" and task["index"] == 0


def own_address(config: dict[str, Any]) -> str:
    task = config["task"]
    return config["cluster"][task["type"]][task["index"]]


def rendezvous(config: dict[str, Any], join_timeout: float) -> None:
    """Wait until every other worker's port answers, listening on our own meanwhile so that they see us.

    TensorFlow's own wait for the workers holds the interpreter (no thread, timer or signal handler of ours runs
    while it waits) and gives up only after an hour; this wait happens before it, and raises ClusterError naming
    the workers that did not answer within `join_timeout` seconds. Our listener closes as soon as all answered;
    TensorFlow's server then takes the port, and a worker still waiting keeps retrying until it does."""
    host, _, port = own_address(config).rpartition(":")
    listener = socket.socket(socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(("", int(port)))
        listener.listen(16)
    except OSError as exc:
        listener.close()
        raise ClusterError(f"this worker cannot listen on port {port} ({own_address(config)}): {exc.strerror}"
                            ) from None
    stop = threading.Event()

    def answer() -> None:  # accept and close: a connection is all another worker needs to see us
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
                conn.close()
            except OSError:
                continue

    thread = threading.Thread(target=answer, name="layerwise-rendezvous", daemon=True)
    thread.start()
    deadline = time.monotonic() + join_timeout
    waiting = [a for a in addresses(config) if a != own_address(config)]
    try:
        while waiting and time.monotonic() < deadline:
            waiting = [a for a in waiting if not _answers(a)]
            if waiting:
                time.sleep(0.2)
    finally:
        stop.set()
        thread.join(1.0)
        listener.close()
    if waiting:
        raise ClusterError(f"the cluster did not assemble within {join_timeout:g} s: no answer from "
                            f"{', '.join(waiting)}. Start `main.py train` with the same --cluster on every worker "
                            "(each with its own --task-index), or raise --join-timeout")


def _answers(address: str) -> bool:
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=0.5):
            return True
    except OSError:
        return False


def start(config: dict[str, Any], join_timeout: float = DEFAULT_JOIN_TIMEOUT) -> Any:
    """The MultiWorkerMirroredStrategy of this cluster, once every worker has answered (`rendezvous`); call
    before TensorFlow makes its devices."""
    rendezvous(config, join_timeout)
    os.environ["TF_CONFIG"] = json.dumps(config)
    import tensorflow as tf

    try:
        strategy = tf.distribute.MultiWorkerMirroredStrategy()
    except Exception as exc:  # noqa: BLE001 - TensorFlow's errors here are many kinds; the message is what matters
        raise ClusterError(f"MultiWorkerMirroredStrategy could not start: {exc}") from None
    keras_support()
    return strategy


def weights_digest(model: Any) -> str:
    """SHA-256 of every weight in order: after synchronous steps it is the same on every worker, so the workers
    (and a test) can check that they trained one model."""
    import hashlib

    import numpy as np

    digest = hashlib.sha256()
    for w in model.weights:
        digest.update(np.ascontiguousarray(np.asarray(w.numpy() if hasattr(w, "numpy") else w)).tobytes())
    return digest.hexdigest()


def keras_support() -> None:
    """Let Keras 3's `fit` run under MultiWorkerMirroredStrategy (see the module's docstring): the first batch
    that builds the metrics is taken from this worker's replica instead of being reduced across workers, and
    scalar metrics are averaged over the workers without an axis. Idempotent; other strategies are untouched."""
    import tensorflow as tf
    from keras.src import tree
    from keras.src.backend.tensorflow import trainer

    if getattr(trainer, "layerwise_multi_worker", False):
        return
    original_reduce = trainer.reduce_per_replica

    def multi_worker(strategy: Any) -> bool:
        return isinstance(strategy, tf.distribute.MultiWorkerMirroredStrategy)

    def reduce_per_replica(values: Any, strategy: Any, reduction: str) -> Any:
        if reduction in ("auto", "mean") and multi_worker(strategy):
            return tree.map_structure(
                lambda v: strategy.reduce("MEAN", v, axis=None) if isinstance(v, tf.distribute.DistributedValues)
                else v, values)
        return original_reduce(values, strategy, reduction)

    original_build = trainer.TensorFlowTrainer._maybe_symbolic_build

    def maybe_symbolic_build(self: Any, iterator: Any = None, data_batch: Any = None) -> None:
        if iterator is None or not multi_worker(self.distribute_strategy):
            return original_build(self, iterator=iterator, data_batch=data_batch)
        for _, _, it in iterator:
            batch = next(it)
            data_batch = tree.map_structure(
                lambda v: self.distribute_strategy.experimental_local_results(v)[0]
                if isinstance(v, tf.distribute.DistributedValues) else v, batch)
            break
        with self.distribute_strategy.scope():
            self._symbolic_build(data_batch=data_batch)

    trainer.reduce_per_replica = reduce_per_replica
    trainer.TensorFlowTrainer._maybe_symbolic_build = maybe_symbolic_build
    trainer.layerwise_multi_worker = True
