"""word2vec's training examples as a tf.data stream: subsampled afresh each pass, paired chunk by chunk.

Building every (word, context) pair of the corpus up front in numpy held them all in memory (a 200 MB text
gives hundreds of millions of pairs) and drew the subsampling once per run, so every epoch saw the same
thinned text. Here the corpus stays a sequence of token ids; each pass over it visits fixed-size chunks in a
fresh order, drops frequent words at random in each chunk (the original word2vec's keep probability, with a
stateless seed per chunk and pass, so a run is reproducible), forms the skip-gram pairs or CBOW windows of
what is left, shuffles them within the chunk and cuts them into batches. Only one chunk's examples (and the
prefetched batches) exist at a time. Pairs spanning two chunks are lost: 2 * window per CHUNK tokens.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import tensorflow as tf

CHUNK = 32_768  # tokens per chunk: big enough to amortise the per-chunk ops, small enough to keep memory flat
PREFETCH = 4  # batches made ahead while the step trains


def expected_examples(tokens: int, sentences: int, keep_share: float, mode: str, window: int) -> int:
    """About how many examples one pass gives: the steps of an epoch are counted from this (tf.data cannot
    know it before the pass has been made)."""
    kept = max(1.0, tokens * keep_share)
    per_sentence = max(1.0, kept / max(1, sentences))
    if mode == "cbow":
        return int(kept)
    # each kept word pairs with up to `window` words on each side that are in its sentence
    reach = sum(max(0.0, 1.0 - d / per_sentence) for d in range(1, window + 1))
    return max(1, int(2 * kept * reach))


def _compact(tokens: Any, sentence_ids: Any, keep_prob: Any, seed: Any) -> tuple[Any, Any]:
    """The chunk's tokens that survive subsampling this pass (the window then spans the kept words only)."""
    draw = tf.random.stateless_uniform(tf.shape(tokens), seed=seed)
    kept = draw < tf.gather(keep_prob, tokens)
    return tf.boolean_mask(tokens, kept), tf.boolean_mask(sentence_ids, kept)


def _skipgram(tokens: Any, sentence_ids: Any, window: int) -> tuple[Any, Any]:
    targets, contexts = [], []
    for d in range(1, window + 1):
        same = tf.equal(sentence_ids[:-d], sentence_ids[d:])
        left, right = tf.boolean_mask(tokens[:-d], same), tf.boolean_mask(tokens[d:], same)
        targets += [left, right]
        contexts += [right, left]
    return tf.concat(targets, 0), tf.concat(contexts, 0)


def _cbow(tokens: Any, sentence_ids: Any, window: int) -> tuple[Any, Any]:
    n = tf.shape(tokens)[0]
    columns = []
    for d in list(range(-window, 0)) + list(range(1, window + 1)):
        src = tf.range(n) + d
        inside = (src >= 0) & (src < n)
        clipped = tf.clip_by_value(src, 0, tf.maximum(n - 1, 0))
        same = inside & tf.equal(tf.gather(sentence_ids, clipped), sentence_ids)
        columns.append(tf.where(same, tf.gather(tokens, clipped), -1))
    context = tf.stack(columns, axis=1)
    has = tf.reduce_any(context >= 0, axis=1)
    return tf.boolean_mask(context, has), tf.boolean_mask(tokens, has)


def example_stream(tokens: np.ndarray, sentence_ids: np.ndarray, keep_prob: np.ndarray, mode: str, window: int,
                   batch_size: int, seed: int = 0) -> tf.data.Dataset:
    """An endless stream of ({"target", "context"},) batches, pass after pass over the corpus."""
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    n = len(tokens)
    chunks = max(1, -(-n // CHUNK))
    with tf.device("/CPU:0"):
        all_tokens = tf.constant(np.asarray(tokens, dtype=np.int32))
        all_sentences = tf.constant(np.asarray(sentence_ids, dtype=np.int32))
        keep = tf.constant(np.asarray(keep_prob, dtype=np.float32))
    batch_size = max(1, int(batch_size))

    def one_pass(pass_index: Any) -> tf.data.Dataset:
        order = tf.random.experimental.stateless_shuffle(tf.range(chunks, dtype=tf.int64),
                                                         seed=tf.stack([tf.cast(seed, tf.int64), pass_index]))
        return tf.data.Dataset.from_tensor_slices(order).map(lambda c: chunk(c, pass_index))

    def chunk(index: Any, pass_index: Any) -> dict[str, Any]:
        start = index * CHUNK
        part = all_tokens[start:start + CHUNK]
        sents = all_sentences[start:start + CHUNK]
        chunk_seed = tf.stack([tf.cast(seed, tf.int64) * 1_000_003 + pass_index, index])
        kept, kept_sents = _compact(part, sents, keep, tf.cast(chunk_seed, tf.int32))
        if mode == "skipgram":
            target, context = _skipgram(kept, kept_sents, window)
        else:
            context, target = _cbow(kept, kept_sents, window)
        count = tf.shape(target)[0]
        mix = tf.random.experimental.stateless_shuffle(tf.range(count), seed=tf.cast(chunk_seed + 7, tf.int32))
        return {"target": tf.gather(target, mix), "context": tf.gather(context, mix)}

    passes = tf.data.Dataset.range(1 << 40).flat_map(one_pass)
    # chunks of examples recut into batches without visiting examples one by one
    batches = passes.rebatch(batch_size).map(lambda b: (b,))
    options = tf.data.Options()
    options.autotune.enabled = False  # see models/engine/feed.py: the autotuner's thread stalled epoch starts
    options.deterministic = True
    return batches.prefetch(PREFETCH).with_options(options)
