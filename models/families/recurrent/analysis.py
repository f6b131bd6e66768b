"""Looking inside recurrent networks: predictions for typed text, hidden states and gates over time, gradients
through time and text generation.

Every function that takes a Keras model must run on the thread that owns TensorFlow (the TrainingSession
worker: `session.with_model(lambda m: predict_text(m, info, text), which="train")`). Results are plain numpy
arrays, floats, strings and lists, so the GUI can draw them without touching Keras. keras / tensorflow are
imported inside functions, so importing this module is cheap.

Gate activations are recomputed in numpy from the layer's own weights with the equations Keras uses
(tests check that the recomputed hidden states equal Keras' outputs):

- SimpleRNN: h_t = tanh(x_t W + h_(t-1) U + b)
- LSTM: i, f, o = sigmoid(...), g = tanh(...) (each x_t W_* + h_(t-1) U_* + b_*);
  c_t = f * c_(t-1) + i * g;  h_t = o * tanh(c_t)
- GRU (Keras' default reset_after=True): z, r = sigmoid(x_t W_* + b_* + h_(t-1) U_* + b'_*);
  n = tanh(x_t W_n + b_n + r * (h_(t-1) U_n + b'_n));  h_t = z * h_(t-1) + (1 - z) * n.
  Note Keras' convention: an update gate near 1 KEEPS the old state, near 0 takes the new candidate.
"""
from __future__ import annotations

import math
import weakref
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

from models.data.base import DatasetInfo
from models.data.memory import memory_sequences
from models.data.vocabulary import PAD_ID, Vocabulary
from models.outputs import layer_activation, probabilities

RECURRENT_KINDS = ("SimpleRNN", "LSTM", "GRU")
GATE_NAMES: dict[str, tuple[str, ...]] = {
    "SimpleRNN": (),
    "LSTM": ("input", "forget", "output"),
    "GRU": ("update", "reset"),
}


class SequenceError(ValueError):
    """The model or text cannot be analysed as asked (no recurrent layer, empty text, ...); says why."""


# --- text in, prediction out ------------------------------------------------------------------------------
@dataclass(frozen=True)
class EncodedText:
    ids: np.ndarray  # int32 (max_len,), padded with 0 at the end
    tokens: list[str]  # what reaches the model, as typed (unknown words included)
    unknown: list[str]  # tokens read as <unk>
    length: int  # number of real (non-padding) steps
    truncated: bool  # the text was longer than max_len


def vocabulary_of(info: DatasetInfo) -> Vocabulary:
    vocab = info.extras.get("vocabulary")
    if not isinstance(vocab, Vocabulary):
        raise SequenceError(f"dataset '{info.name}' has no vocabulary: typed text needs a text dataset "
                            "(sentiment, tagging, memory-N or chars)")
    return vocab


def encode_text(info: DatasetInfo, text: str) -> EncodedText:
    """Encode typed text exactly as the dataset was encoded."""
    vocab = vocabulary_of(info)
    all_tokens = vocab.tokenize(text)
    tokens = vocab.visible_tokens(text)
    if not tokens:
        raise SequenceError("type at least one word" if vocab.level != "char" else "type at least one character")
    ids = vocab.encode_tokens(all_tokens)
    return EncodedText(ids, tokens, vocab.unknown(text), len(tokens), len(all_tokens) > len(tokens))


_COMPILED: "weakref.WeakKeyDictionary[Any, dict[str, Any]]" = weakref.WeakKeyDictionary()


def _compiled(model: Any, key: str, make: Callable[[Callable[[], Any]], Any]) -> Any:
    """A tf.function per model, built once (eager calls of a recurrent model are ~50x slower).

    The function reaches the model through a weak reference, so the cache never keeps a model alive."""
    fns = _COMPILED.setdefault(model, {})
    if key not in fns:
        fns[key] = make(weakref.ref(model))
    return fns[key]


def _forward(model: Any, ids: np.ndarray) -> np.ndarray:
    import tensorflow as tf

    fn = _compiled(model, "forward", lambda ref: tf.function(lambda v: ref()(v, training=False),
                                                             reduce_retracing=True))
    out = fn(tf.constant(ids[None, :], dtype=tf.int32))
    return np.asarray(out, dtype="float64")[0]


