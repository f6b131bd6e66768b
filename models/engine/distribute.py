"""Training on several devices with tf.distribute: which strategy a run uses, and which devices exist.

TensorFlow has the engine (MirroredStrategy keeps one copy of the model per device, splits each global batch
among them and sums the gradients); this module only chooses it. A run's batch size is the global batch: with
two replicas each sees half of it, and the learning rate is not rescaled.

Families whose training is Keras' own `fit` step with compiled losses (supervised, localisation, recurrent)
are distributed as they are: Keras scales each replica's loss by 1 / replicas, and the replicas' gradients are
summed. The GAN, cGAN, VAE and word2vec steps compute their own losses, a mean over the replica's share of the
batch, and take their gradients through `replica_share` to do the same.
"""
from __future__ import annotations

from typing import Any

STRATEGIES = ("auto", "default", "mirrored", "multi-worker")
# wgan is not: its weight clipping assigns to the critic's variables inside the step, which mirrored variables
# refuse in a replica's context
DISTRIBUTABLE = frozenset({"supervised", "localize", "recurrent", "gan", "cgan", "vae", "word2vec"})

_configured = False
_cluster: dict[str, Any] = {}  # multi-worker: {"strategy": ..., "config": TF_CONFIG}, set by configure


class StrategyError(ValueError):
    """A strategy that cannot run here, with what to do instead."""


def configure(devices: int = 0, cluster: dict[str, Any] | None = None, join_timeout: float = 60.0) -> None:
    """Before TensorFlow makes its devices (the worker's first job): memory growth on every GPU, so a run does not
    take the whole card at start; `devices` > 1 splits the CPU into that many logical devices, to run and teach
    MirroredStrategy on a laptop; `cluster` (a TF_CONFIG) joins this process to a multi-worker cluster
    (multi_worker.start). Later calls change nothing (TensorFlow fixes devices once)."""
    global _configured
    if _configured:
        return
    import tensorflow as tf

    for gpu in tf.config.list_physical_devices("GPU"):
        try:
            tf.config.experimental.set_memory_growth(gpu, True)
        except (RuntimeError, ValueError):  # already initialised: nothing to change any more
            pass
    if devices > 1:
        cpu = tf.config.list_physical_devices("CPU")[0]
        try:
            tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * devices)
        except RuntimeError as exc:
            raise StrategyError(f"--devices {devices}: TensorFlow has already made its devices ({exc})") from None
    if cluster is not None:
        from .multi_worker import start

        _cluster.update(strategy=start(cluster, join_timeout), config=cluster)
    _configured = True


def cluster_workers() -> int:
    """How many workers train together (1 without a cluster)."""
    return len(_cluster["config"]["cluster"].get("worker", [])) + len(_cluster["config"]["cluster"].get(
        "chief", [])) if _cluster else 1


def replica_share(loss: Any) -> Any:
    """The loss a replica takes its gradient of: its mean over its share of the batch, over the number of
    replicas. The optimizer sums the replicas' gradients, so the sum is the gradient of the global batch's mean
    (as Keras' own losses do, keras.losses.loss.scale_loss_for_distribution). Unchanged with one replica."""
    import tensorflow as tf

    replicas = tf.distribute.get_strategy().num_replicas_in_sync
    return loss if replicas == 1 else loss / tf.cast(replicas, loss.dtype)


def strategy_for(name: str, family: str) -> tuple[Any, list[str]]:
    """(the tf.distribute strategy, the devices it trains on) for `name` ("auto": mirrored over several GPUs
    when the family can be distributed, else the default). Raises StrategyError."""
    import tensorflow as tf

    if name not in STRATEGIES:
        raise StrategyError(f"strategy must be one of {', '.join(STRATEGIES)}, got {name!r}")
    gpus = [d.name for d in tf.config.list_logical_devices("GPU")]
    cpus = [d.name for d in tf.config.list_logical_devices("CPU")]
    if name == "auto":
        name = ("multi-worker" if _cluster else
                "mirrored" if len(gpus) > 1 and family in DISTRIBUTABLE else "default")
    if name == "default":
        if _cluster:
            raise StrategyError("this process joined a cluster (--cluster or TF_CONFIG); its runs use "
                                "--strategy multi-worker")
        return tf.distribute.get_strategy(), (gpus[:1] or cpus[:1])
    if family not in DISTRIBUTABLE:
        raise StrategyError(f"the {family} family cannot be trained by {'MultiWorker' if _cluster else ''}"
                            "MirroredStrategy: its training step clips the critic's weights in place, which "
                            "mirrored variables do not allow inside a replica's step. Use --strategy default"
                            + (" on one machine" if _cluster else ""))
    if name == "multi-worker":
        if not _cluster:
            raise StrategyError("--strategy multi-worker needs the cluster: --cluster HOST:PORT,HOST:PORT "
                                "--task-index I, or the TF_CONFIG environment variable")
        return _cluster["strategy"], list(_cluster["config"]["cluster"].get("chief", [])) + list(
            _cluster["config"]["cluster"].get("worker", []))
    if _cluster:
        raise StrategyError("this process joined a cluster (--cluster or TF_CONFIG); its runs use "
                            "--strategy multi-worker")
    devices = gpus or cpus
    if len(devices) < 2:
        raise StrategyError("MirroredStrategy needs at least two devices and this machine has one"
                            + ("" if gpus else " CPU; --devices 2 splits it into two logical devices"))
    return tf.distribute.MirroredStrategy(devices), devices
