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
from typing import Any, Callable

from PySide6.QtCore import Qt

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
    chapter: str = ""  # the Course's chapter to show (a key of models.course.CHAPTERS)


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


# The Course in Chinese (make shots-zh): its start page, the history timeline, and three chapters whose demos are
# a lab, a preset to train and a preset with its data.
COURSE_CHAPTERS = ("history", "convolution", "lstm", "gan")


def course_entries() -> list[Entry]:
    return [Entry(f"course-{key}.png", f"课程：{title}", LAB_PRESET, lab="Course", chapter=key)
            for key, title in _chapter_titles()]


def _chapter_titles() -> list[tuple[str, str]]:
    from models.course.chapters import chapter

    return [(key, chapter(key).title("zh_CN")) for key in COURSE_CHAPTERS]


def _open_chapter(key: str) -> Callable[[Any], None]:
    def setup(window: Any) -> None:
        window.open_lab_titled("Course")
        course = window.host.lab("Course")
        rows = [course.chapters.item(i).data(Qt.ItemDataRole.UserRole) for i in range(course.chapters.count())]
        course.chapters.setCurrentRow(rows.index(key))
    return setup


def index(shots: list[Entry], lang: str = "en") -> str:
    lines = ["# Screenshot gallery", "",
             f"Made by `make shots` at {SIZE[0]}x{SIZE[1]}, the most common laptop screen: each architecture "
             f"in the Train mode after {TRAIN_BATCHES} training batches on its default data, and each lab in "
             "the Labs mode on its default settings.", ""] if lang == "en" else [
             "# 课程截图（简体中文）", "",
             f"由 `make shots` 以 {SIZE[0]}x{SIZE[1]} 生成，窗口语言为中文（`--lang zh_CN`）：课程的历史时间线，"
             "以及三个章节，每章都有一键打开的演示、要做的事、要观察的现象和一个可在演示中验证的问题。", ""]
    for shot in shots:
        lines += [f"## {shot.title}", "", f"![{shot.title}]({shot.file})", ""]
    return "\n".join(lines)


def make(out_dir: str, only: str | None = None, lang: str = "en") -> list[str]:
    """Render the gallery (or the entries whose file name contains `only`) into `out_dir`; return the files.
    In Chinese (`lang` zh_CN) it is the Course: its pages the docs show to Chinese readers."""
    from .app import shot

    os.makedirs(out_dir, exist_ok=True)
    shots = entries() if lang == "en" else course_entries()
    chosen = [s for s in shots if only is None or only in s.file]
    written = []
    for entry in chosen:
        path = os.path.join(out_dir, entry.file)
        shot(entry.preset, path, train_batches=entry.train_batches, size=SIZE, lab=entry.lab, lang=lang,
             setup=_open_chapter(entry.chapter) if entry.chapter else None)
        print(f"wrote {path}", flush=True)
        written.append(path)
    if only is None:
        with open(os.path.join(out_dir, INDEX), "w", encoding="utf-8") as f:
            f.write(index(shots, lang))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.gallery", description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=os.path.join("docs", "gallery"))
    parser.add_argument("--only", help="render only the entries whose file name contains this")
    parser.add_argument("--lang", default="en", choices=("en", "zh_CN"),
                        help="zh_CN: the Course in Chinese (its start page and three chapters) instead")
    args = parser.parse_args(argv)
    make(args.out, args.only, args.lang)
    sys.stdout.flush()
    os._exit(0)  # as run_app: PySide6 and TensorFlow tearing down together can abort in C++ destructors


if __name__ == "__main__":
    raise SystemExit(main())