def predict_text(model: Any, info: DatasetInfo, text: str, top: int = 5) -> dict[str, Any]:
    """The model's answer for a typed text.

    Returns, for many-to-one tasks (sentiment, memory, chars):
      {"kind": "class", "tokens", "unknown", "truncated", "classes": list[str], "probabilities": (C,) array,
       "label": str, "top": [(class, p), ...] (the `top` most likely)}
    and for tagging:
      {"kind": "tags", "tokens", "unknown", "truncated", "tags": list[str] (one per token, never <pad>),
       "confidence": (L,) array, "probabilities": (L, C) array, "classes": list[str]}
    """
    enc = encode_text(info, text)
    raw = _forward(model, enc.ids)
    probs = probabilities(raw, layer_activation(model.layers[-1]))
    classes = list(info.class_names)
    base = {"tokens": enc.tokens, "unknown": enc.unknown, "truncated": enc.truncated}
    if probs.ndim == 2:  # one distribution per step
        probs = probs[:enc.length, :len(classes)]
        usable = probs.copy()
        if classes and classes[0] == "<pad>":
            usable[:, 0] = -1.0  # a real word is never padding
        best = usable.argmax(axis=1)
        return {"kind": "tags", **base, "tags": [classes[i] for i in best],
                "confidence": probs[np.arange(len(best)), best], "probabilities": probs, "classes": classes}
    probs = probs[:len(classes)] if classes else probs
    names = classes or [str(i) for i in range(len(probs))]
    order = np.argsort(-probs)[:top]
    return {"kind": "class", **base, "classes": names, "probabilities": probs, "label": names[int(order[0])],
            "top": [(names[int(i)], float(probs[i])) for i in order]}


def generate_text(model: Any, info: DatasetInfo, prompt: str, length: int = 200, temperature: float = 1.0,
                  seed: int | None = None) -> str:
    """Continue `prompt` one character at a time (the `chars` task); returns only the new characters.

    Each step samples from p_i ** (1 / temperature) renormalised: low temperature (0.2) is cautious and
    repetitive, 1.0 samples the model's own distribution, high (1.5+) is adventurous and misspelled.
    temperature <= 0 always takes the most likely character.
    """
    vocab = vocabulary_of(info)
    if vocab.level != "char":
        raise SequenceError(f"text generation needs the character task 'chars', not '{info.name}'")
    if not 1 <= length <= 10_000:
        raise SequenceError(f"length must be between 1 and 10,000 characters, got {length}")
    if not math.isfinite(temperature):
        raise SequenceError("temperature must be a number")
    rng = np.random.default_rng(seed)
    text = prompt if prompt else "\n"
    history = [vocab.id_of(c) for c in text]
    activation = layer_activation(model.layers[-1])
    out: list[str] = []
    for _ in range(length):
        window = history[-vocab.max_len:]
        ids = np.zeros(vocab.max_len, dtype="int32")
        ids[:len(window)] = window
        probs = probabilities(_forward(model, ids), activation)[:vocab.size].copy()
        probs[PAD_ID] = 0.0
        probs[1] = 0.0  # never emit <unk>
        if probs.sum() <= 0:
            probs[:] = 1.0
            probs[:2] = 0.0
        if temperature <= 0:
            nxt = int(np.argmax(probs))
        else:
            logp = np.log(np.maximum(probs, 1e-12)) / temperature
            logp[probs <= 0] = -np.inf
            p = np.exp(logp - logp.max())
            nxt = int(rng.choice(len(p), p=p / p.sum()))
        history.append(nxt)
        out.append(vocab.tokens[nxt])
    return "".join(out)


# --- hidden states and gates ------------------------------------------------------------------------------
def _kind(layer: Any) -> str | None:
    name = type(layer).__name__
    if name == "Bidirectional":
        return _kind(layer.forward_layer)
    return name if name in RECURRENT_KINDS else None


def recurrent_layers(model: Any) -> list[tuple[int, Any]]:
    """(position in model.layers, layer) of every SimpleRNN / LSTM / GRU (bidirectional ones included)."""
    return [(i, layer) for i, layer in enumerate(model.layers) if _kind(layer) is not None]


