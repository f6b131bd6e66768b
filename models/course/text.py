"""A sentence in both of the course's languages.

The course is content, not interface: the CLI prints it (`main.py course`) without Qt, so its text lives here as
data in English and in Simplified Chinese (the notes' own terms), and the window picks the language it runs in.
"""
from __future__ import annotations

from dataclasses import dataclass

LANGUAGES: tuple[str, ...] = ("en", "zh_CN")


class LanguageError(ValueError):
    """A language the course is not written in."""


def check_language(lang: str) -> str:
    """'en', 'en_US', 'zh', 'zh_CN', 'zh-Hans' ... -> 'en' or 'zh_CN'; anything else is refused."""
    key = lang.replace("-", "_").lower()
    if key == "c" or key.startswith("en"):
        return "en"
    if key.startswith("zh"):
        return "zh_CN"
    raise LanguageError(f"Layerwise is written in English (en) and Simplified Chinese (zh_CN), not {lang!r}")


@dataclass(frozen=True)
class Text:
    en: str
    zh: str

    def __call__(self, lang: str) -> str:
        return self.zh if check_language(lang) == "zh_CN" else self.en
