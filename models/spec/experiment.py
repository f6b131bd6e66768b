"""Networks and experiments as plain data.

The spec is the single source of truth: the editor, undo/redo, project files, the CLI, code export and
validation all work on these dataclasses, and a Keras model is always rebuilt from them.
"""
from __future__ import annotations

import copy
import json
import math
import re
from dataclasses import dataclass, field, fields
from typing import Any

SCHEMA_VERSION = 1

# What training accepts, named here so that a project file is checked where it is read (and `validate` and
# `train` agree): the engine builds optimizers from OPTIMIZERS, the supervised recipe resolves LOSSES.
OPTIMIZERS: tuple[str, ...] = ("adam", "sgd", "momentum", "rmsprop", "adamw", "adagrad", "nadam")
LOSSES: tuple[str, ...] = ("auto", "sparse_categorical_crossentropy", "categorical_crossentropy",
                           "binary_crossentropy", "mse", "mae", "hinge")
METRICS: tuple[str, ...] = ("accuracy",)  # the one metric every task and head reports correctly
SEED_MAX = 2**32 - 1  # numpy and TensorFlow seeds are unsigned 32-bit
MAX_DEPTH = 32  # nesting of values in params/options; deeper is no setting anyone meant (and deep copies recurse)


class SpecError(ValueError):
    """A malformed spec or project file; `field` names where (e.g. ``networks.main.layers[2].type``)."""

    def __init__(self, field_path: str, message: str) -> None:
        super().__init__(f"{field_path}: {message}" if field_path else message)
        self.field = field_path
        self.message = message