def _pick_recurrent(model: Any, which: int = 0) -> tuple[int, Any]:
    layers = recurrent_layers(model)
    if not layers:
        raise SequenceError("the network has no recurrent layer (SimpleRNN, LSTM or GRU)")
    if not -len(layers) <= which < len(layers):
        raise SequenceError(f"the network has {len(layers)} recurrent layer(s); asked for number {which + 1}")
    return layers[which]


_NP_ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "tanh": np.tanh,
    "sigmoid": lambda v: 1.0 / (1.0 + np.exp(-v)),
    "relu": lambda v: np.maximum(v, 0.0),
    "linear": lambda v: v,
    "hard_sigmoid": lambda v: np.clip(v / 6.0 + 0.5, 0.0, 1.0),
}


def _np_activation(fn: Any) -> Callable[[np.ndarray], np.ndarray]:
    name = getattr(fn, "__name__", "")
    if name in _NP_ACTIVATIONS:
        return _NP_ACTIVATIONS[name]
    return lambda v: np.asarray(fn(v.astype("float32")), dtype="float64")


def run_cell(layer: Any, inputs: np.ndarray) -> dict[str, np.ndarray]:
    """Run one (unidirectional) SimpleRNN / LSTM / GRU layer over inputs (T, features) in numpy, from zero state.

    Returns arrays of shape (T, units): "hidden" always; LSTM adds "input", "forget", "output", "candidate",
    "cell"; GRU adds "update", "reset", "candidate".
    """
    kind = _kind(layer)
    if kind is None:
        raise SequenceError(f"{type(layer).__name__} is not a recurrent layer")
    cell = layer.cell
    act = _np_activation(cell.activation)
    kernel = np.asarray(cell.kernel, dtype="float64")
    recurrent = np.asarray(cell.recurrent_kernel, dtype="float64")
    units = recurrent.shape[0]
    use_bias = bool(getattr(cell, "use_bias", True)) and getattr(cell, "bias", None) is not None
    xs = np.asarray(inputs, dtype="float64")
    steps = xs.shape[0]
    h = np.zeros(units)
    out: dict[str, list[np.ndarray]] = {"hidden": []}
    if kind == "SimpleRNN":
        bias = np.asarray(cell.bias, dtype="float64") if use_bias else np.zeros(units)
        for t in range(steps):
            h = act(xs[t] @ kernel + h @ recurrent + bias)
            out["hidden"].append(h)
    elif kind == "LSTM":
        rec_act = _np_activation(cell.recurrent_activation)
        bias = np.asarray(cell.bias, dtype="float64") if use_bias else np.zeros(4 * units)
        c = np.zeros(units)
        for name in ("input", "forget", "output", "candidate", "cell"):
            out[name] = []
        for t in range(steps):
            z = xs[t] @ kernel + h @ recurrent + bias
            i, f = rec_act(z[:units]), rec_act(z[units:2 * units])
            g, o = act(z[2 * units:3 * units]), rec_act(z[3 * units:])
            c = f * c + i * g
            h = o * act(c)
            for name, value in (("input", i), ("forget", f), ("output", o), ("candidate", g), ("cell", c),
                                ("hidden", h)):
                out[name].append(value)
    else:  # GRU
        rec_act = _np_activation(cell.recurrent_activation)
        reset_after = bool(getattr(cell, "reset_after", True))
        raw_bias = np.asarray(cell.bias, dtype="float64") if use_bias else None
        if raw_bias is None:
            b_in, b_rec = np.zeros(3 * units), np.zeros(3 * units)
        elif raw_bias.ndim == 2:
            b_in, b_rec = raw_bias[0], raw_bias[1]
        else:
            b_in, b_rec = raw_bias, np.zeros(3 * units)
        for name in ("update", "reset", "candidate"):
            out[name] = []
        for t in range(steps):
            xz = xs[t] @ kernel + b_in
            if reset_after:
                inner = h @ recurrent + b_rec
                z = rec_act(xz[:units] + inner[:units])
                r = rec_act(xz[units:2 * units] + inner[units:2 * units])
                n = act(xz[2 * units:] + r * inner[2 * units:])
            else:
                inner = h @ recurrent[:, :2 * units]
                z = rec_act(xz[:units] + inner[:units])
                r = rec_act(xz[units:2 * units] + inner[units:])
                n = act(xz[2 * units:] + (r * h) @ recurrent[:, 2 * units:])
            h = z * h + (1.0 - z) * n
            for name, value in (("update", z), ("reset", r), ("candidate", n), ("hidden", h)):
                out[name].append(value)
    return {k: np.array(v, dtype="float64").reshape(steps, units) for k, v in out.items()}


