#!/usr/bin/env python3
"""word2vec's speed against gensim's, side by side on the same corpora and settings, with the quality of both.

For skip-gram and CBOW, on the grouped corpus of our grammar (the app's default, ~26,000 tokens) and on a larger
one from the same grammar (--large sentences, default 160,000: ~1 million tokens): vector size 32, window 2,
5 negatives, subsampling 1e-3, 8 epochs, every word kept. gensim (4.x, 2 worker threads) trains with its own
linearly decaying learning rate; Layerwise trains as the app does (the engine's session, `fit` with the run's
callbacks), with the corpus-file preset's optimizer (adam, learning rate 0.005) and --batch pairs a batch.

Prints words per second of each (all epochs' corpus words over the training time: gensim's `train`, and
the sum of our epochs' seconds), the ratio ours / gensim's (target >= 0.2), and the same over our epochs after
the first: the first also traces the train step, ~0.45 s once per run on 2 cores, which on the small corpus is
most of the run, and the share of grouped words whose nearest neighbour (cosine) is in their own group for
both (target >= 0.95). gensim is a bench-only dependency (`pip install -e ".[bench]"`, which `make bench`
does); the app does not need it.

Then memory (--memory-mb 200; 0 skips it): a text file of that many MB from the same grammar, trained for one
epoch of skip-gram from the file as `main.py train skipgram --corpus FILE` would (every word: max_tokens None) in
a fresh process, whose peak resident memory is printed (target: under 2 GB) with its words per second.

    python bench/word2vec_speed.py [--large 160000] [--batch 4096] [--epochs 8] [--memory-mb 200]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

import models.families  # noqa: E402,F401  (registers the presets, datasets and recipes)

DIM, WINDOW, NEGATIVES, SUBSAMPLE = 32, 2, 5, 1e-3


def gensim_run(sentences: list[list[str]], mode: str, epochs: int) -> tuple[float, float, dict]:
    """(words per second, seconds, word -> vector) of gensim on these sentences."""
    from gensim.models import Word2Vec

    model = Word2Vec(vector_size=DIM, window=WINDOW, negative=NEGATIVES, sg=1 if mode == "skipgram" else 0,
                     min_count=1, sample=SUBSAMPLE, workers=2, seed=0)
    model.build_vocab(sentences)
    words = sum(len(s) for s in sentences)
    start = time.perf_counter()
    model.train(sentences, total_examples=len(sentences), epochs=epochs)
    seconds = time.perf_counter() - start
    return words * epochs / seconds, seconds, {w: model.wv[w] for w in model.wv.index_to_key}


def layerwise_run(sentences_option: int, mode: str, epochs: int, batch: int, lr: float
                  ) -> tuple[float, float, float, dict]:
    """(words per second over all epochs, over the epochs after the first, seconds of training, word -> vector)
    of our skip-gram or CBOW, as the app trains it."""
    from models.engine.events import EpochEnd, RecordingReporter
    from models.engine.session import TrainingSession
    from models.spec.presets import get_preset

    exp = get_preset(mode).make("corpus-groups")
    exp.dataset_options = {"sentences": sentences_option}
    exp.options = {**exp.options, "window": WINDOW, "negatives": NEGATIVES, "subsample": SUBSAMPLE}
    exp.training.batch_size = batch
    exp.training.epochs = epochs
    exp.training.learning_rate = lr
    session = TrainingSession()
    rec = RecordingReporter()
    result = session.start(exp, rec).result()
    if result.status != "finished":
        raise SystemExit(f"layerwise {mode}: {result.status} {result.message}")
    epochs_done = [e for e in rec.events if isinstance(e, EpochEnd)]
    seconds = sum(e.seconds for e in epochs_done)
    words = sum(e.samples for e in epochs_done)
    later = epochs_done[1:] or epochs_done
    steady = sum(e.samples for e in later) / sum(e.seconds for e in later)

    def vectors(model):
        return {w: v for w, v in zip(model.vocabulary, model.word_vectors())}
    table = session.with_model(vectors, "train").result()
    session.shutdown()
    return words / seconds, steady, seconds, table


def _child_memory(path: str, batch: int) -> None:
    """In a fresh process: one epoch of skip-gram on the file; print peak memory and speed as JSON."""
    import resource

    from models.engine.events import EpochEnd, RecordingReporter
    from models.engine.session import TrainingSession
    from models.spec.presets import get_preset

    exp = get_preset("skipgram").make("corpus-file")
    exp.dataset_options = {"path": path, "max_tokens": None}
    exp.training.epochs = 1
    exp.training.batch_size = batch
    session = TrainingSession()
    rec = RecordingReporter()
    start = time.perf_counter()
    result = session.start(exp, rec).result()
    epoch = next(e for e in rec.events if isinstance(e, EpochEnd))
    print(json.dumps({"status": result.status, "message": result.message, "words": epoch.samples,
                      "words_per_second": epoch.samples / epoch.seconds, "epoch_seconds": epoch.seconds,
                      "total_seconds": time.perf_counter() - start,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}), flush=True)


def memory_run(megabytes: int, batch: int) -> None:
    from models.data.corpus import grouped_text

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "corpus.txt")
        written, seed = 0, 1
        with open(path, "w", encoding="utf-8") as f:
            while written < megabytes * 1_000_000:
                piece = grouped_text(100_000, seed=seed)
                f.write(piece + "\n")
                written += len(piece.encode("utf-8")) + 1
                seed += 1
        out = subprocess.run([sys.executable, __file__, "--child-memory", path, "--batch", str(batch)],
                             capture_output=True, text=True, check=False)
        line = next((ln for ln in out.stdout.splitlines() if ln.startswith("{")), None)
        if line is None:
            raise SystemExit(f"the memory run failed:\n{out.stderr[-3000:]}")
        r = json.loads(line)
        print(f"{written / 1e6:.0f} MB text, {r['words']:,} words, skip-gram, 1 epoch from the file: peak memory "
              f"{r['peak_mb']:,.0f} MB (target < 2,048), {r['words_per_second']:,.0f} words/s "
              f"({r['epoch_seconds']:.1f} s training, {r['total_seconds']:.1f} s with reading the file), "
              f"{r['status']}", flush=True)


def purity(table: dict, groups: dict[str, str]) -> float:
    from models.families.word2vec.vectors import neighbour_group_share

    vocab = list(table)
    return float(neighbour_group_share(np.stack([table[w] for w in vocab]), vocab, groups))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=int, default=160_000, help="sentences of the larger corpus (0: skip it)")
    parser.add_argument("--batch", type=int, default=4096)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--lr", type=float, default=0.005)
    parser.add_argument("--memory-mb", type=int, default=200)
    parser.add_argument("--child-memory", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_memory:
        _child_memory(args.child_memory, args.batch)
        return
    from models.data.corpus import GROUPED_SENTENCES, grouped_text, tokenize, word_groups

    groups = word_groups()
    sizes = [GROUPED_SENTENCES] + ([args.large] if args.large else [])
    for n in sizes:
        sentences = tokenize(grouped_text(n))
        tokens = sum(len(s) for s in sentences)
        for mode in ("skipgram", "cbow"):
            g_rate, g_s, g_vec = gensim_run(sentences, mode, args.epochs)
            l_rate, l_steady, l_s, l_vec = layerwise_run(n, mode, args.epochs, args.batch, args.lr)
            print(f"{tokens:>9,} tokens  {mode:8s}  gensim {g_rate:>10,.0f} words/s ({g_s:5.2f} s), purity "
                  f"{purity(g_vec, groups):.3f} | layerwise {l_rate:>10,.0f} words/s ({l_s:5.2f} s; after the "
                  f"first epoch {l_steady:,.0f}), purity {purity(l_vec, groups):.3f} | ratio {l_rate / g_rate:.3f}, "
                  f"after the first epoch {l_steady / g_rate:.3f}", flush=True)
    if args.memory_mb:
        memory_run(args.memory_mb, args.batch)


if __name__ == "__main__":
    main()
    os._exit(0)  # the session's TensorFlow thread: skip teardown, as the app does
