"""The course through the notes: chapters in the notes' order, a history timeline and a bilingual glossary.

Plain data (no Qt, no TensorFlow), so `main.py course` can print the syllabus and the window can show it.
"""
from __future__ import annotations

from .chapters import CHAPTERS, Chapter, Demo, chapter
from .glossary import GLOSSARY, Term
from .text import LANGUAGES, LanguageError, Text, check_language
from .timeline import TIMELINE, Event

__all__ = ["CHAPTERS", "Chapter", "Demo", "chapter", "GLOSSARY", "Term", "LANGUAGES", "LanguageError", "Text",
           "check_language", "TIMELINE", "Event", "syllabus"]


def syllabus(lang: str = "en", details: bool = False) -> str:
    """The chapters with the demo each opens, numbered, for a teacher to hand out."""
    lang = check_language(lang)
    zh = lang == "zh_CN"
    lines = ["Layerwise 课程：讲义各章及其演示" if zh else "The Layerwise course: the notes' chapters and their demos", ""]
    for i, c in enumerate(CHAPTERS, 1):
        concepts = (("概念 " if zh else "concepts ") + ", ".join(str(n) for n in c.concepts)) if c.concepts else ""
        lines.append(f"{i:>2}. {c.title(lang)}  [{c.demo.describe(lang)}]" + (f"  ({concepts})" if concepts else ""))
        if details:
            for label_en, label_zh, text in (("Do", "操作", c.todo), ("Notice", "观察", c.notice),
                                             ("Question", "问题", c.question)):
                lines.append(f"      {label_zh if zh else label_en}: {text(lang)}")
    return "\n".join(lines)