_SUBMODELS: "weakref.WeakKeyDictionary[Any, dict[int, Any]]" = weakref.WeakKeyDictionary()


def _layer_inputs(model: Any, position: int, x: np.ndarray) -> np.ndarray:
    """What the layer at `position` receives for a batch of inputs: (batch, T, features).

    The sub-model from the input to that layer is built once per model and kept while the model lives."""
    import keras
    import tensorflow as tf

    subs = _SUBMODELS.setdefault(model, {})
    if position not in subs:
        tensor = model.layers[position].input
        if isinstance(tensor, (list, tuple)):  # a masked call records (inputs, mask)
            tensor = tensor[0]
        subs[position] = keras.Model(model.inputs, tensor)
    return np.asarray(subs[position](tf.constant(x), training=False), dtype="float64")


def _real_length(model: Any, ids: np.ndarray) -> int:
    """Steps before the padding when the network masks padding; all steps otherwise."""
    masked = any(getattr(layer, "mask_zero", False) for layer in model.layers)
    if not masked:
        return int(ids.shape[-1])
    nonpad = np.flatnonzero(ids != PAD_ID)
    return int(nonpad[-1]) + 1 if len(nonpad) else 0


def hidden_state_over_time(model: Any, ids: np.ndarray, which: int = 0,
                           tokens: Sequence[str] | None = None) -> dict[str, Any]:
    """Hidden state (and gates) of a recurrent layer at every real step of one sequence.

    ids: int (T,) as from `encode_text(...).ids`. which: 0 = the first recurrent layer, 1 the second, ...
    Payload:
      "layer": "SimpleRNN" | "LSTM" | "GRU";  "layer_name": Keras name;  "bidirectional": bool;
      "tokens": list[str] (one per step, when given);  "steps": int;  "units": int (per direction);
      "hidden": (units, steps) array, or (2*units, steps) for a bidirectional layer (forward units first,
                backward units after, both aligned to the same time steps);
      "gates": {gate: (units, steps)}: LSTM "input", "forget", "output"; GRU "update", "reset"; {} for RNN;
      "cell": (units, steps) LSTM memory cell, else absent;
      "gates_backward" / "cell_backward": the same for the backward direction of a bidirectional layer.
    """
    ids = np.asarray(ids, dtype="int32").reshape(1, -1)
    position, layer = _pick_recurrent(model, which)
    length = _real_length(model, ids[0])
    if length == 0:
        raise SequenceError("the sequence is empty (only padding)")
    seq = _layer_inputs(model, position, ids)[0, :length]
    bidirectional = type(layer).__name__ == "Bidirectional"
    kind = _kind(layer) or ""
    forward_layer = layer.forward_layer if bidirectional else layer
    fwd = run_cell(forward_layer, seq)
    payload: dict[str, Any] = {
        "layer": kind, "layer_name": layer.name, "bidirectional": bidirectional, "steps": length,
        "units": int(fwd["hidden"].shape[1]),
        "hidden": fwd["hidden"].T.astype("float32"),
        "gates": {g: fwd[g].T.astype("float32") for g in GATE_NAMES[kind]},
    }
    if tokens is not None:
        payload["tokens"] = list(tokens)[:length]
    if kind == "LSTM":
        payload["cell"] = fwd["cell"].T.astype("float32")
    if bidirectional:
        bwd = run_cell(layer.backward_layer, seq[::-1])
        bwd = {k: v[::-1] for k, v in bwd.items()}  # back to forward time order
        payload["hidden"] = np.concatenate([fwd["hidden"].T, bwd["hidden"].T]).astype("float32")
        payload["gates_backward"] = {g: bwd[g].T.astype("float32") for g in GATE_NAMES[kind]}
        if kind == "LSTM":
            payload["cell_backward"] = bwd["cell"].T.astype("float32")
    return payload


def hidden_states_for_text(model: Any, info: DatasetInfo, text: str, which: int = 0) -> dict[str, Any]:
    """`hidden_state_over_time` for a typed text (tokens included, unknown words listed under "unknown")."""
    enc = encode_text(info, text)
    payload = hidden_state_over_time(model, enc.ids, which, enc.tokens)
    payload["unknown"] = enc.unknown
    return payload


