"""The window's language: Qt's own translations (`tr()`, `.ts`/`.qm` files), English or Simplified Chinese.

Every visible string in gui/ goes through `tr()` or `QCoreApplication.translate`; text that comes from models/
(preset explanations, layer help, dataset descriptions) is model data without Qt, so the window translates it
where it shows it, with `model_text` (context "models"). `python -m gui.i18n` collects both into
resources/i18n/layerwise_zh_CN.ts with pyside6-lupdate and compiles the .qm with pyside6-lrelease. The .qm is
committed (it is small): `python main.py` works without a Makefile step, and a test checks it is up to date.

Changing the language needs a restart: live re-translation would need every widget to rebuild its texts.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase

from models.course import check_language

LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "中文"}
SETTINGS_KEY = "ui/language"
I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"
CJK_FONT_PACKAGE = "fonts-noto-cjk"
MODELS_CONTEXT = "models"
_installed: list[QTranslator] = []


def language_of(settings: QSettings | None, explicit: str | None = None) -> str:
    """--lang first, then the one chosen in View > Language, then the system's; anything unknown is English."""
    for candidate in (explicit, settings.value(SETTINGS_KEY, "") if settings is not None else "",
                      QLocale.system().name()):
        if candidate:
            try:
                return check_language(str(candidate))
            except ValueError:
                if candidate is explicit:
                    raise
    return "en"


def translation_file(lang: str) -> Path:
    return I18N_DIR / f"layerwise_{lang}.qm"


def install(app: QCoreApplication, lang: str) -> str:
    """Load our translation and Qt's own (standard dialogs' buttons) into `app`; returns the language in use.

    English is the source language and needs no file. The translators are kept here so they live as long as the
    app (a QTranslator that is garbage-collected silently stops translating)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    kept: list[QTranslator] = []
    if lang != "en":
        ours = QTranslator(app)
        if not ours.load(str(translation_file(lang))):
            print(f"Layerwise: no translation for {lang} ({translation_file(lang)}); the window stays in English",
                  file=sys.stderr)
            lang = "en"
        else:
            kept.append(ours)
            qt = QTranslator(app)
            if qt.load(QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                kept.append(qt)
    for t in kept:
        app.installTranslator(t)
    app.setProperty("layerwise_language", lang)
    _installed.extend(kept)
    return lang


def current_language() -> str:
    app = QCoreApplication.instance()
    lang = app.property("layerwise_language") if app is not None else None
    return str(lang or "en")


def model_text(text: str) -> str:
    """A string from models/ (a preset's explanation, a layer's help) in the window's language."""
    return QCoreApplication.translate(MODELS_CONTEXT, text) if text else text


def missing_cjk_font() -> bool:
    """True when Chinese is chosen but no installed font has Chinese glyphs (the text would be boxes)."""
    return not QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


def font_notice() -> str:
    return QCoreApplication.translate(
        "Language", "No Chinese font is installed, so Chinese text shows as boxes. Install one and restart "
                    "Layerwise: on Debian or Ubuntu, sudo apt install {package}.").format(package=CJK_FONT_PACKAGE)


# --- keeping the translation files up to date (python -m gui.i18n) -----------------------------------------------
def model_strings() -> list[str]:
    """Every string from models/ that the window shows, so lupdate can list it for translation."""
    import models.families  # noqa: F401  (registers the presets, datasets and family options)
    from models.data.base import available
    from models.spec.catalog import CATALOG, CATEGORIES
    from models.spec.options import all_options
    from models.spec.presets import GROUPS, all_presets

    seen: dict[str, None] = {}
    for text in GROUPS + CATEGORIES:
        seen[text] = None
    for preset in all_presets():
        seen[preset.title] = seen[preset.explanation] = None
    for ltype in CATALOG.values():
        seen[ltype.help] = None
        for p in ltype.params:
            seen[p.help] = None
    for description in available().values():
        seen[description] = None
    for opts in all_options():
        for p in opts.params:
            seen[p.help] = None
        for text in opts.text.values():
            seen[text] = None
    from models.data import DatasetError, load_dataset

    for name in available():  # what the dataset preview shows: title, where the data came from, notes
        if name.endswith("-N") or name in ("images", "table", "corpus-file"):
            continue
        try:
            info = load_dataset(name).info
        except (DatasetError, OSError, ValueError):
            continue
        for text in (info.title, info.source, info.notes):
            seen[text] = None
    from models.labs import activations, convolution, gradient_descent, mcp

    for act in activations.ACTIVATIONS.values():
        seen[act.explanation] = None
    for surface in gradient_descent.SURFACES.values():
        seen[surface.title] = seen[surface.explanation] = None
    for text in (*convolution.KERNEL_TITLES.values(), mcp.XOR_REASON):
        seen[text] = None
    return [s for s in seen if s]


def _models_source(strings: list[str]) -> str:
    lines = ["# Generated by python -m gui.i18n for pyside6-lupdate; not imported.",
             "from PySide6.QtCore import QT_TRANSLATE_NOOP", ""]
    lines += [f"QT_TRANSLATE_NOOP({MODELS_CONTEXT!r}, {s!r})" for s in strings]
    return "\n".join(lines) + "\n"


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: it comes with PySide6 (make venv)")
    return found


def update(lang: str = "zh_CN") -> Path:
    """lupdate over gui/ and the models' strings (obsolete entries dropped), then lrelease."""
    root = I18N_DIR.parent.parent
    ts = I18N_DIR / f"layerwise_{lang}.ts"
    with tempfile.TemporaryDirectory(prefix="layerwise-i18n-", dir=root) as tmp:
        src = Path(tmp) / "models_strings.py"
        src.write_text(_models_source(model_strings()), encoding="utf-8")
        sources = sorted(str(p) for p in (root / "gui").rglob("*.py")) + [str(src)]
        subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)],
                       check=True, cwd=root)
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(translation_file(lang))], check=True, cwd=root)
    return ts


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(update())
