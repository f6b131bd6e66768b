"""The screenshot gallery in docs/gallery: every architecture after a short run, and every lab, at 1366x768.

`make shots` (python -m gui.gallery) renders them all in one process, offscreen, with `shot`, which waits until
the window is idle; the index page names what each picture shows. They are what a student sees on the most
common laptop screen, so a layout change that squeezes a panel shows up here before a user finds it.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass

SIZE = (1366, 768)
TRAIN_BATCHES = 60  # enough for every live view to have drawn something, few enough to keep `make shots` short
LAB_PRESET = "cnn"  # the project the app opens on by default, behind the labs
INDEX = "README.md"


@dataclass(frozen=True)
class Entry:
    file: str
    title: str
    preset: str
    train_batches: int = 0
    lab: str | None = None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def entries() -> list[Entry]:
    import models.families  # noqa: F401  (registers the presets)
    from models.spec.presets import all_presets

    from .labs import lab_classes

    shots = [Entry(f"preset-{p.name}.png", f"{p.title} ({p.group}), after {TRAIN_BATCHES} batches", p.name,
                   TRAIN_BATCHES) for p in all_presets()]
    shots += [Entry(f"lab-{_slug(lab.title)}.png", f"Lab: {lab.title}", LAB_PRESET, lab=lab.title)
              for lab in lab_classes()]
    return shots


def index(shots: list[Entry]) -> str:
    lines = ["# Screenshot gallery", "",
             f"Made by `make shots` at {SIZE[0]}x{SIZE[1]}, the most common laptop screen: each architecture "
             f"in the Train mode after {TRAIN_BATCHES} training batches on its default data, and each lab in "
             "the Labs mode on its default settings.", ""]
    for shot in shots:
        lines += [f"## {shot.title}", "", f"![{shot.title}]({shot.file})", ""]
    return "\n".join(lines)


def make(out_dir: str, only: str | None = None) -> list[str]:
    """Render the gallery (or the entries whose file name contains `only`) into `out_dir`; return the files."""
    from .app import shot

    os.makedirs(out_dir, exist_ok=True)
    shots = entries()
    chosen = [s for s in shots if only is None or only in s.file]
    written = []
    for entry in chosen:
        path = os.path.join(out_dir, entry.file)
        shot(entry.preset, path, train_batches=entry.train_batches, size=SIZE, lab=entry.lab)
        print(f"wrote {path}", flush=True)
        written.append(path)
    if only is None:
        with open(os.path.join(out_dir, INDEX), "w", encoding="utf-8") as f:
            f.write(index(shots))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.gallery", description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=os.path.join("docs", "gallery"))
    parser.add_argument("--only", help="render only the entries whose file name contains this")
    args = parser.parse_args(argv)
    make(args.out, args.only)
    sys.stdout.flush()
    os._exit(0)  # as run_app: PySide6 and TensorFlow tearing down together can abort in C++ destructors


if __name__ == "__main__":
    raise SystemExit(main())