# --- gradients through time -------------------------------------------------------------------------------
def _loss_per_element(y: Any, pred: Any, activation: str) -> Any:
    import keras

    from_logits = activation not in ("sigmoid", "softmax")
    if pred.shape[-1] == 1:
        yb = keras.ops.reshape(keras.ops.cast(y, pred.dtype), keras.ops.shape(pred))
        return keras.losses.binary_crossentropy(yb, pred, from_logits=from_logits)
    return keras.losses.sparse_categorical_crossentropy(y, pred, from_logits=from_logits)


def gradients_through_time(model: Any, x: np.ndarray, y: np.ndarray) -> dict[str, Any]:
    """Norm of d(loss)/d(input at step t) for every t: how much each step's input can still change the answer.

    "Input at step t" is what the first recurrent layer reads at step t (the Embedding output in the presets).
    The loss is summed over the batch, so every example contributes its own gradient; the norm is taken per
    example and step, then averaged over the examples that have a real (non-padding) token at that step.
    Payload: "steps": int (T,) = 1..T;  "grad_norm": float (T,);  "loss": mean loss (float);
             "layer": "SimpleRNN" | "LSTM" | "GRU".
    Measured on memory-50 (64 sequences): untrained, a SimpleRNN's curve is flat (its orthogonal start
    preserves gradients) while LSTM and GRU fall by 1e-4 and 1e-10 towards step 1 (gates start half closed);
    after 3 epochs the SimpleRNN, which now latches the first token in saturated units, falls by 1e-16, the
    LSTM by 1e-5 and the GRU only by 5x.
    """
    import tensorflow as tf

    position, layer = _pick_recurrent(model)
    x = np.asarray(x)
    seq = tf.constant(_layer_inputs(model, position, x.astype("int32") if x.dtype.kind in "iu" else x),
                      dtype=tf.float32)
    mask = None
    if any(getattr(lyr, "mask_zero", False) for lyr in model.layers[:position]) and x.ndim == 2:
        mask = tf.constant(x != PAD_ID)
    grads, loss = _gradient_step(model, position, seq, mask, np.asarray(y))
    norms = np.linalg.norm(np.asarray(grads, dtype="float64"), axis=-1)  # (B, T)
    if mask is not None:
        real = np.asarray(mask, dtype="float64")
        counts = real.sum(axis=0)
        curve = np.where(counts > 0, (norms * real).sum(axis=0) / np.maximum(counts, 1), 0.0)
    else:
        curve = norms.mean(axis=0)
    return {"steps": np.arange(1, curve.shape[0] + 1), "grad_norm": curve.astype("float64"),
            "loss": float(loss), "layer": _kind(layer) or ""}


def _gradient_step(model: Any, position: int, seq: Any, mask: Any, y: np.ndarray) -> tuple[Any, Any]:
    import tensorflow as tf

    activation = layer_activation(model.layers[-1])

    def make(ref: Callable[[], Any]) -> Any:
        def step(seq: Any, mask: Any, y: Any) -> tuple[Any, Any]:
            with tf.GradientTape() as tape:
                tape.watch(seq)
                h = seq
                for i, layer in enumerate(ref().layers[position:]):
                    if i == 0 and mask is not None:
                        h = layer(h, mask=mask, training=False)
                    else:
                        h = layer(h, training=False)
                losses = _loss_per_element(y, h, activation)
                if mask is not None and len(losses.shape) == 2:  # per-token losses: ignore padding
                    losses = losses * tf.cast(mask, losses.dtype)
                total = tf.reduce_sum(losses)
            grads = tape.gradient(total, seq)
            return grads, total / tf.cast(tf.shape(seq)[0], total.dtype)
        return tf.function(step, reduce_retracing=True)

    fn = _compiled(model, f"gradient-{position}-{mask is None}", make)
    return fn(seq, mask, tf.constant(y))


def memory_batch(n: int = 50, count: int = 64, seed: int = 1234) -> tuple[np.ndarray, np.ndarray]:
    """A fixed batch of full-length memory-N sequences (ids, labels) for the gradients-through-time view."""
    return memory_sequences(n, count, np.random.default_rng(seed))