def _plain_copy(value: Any) -> Any:
    """Deep copy of JSON-like data (dicts, lists, tuples, scalars); anything else goes through deepcopy."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if type(value) is dict:
        return {k: _plain_copy(v) for k, v in value.items()}
    if type(value) is list:
        return [_plain_copy(v) for v in value]
    if type(value) is tuple:
        return tuple(_plain_copy(v) for v in value)
    return copy.deepcopy(value)


@dataclass
class LayerSpec:
    """One layer: a catalog type name and its parameter values (missing ones take catalog defaults)."""

    type: str
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "params": copy.deepcopy(self.params)}


@dataclass
class NetworkSpec:
    """An input shape (without the batch axis) and an ordered stack of layers."""

    input_shape: tuple[int, ...]
    layers: list[LayerSpec] = field(default_factory=list)
    input_dtype: str = "float32"

    def to_dict(self) -> dict[str, Any]:
        return {
            "input_shape": list(self.input_shape),
            "input_dtype": self.input_dtype,
            "layers": [layer.to_dict() for layer in self.layers],
        }


@dataclass
class TrainingConfig:
    optimizer: str = "adam"
    learning_rate: float = 1e-3
    batch_size: int = 32
    epochs: int = 5
    loss: str = "auto"
    metrics: list[str] = field(default_factory=lambda: ["accuracy"])
    seed: int = 0
    # Callbacks a Keras user expects (issue 17). early_stopping: patience in epochs, 0 = off.
    early_stopping: int = 0
    early_stopping_monitor: str = "val_loss"
    restore_best_weights: bool = True
    # reduce-LR-on-plateau: patience in epochs (0 = off); the rate is multiplied by reduce_lr_factor.
    reduce_lr_patience: int = 0
    reduce_lr_factor: float = 0.5
    # constant, step (times lr_decay every lr_step_epochs), exponential (the same, smoothly), cosine (to 0).
    lr_schedule: str = "constant"
    lr_decay: float = 0.5
    lr_step_epochs: int = 3
    # A .keras file whose weights the network starts from instead of random ones (File > Open of a model);
    # "" = random. Checked when training starts: the file must exist and fit the stack.
    initial_weights: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: copy.deepcopy(getattr(self, f.name)) for f in fields(self)}


@dataclass
class Experiment:
    """Everything needed to reproduce a run: which recipe, which networks, which data, how to train.

    `family` picks the training recipe ("supervised", "gan", ...); `networks` maps a role ("main",
    "generator", "discriminator", ...) to its stack; `options` holds family-specific settings.
    """

    family: str
    networks: dict[str, NetworkSpec]
    dataset: str
    training: TrainingConfig = field(default_factory=TrainingConfig)
    dataset_options: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)
    name: str = ""
    preset: str = ""

    def copy(self) -> "Experiment":
        """A deep copy. Written out rather than copy.deepcopy: the editor copies the project several times per
        edit (undo states), and the generic version cost a millisecond each for a 20-layer network."""
        return Experiment(
            self.family,
            {role: NetworkSpec(_plain_copy(net.input_shape), [LayerSpec(layer.type, _plain_copy(layer.params))
                                                              for layer in net.layers], net.input_dtype)
             for role, net in self.networks.items()},
            self.dataset,
            TrainingConfig(**{f.name: _plain_copy(getattr(self.training, f.name)) for f in fields(TrainingConfig)}),
            _plain_copy(self.dataset_options), _plain_copy(self.options), self.name, self.preset)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "name": self.name,
            "preset": self.preset,
            "family": self.family,
            "dataset": self.dataset,
            "dataset_options": copy.deepcopy(self.dataset_options),
            "options": copy.deepcopy(self.options),
            "training": self.training.to_dict(),
            "networks": {role: net.to_dict() for role, net in self.networks.items()},
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=False)

    @classmethod
    def from_json(cls, text: str) -> "Experiment":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecError("", f"not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") from None
        except RecursionError:
            raise SpecError("", f"nested too deeply to be a project file (more than {MAX_DEPTH} levels)") from None
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: Any) -> "Experiment":
        _check_depth(data, "", MAX_DEPTH + 6)  # the structure itself is about 6 levels deep
        obj = _expect(data, dict, "", "an object")
        _no_unknown(obj, {"schema_version", "name", "preset", "family", "dataset", "dataset_options",
                          "options", "training", "networks"}, "")
        version = _expect(obj.get("schema_version"), int, "schema_version", "an integer")
        if version > SCHEMA_VERSION:
            raise SpecError("schema_version", f"this file was written by a newer Layerwise (schema {version}); "
                            f"this version reads schema {SCHEMA_VERSION} and older")
        if version < 1:
            raise SpecError("schema_version", f"unknown schema version {version}")
        networks_raw = _expect(obj.get("networks"), dict, "networks", "an object of role -> network")
        if not networks_raw:
            raise SpecError("networks", "at least one network is needed")
        networks = {str(role): _network_from_dict(net, field_path("networks", role)) for role, net in networks_raw.items()}
        return cls(
            family=_expect(obj.get("family"), str, "family", "a string"),
            networks=networks,
            dataset=_expect(obj.get("dataset"), str, "dataset", "a string"),
            training=_training_from_dict(obj.get("training", {}), "training"),
            dataset_options=dict(_expect(obj.get("dataset_options", {}), dict, "dataset_options", "an object")),
            options=dict(_expect(obj.get("options", {}), dict, "options", "an object")),
            name=_expect(obj.get("name", ""), str, "name", "a string"),
            preset=_expect(obj.get("preset", ""), str, "preset", "a string"),
        )


_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_\-]+$")


def field_path(where: str, key: Any) -> str:
    """`where.key`, with a key that is empty or holds dots, brackets or spaces written as ["..."] so the path
    still names one place (a file may use any string as a key)."""
    key = str(key)
    if _PLAIN_KEY.match(key):
        return f"{where}.{key}" if where else key
    return f"{where}[{json.dumps(key)}]"


def _check_depth(value: Any, where: str, limit: int) -> None:
    """SpecError naming the first place nested deeper than `limit`, found without recursion (a hostile file
    may nest thousands of levels, which recursive code would answer with a RecursionError)."""
    stack: list[tuple[Any, str, int]] = [(value, where, 0)]
    while stack:
        item, path, depth = stack.pop()
        if depth > limit:
            raise SpecError(path, f"nested too deeply (more than {MAX_DEPTH} levels inside a setting)")
        if isinstance(item, dict):
            stack.extend((v, field_path(path, k), depth + 1) for k, v in item.items())
        elif isinstance(item, (list, tuple)):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(item))


def check_training(cfg: TrainingConfig, where: str = "training") -> None:
    """SpecError naming the first training setting that training would refuse (run again after the CLI's flags)."""
    if cfg.optimizer.lower() not in OPTIMIZERS:
        raise SpecError(f"{where}.optimizer", f"unknown optimizer {cfg.optimizer!r} (known: {', '.join(OPTIMIZERS)})")
    lr = cfg.learning_rate
    if isinstance(lr, bool) or not isinstance(lr, (int, float)) or not math.isfinite(lr) or lr <= 0:
        raise SpecError(f"{where}.learning_rate", f"must be a finite number greater than 0, got {lr!r}")
    for name in ("batch_size", "epochs"):
        value = getattr(cfg, name)
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise SpecError(f"{where}.{name}", f"must be a positive whole number, got {value!r}")
    if isinstance(cfg.seed, bool) or not isinstance(cfg.seed, int) or not 0 <= cfg.seed <= SEED_MAX:
        raise SpecError(f"{where}.seed", f"must be a whole number from 0 to 2**32 - 1 ({SEED_MAX}), got {cfg.seed!r}")
    if cfg.loss not in LOSSES:
        raise SpecError(f"{where}.loss", f"unknown loss {cfg.loss!r} (known: {', '.join(LOSSES)})")
    for i, metric in enumerate(cfg.metrics):
        if metric not in METRICS:
            raise SpecError(f"{where}.metrics[{i}]", f"unknown metric {metric!r} (known: {', '.join(METRICS)})")


def _expect(value: Any, kind: type | tuple[type, ...], where: str, what: str) -> Any:
    if value is None:
        raise SpecError(where, f"missing (expected {what})")
    if kind is int and isinstance(value, bool):
        raise SpecError(where, f"expected {what}, got {value!r}")
    if kind is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, kind):
        raise SpecError(where, f"expected {what}, got {type(value).__name__} {value!r}"[:200])
    return value


