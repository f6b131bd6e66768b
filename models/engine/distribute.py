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

import os
from typing import Any

STRATEGIES = ("auto", "default", "mirrored", "multi-worker")
# every family; a new one whose step assigns to variables itself (mirrored ones refuse that in a replica) stays out
DISTRIBUTABLE = frozenset({"supervised", "localize", "recurrent", "gan", "wgan", "cgan", "vae", "word2vec"})

_configured = False
_requested_devices = 0  # the window's --devices, taken by the worker's first configure()
_cluster: dict[str, Any] = {}  # multi-worker: {"strategy": ..., "config": TF_CONFIG}, set by configure


class StrategyError(ValueError):
    """A strategy that cannot run here, with what to do instead."""


def request_devices(devices: int) -> None:
    """For the window (`main.py --devices N`): split the CPU into N logical devices when the worker configures
    TensorFlow, so a run shows two replicas each taking half of the batch."""
    global _requested_devices
    _requested_devices = devices


PRECISIONS = ("float32", "mixed")
# Keras' own train step scales the loss for float16 (compile wraps the optimizer in a LossScaleOptimizer); the
# GAN, VAE and word2vec steps apply their gradients themselves and would underflow without it
MIXED_PRECISION = frozenset({"supervised", "localize", "recurrent"})


def check_precision(precision: str, family: str) -> None:
    """Refuse what cannot run before anything loads: StrategyError with the reason."""
    if precision not in PRECISIONS:
        raise StrategyError(f"--precision must be one of {', '.join(PRECISIONS)}, got {precision!r}")
    if precision == "mixed" and family not in MIXED_PRECISION:
        raise StrategyError(f"--precision mixed: the {family} family's training step applies its gradients "
                            "itself, without the loss scaling float16 needs; use float32")


def set_precision(precision: str) -> None:
    """The global Keras dtype policy for the runs that follow: "mixed" computes in float16 and keeps the weights
    in float32 (mixed_float16), on GPUs only; "float32" everywhere else. Call on the worker thread."""
    import keras
    import tensorflow as tf

    if precision == "mixed":
        if not tf.config.list_physical_devices("GPU"):
            problem = gpu_problem()
            raise StrategyError("--precision mixed needs a GPU: on a CPU float16 is slower than float32, not "
                                "faster, and this machine trains on the CPU" + (f" ({problem})" if problem else ""))
        keras.mixed_precision.set_global_policy("mixed_float16")
    else:
        keras.mixed_precision.set_global_policy("float32")


def configure(devices: int = 0, cluster: dict[str, Any] | None = None, join_timeout: float = 60.0) -> None:
    """Before TensorFlow makes its devices (the worker's first job): memory growth on every GPU, so a run does not
    take the whole card at start; `devices` > 1 splits the CPU into that many logical devices, to run and teach
    MirroredStrategy on a laptop; `cluster` (a TF_CONFIG) joins this process to a multi-worker cluster
    (multi_worker.start). Later calls change nothing (TensorFlow fixes devices once)."""
    global _configured
    if _configured:
        if cluster is not None and not _cluster:
            raise StrategyError("TensorFlow is already running in this process, and a cluster can only be joined "
                                "before it starts: run the worker as its own `main.py train` process")
        return
    devices = devices or _requested_devices
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
        from .multi_worker import ClusterError, start

        try:
            _cluster.update(strategy=start(cluster, join_timeout), config=cluster)
        except ClusterError as exc:
            raise StrategyError(str(exc)) from None
    _configured = True


def cluster_workers() -> int:
    """How many workers train together (1 without a cluster)."""
    from .multi_worker import addresses

    return len(addresses(_cluster["config"])) if _cluster else 1


def gpu_problem() -> str:
    """Why training runs on the CPU although this machine has an NVIDIA GPU, with the fix; "" when TensorFlow
    uses the GPU or there is none."""
    import importlib.util
    import shutil

    import tensorflow as tf

    if tf.config.list_physical_devices("GPU"):
        return ""
    if not (os.path.exists("/proc/driver/nvidia/version") or shutil.which("nvidia-smi")):
        return ""
    if not tf.test.is_built_with_cuda():
        return "this TensorFlow has no CUDA support; reinstall with `make venv` (it installs the gpu extra)"
    if importlib.util.find_spec("nvidia") is None or importlib.util.find_spec("nvidia.cudnn") is None:
        return ("the CUDA libraries are missing; `make venv` installs them (the gpu extra) when nvidia-smi is "
                "found, or run .venv/bin/pip install -e '.[gpu]'")
    return ("TensorFlow found the NVIDIA driver but could not use the GPU, most often because the driver is older "
            "than its CUDA 12 libraries need: update the NVIDIA driver (nvidia-smi shows its version)")


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
        # several GPUs, or the CPU split with --devices: one replica on each
        several = len(gpus) > 1 or (not gpus and len(cpus) > 1)
        name = ("multi-worker" if _cluster else
                "mirrored" if several and family in DISTRIBUTABLE else "default")
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
        from .multi_worker import addresses

        return _cluster["strategy"], addresses(_cluster["config"])
    if _cluster:
        raise StrategyError("this process joined a cluster (--cluster or TF_CONFIG); its runs use "
                            "--strategy multi-worker")
    devices = gpus or cpus
    if len(devices) < 2:
        raise StrategyError("MirroredStrategy needs at least two devices and this machine has one"
                            + ("" if gpus else " CPU; --devices 2 splits it into two logical devices"))
    return tf.distribute.MirroredStrategy(devices), devices