def _no_unknown(obj: dict[str, Any], allowed: set[str], where: str) -> None:
    for key in obj:
        if key not in allowed:
            path = field_path(where, key)
            raise SpecError(path, f"unknown field (allowed: {', '.join(sorted(allowed))})")


def _network_from_dict(data: Any, where: str) -> NetworkSpec:
    obj = _expect(data, dict, where, "an object")
    _no_unknown(obj, {"input_shape", "input_dtype", "layers"}, where)
    shape_raw = _expect(obj.get("input_shape"), list, f"{where}.input_shape", "a list of positive integers")
    shape: list[int] = []
    for i, dim in enumerate(shape_raw):
        dim = _expect(dim, int, f"{where}.input_shape[{i}]", "a positive integer")
        if dim <= 0:
            raise SpecError(f"{where}.input_shape[{i}]", f"must be positive, got {dim}")
        shape.append(dim)
    if not shape:
        raise SpecError(f"{where}.input_shape", "must have at least one dimension")
    dtype = _expect(obj.get("input_dtype", "float32"), str, f"{where}.input_dtype", "a string")
    if dtype not in ("float32", "int32"):
        raise SpecError(f"{where}.input_dtype", f"must be float32 or int32, got {dtype!r}")
    layers_raw = _expect(obj.get("layers", []), list, f"{where}.layers", "a list")
    layers = []
    for i, layer in enumerate(layers_raw):
        lw = f"{where}.layers[{i}]"
        lobj = _expect(layer, dict, lw, "an object")
        _no_unknown(lobj, {"type", "params"}, lw)
        ltype = _expect(lobj.get("type"), str, f"{lw}.type", "a layer type name")
        params = dict(_expect(lobj.get("params", {}), dict, f"{lw}.params", "an object"))
        layers.append(LayerSpec(ltype, params))
    return NetworkSpec(tuple(shape), layers, dtype)


def _training_from_dict(data: Any, where: str) -> TrainingConfig:
    obj = _expect(data, dict, where, "an object")
    names = {f.name for f in fields(TrainingConfig)}
    _no_unknown(obj, names, where)
    cfg = TrainingConfig()
    if "optimizer" in obj:
        cfg.optimizer = _expect(obj["optimizer"], str, f"{where}.optimizer", "a string")
    if "learning_rate" in obj:
        cfg.learning_rate = _expect(obj["learning_rate"], float, f"{where}.learning_rate", "a number")
        if not cfg.learning_rate > 0:
            raise SpecError(f"{where}.learning_rate", "must be greater than 0")
    for name in ("batch_size", "epochs"):
        if name in obj:
            value = _expect(obj[name], int, f"{where}.{name}", "a positive integer")
            if value <= 0:
                raise SpecError(f"{where}.{name}", f"must be positive, got {value}")
            setattr(cfg, name, value)
    if "seed" in obj:
        cfg.seed = _expect(obj["seed"], int, f"{where}.seed", "an integer")
    if "loss" in obj:
        cfg.loss = _expect(obj["loss"], str, f"{where}.loss", "a string")
    if "metrics" in obj:
        metrics = _expect(obj["metrics"], list, f"{where}.metrics", "a list of strings")
        cfg.metrics = [_expect(m, str, f"{where}.metrics[{i}]", "a string") for i, m in enumerate(metrics)]
    _callbacks_from_dict(obj, cfg, where)
    if "initial_weights" in obj:
        cfg.initial_weights = _expect(obj["initial_weights"], str, f"{where}.initial_weights", "a file path")
    check_training(cfg, where)
    return cfg


LR_SCHEDULES = ("constant", "step", "exponential", "cosine")


def _callbacks_from_dict(obj: dict[str, Any], cfg: TrainingConfig, where: str) -> None:
    """The training callbacks' settings (early stopping, reduce-LR-on-plateau, LR schedule)."""
    for name in ("early_stopping", "reduce_lr_patience"):
        if name in obj:
            value = _expect(obj[name], int, f"{where}.{name}", "an integer >= 0 (0 = off)")
            if value < 0:
                raise SpecError(f"{where}.{name}", f"must be 0 (off) or more, got {value}")
            setattr(cfg, name, value)
    if "lr_step_epochs" in obj:
        value = _expect(obj["lr_step_epochs"], int, f"{where}.lr_step_epochs", "a positive integer")
        if value <= 0:
            raise SpecError(f"{where}.lr_step_epochs", f"must be positive, got {value}")
        cfg.lr_step_epochs = value
    for name in ("reduce_lr_factor", "lr_decay"):
        if name in obj:
            value = _expect(obj[name], float, f"{where}.{name}", "a number between 0 and 1")
            if not 0 < value < 1:
                raise SpecError(f"{where}.{name}", f"must be between 0 and 1 (exclusive), got {value}")
            setattr(cfg, name, value)
    if "early_stopping_monitor" in obj:
        monitor = _expect(obj["early_stopping_monitor"], str, f"{where}.early_stopping_monitor", "a metric name")
        if not monitor.strip() or len(monitor) > 64:
            raise SpecError(f"{where}.early_stopping_monitor", "must name a metric, e.g. val_loss")
        cfg.early_stopping_monitor = monitor.strip()
    if "restore_best_weights" in obj:
        cfg.restore_best_weights = _expect(obj["restore_best_weights"], bool, f"{where}.restore_best_weights",
                                           "true or false")
    if "lr_schedule" in obj:
        schedule = _expect(obj["lr_schedule"], str, f"{where}.lr_schedule", "a schedule name")
        if schedule not in LR_SCHEDULES:
            raise SpecError(f"{where}.lr_schedule", f"unknown schedule {schedule!r} (known: {', '.join(LR_SCHEDULES)})")
        cfg.lr_schedule = schedule
