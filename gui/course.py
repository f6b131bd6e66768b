"""The Course: the notes' chapters in order, each opening its demo in one click, with a question to check in it.

The text is course content (models/course, in English and Simplified Chinese, also printed by `main.py course`);
this page only lays it out, opens the demos through the window and remembers which chapters are done.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QScrollArea, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from gui import theme
from gui.i18n import current_language, model_text
from gui import widgets as lw
from gui.panels.base import Panel, PanelContext
from models.course import CHAPTERS, GLOSSARY, TIMELINE, Chapter, Demo, check_language
from models.course.chapters import LAB_NAMES_ZH
from models.spec.presets import get_preset

DONE_KEY = "course/done"
LANGUAGE_KEY = "course/language"
TIMELINE_PAGE, GLOSSARY_PAGE = "timeline", "glossary"


def default_language(settings: QSettings) -> str:
    """The course's language: the one chosen on this page last time, else the window's (View > Language)."""
    stored = settings.value(LANGUAGE_KEY, "")
    try:
        return check_language(str(stored or current_language()))
    except ValueError:
        return "en"


class CoursePanel(Panel):
    """Chapter list on the left, the chosen chapter (or the timeline, or the glossary) on the right."""

    title = QT_TRANSLATE_NOOP("Panels", "Course")
    area = "lab"
    shortcut = "F1"
    in_lab_menu = False  # the Help menu opens it (F1); the Labs menu lists the labs the chapters open

    def __init__(self, ctx: PanelContext) -> None:
        super().__init__(ctx)
        self.settings: QSettings = ctx.settings
        self.lang = default_language(self.settings)
        done = self.settings.value(DONE_KEY, [])
        self.done: set[str] = {done} if isinstance(done, str) else set(done or ())  # QSettings: one item -> str
        layout = lw.panel_row(self)

        left = QVBoxLayout()
        row = QHBoxLayout()
        self.heading = lw.heading("")
        row.addWidget(self.heading, 1)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("中文", "zh_CN")
        self.language.setCurrentIndex(self.language.findData(self.lang))
        self.language.setToolTip(self.tr("The language of the course text (English or Simplified Chinese)."))
        self.language.currentIndexChanged.connect(self._language_changed)
        row.addWidget(self.language)
        left.addLayout(row)
        self.progress = lw.muted("")
        left.addWidget(self.progress)
        self.chapters = QListWidget()
        self.chapters.setToolTip(self.tr("The notes' chapters in order. Tick a chapter when you have answered "
                                         "its question; your progress is kept between sessions."))
        self.chapters.setWordWrap(True)
        self.chapters.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.chapters.currentRowChanged.connect(self._show_row)
        self.chapters.itemChanged.connect(self._ticked)
        left.addWidget(self.chapters, 1)
        side = QWidget()
        side.setLayout(left)
        side.setMinimumWidth(240)
        side.setMaximumWidth(360)
        layout.addWidget(side, 2)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._chapter_page())
        self.pages.addWidget(self._timeline_page())
        self.pages.addWidget(self._glossary_page())
        layout.addWidget(self.pages, 5)
        self._fill()
        self.chapters.setCurrentRow(0)

    # --- pages ----------------------------------------------------------------------------------------------
    def _chapter_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        body = QWidget()
        v = QVBoxLayout(body)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(theme.SPACING)
        self.chapter_title = lw.heading("")
        v.addWidget(self.chapter_title)
        self.concepts = lw.muted("")
        v.addWidget(self.concepts)
        self.todo = QLabel()
        self.notice = QLabel()
        self.question = QLabel()
        self.answer = QLabel()
        for label in (self.todo, self.notice, self.question, self.answer):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            v.addWidget(label)
        buttons = QHBoxLayout()
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_current_demo)
        buttons.addWidget(self.open_button)
        self.answer_button = QPushButton()
        self.answer_button.setCheckable(True)
        self.answer_button.toggled.connect(self.answer.setVisible)
        buttons.addWidget(self.answer_button)
        self.done_box = QCheckBox()
        self.done_box.toggled.connect(self._done_toggled)
        buttons.addWidget(self.done_box)
        buttons.addStretch(1)
        v.addStretch(1)
        scroll = QScrollArea()  # only on a short window: the text wraps, it is never cut
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)  # the buttons stay in sight
        return page

    def _timeline_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.timeline_title = lw.heading("")
        v.addWidget(self.timeline_title)
        self.timeline = QTableWidget(len(TIMELINE), 3)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.timeline.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.timeline.setWordWrap(True)
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.cellDoubleClicked.connect(lambda row, _col: self.open_demo(TIMELINE[row].demo))
        v.addWidget(self.timeline, 1)
        self.timeline_hint = lw.muted("")
        v.addWidget(self.timeline_hint)
        return page

    def _glossary_page(self) -> QWidget:
        page = QWidget()
        v = QVBoxLayout(page)
        v.setContentsMargins(0, 0, 0, 0)
        self.glossary_title = lw.heading("")
        v.addWidget(self.glossary_title)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_glossary)
        v.addWidget(self.filter)
        self.glossary = QTableWidget(len(GLOSSARY), 3)
        self.glossary.verticalHeader().setVisible(False)
        self.glossary.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.glossary.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.glossary.setWordWrap(True)
        self.glossary.horizontalHeader().setStretchLastSection(True)
        self.glossary.cellDoubleClicked.connect(lambda row, _col: self.open_demo(GLOSSARY[row].demo))
        v.addWidget(self.glossary, 1)
        self.glossary_hint = lw.muted("")
        v.addWidget(self.glossary_hint)
        return page

    # --- filling in the language ----------------------------------------------------------------------------
    def _zh(self) -> bool:
        return self.lang == "zh_CN"

    def _fill(self) -> None:
        zh = self._zh()
        self.heading.setText("课程" if zh else "Course")
        row = max(self.chapters.currentRow(), 0)
        self.chapters.blockSignals(True)
        self.chapters.clear()
        for i, c in enumerate(CHAPTERS, 1):
            item = QListWidgetItem(f"{i}. {c.title(self.lang)}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.key in self.done else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, c.key)
            self.chapters.addItem(item)
        self.chapters.blockSignals(False)
        self.timeline_title.setText("历史时间线，1943–2018" if zh else "History, 1943–2018")
        self.timeline.setHorizontalHeaderLabels(["年份", "事件", "说明"] if zh else ["Year", "Event", "What happened"])
        for r, e in enumerate(TIMELINE):
            self.timeline.setItem(r, 0, QTableWidgetItem(str(e.year)))
            self.timeline.setItem(r, 1, QTableWidgetItem(e.title(self.lang)))
            cell = QTableWidgetItem(e.sentence(self.lang))
            cell.setToolTip(self._demo_text(e.demo))
            self.timeline.setItem(r, 2, cell)
        self.timeline.resizeColumnsToContents()
        self.timeline.setColumnWidth(2, 560)
        self.timeline.resizeRowsToContents()
        self.timeline_hint.setText("双击一行打开它的演示。" if zh else "Double-click an entry to open its demo.")
        self.glossary_title.setText("术语表（中英对照）" if zh else "Glossary (English and Chinese)")
        self.filter.setPlaceholderText("筛选术语…" if zh else "Filter the terms…")
        self.glossary.setHorizontalHeaderLabels(["English", "中文", "说明" if zh else "Meaning"])
        for r, t in enumerate(GLOSSARY):
            self.glossary.setItem(r, 0, QTableWidgetItem(t.en))
            self.glossary.setItem(r, 1, QTableWidgetItem(t.zh))
            cell = QTableWidgetItem(t.explanation(self.lang))
            cell.setToolTip(self._demo_text(t.demo))
            self.glossary.setItem(r, 2, cell)
        self.glossary.resizeColumnsToContents()
        self.glossary.resizeRowsToContents()
        self.glossary_hint.setText("双击一个术语打开它的演示。" if zh else "Double-click a term to open its demo.")
        self.answer_button.setText("显示答案" if zh else "Show the answer")
        self.done_box.setText("已完成" if zh else "Done")
        self._update_progress()
        self.chapters.setCurrentRow(row)
        self._show_row(row)

    def _demo_text(self, demo: Demo | None) -> str:
        if demo is None:
            return "（没有演示）" if self._zh() else "(no demo)"
        if demo.kind == "lab":
            name = LAB_NAMES_ZH.get(demo.target, demo.target) if self._zh() else demo.target
            return ("打开实验：" if self._zh() else "Opens the lab: ") + name
        if demo.kind == "preset":
            title = get_preset(demo.target).title
            data = demo.dataset or get_preset(demo.target).default_dataset
            return (f"载入预设网络：{title}（数据集 {data}）" if self._zh()
                    else f"Loads the preset {title} with the {data} dataset")
        return demo.describe(self.lang)

    def _update_progress(self) -> None:
        n = sum(1 for c in CHAPTERS if c.key in self.done)
        self.progress.setText(f"已完成 {n} / {len(CHAPTERS)} 章" if self._zh() else f"{n} of {len(CHAPTERS)} "
                                                                                  "chapters done")

    # --- reacting -------------------------------------------------------------------------------------------
    @property
    def current(self) -> Chapter:
        return CHAPTERS[max(self.chapters.currentRow(), 0)]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        c = CHAPTERS[row]
        if c.demo.kind == "glossary":
            self.pages.setCurrentIndex(2)
        elif c.demo.kind == "timeline" and self.pages.currentIndex() == 1:
            pass  # stay on the timeline when it is already open
        else:
            self.pages.setCurrentIndex(0)
        zh = self._zh()
        self.chapter_title.setText(f"{row + 1}. {c.title(self.lang)}")
        numbers = ", ".join(str(n) for n in c.concepts)
        self.concepts.setText((f"讲义概念 {numbers}" if zh else f"Concepts {numbers} of the notes") if numbers else "")
        self.todo.setText(f"<b>{'操作' if zh else 'What to do'}</b><br>{c.todo(self.lang)}")
        self.notice.setText(f"<b>{'观察' if zh else 'What to notice'}</b><br>{c.notice(self.lang)}")
        self.question.setText(f"<b>{'问题' if zh else 'Question'}</b><br>{c.question(self.lang)}")
        self.answer.setText(f"<b>{'答案' if zh else 'Answer'}</b><br>{c.answer(self.lang)}")
        self.answer_button.setChecked(False)
        self.answer.setVisible(False)
        self.open_button.setText(("打开演示" if zh else "Open the demo") + " ▸")
        self.open_button.setToolTip(self._demo_text(c.demo))
        self.done_box.blockSignals(True)
        self.done_box.setChecked(c.key in self.done)
        self.done_box.blockSignals(False)

    def _language_changed(self) -> None:
        self.lang = str(self.language.currentData())
        self.settings.setValue(LANGUAGE_KEY, self.lang)
        self._fill()

    def _set_done(self, key: str, done: bool) -> None:
        (self.done.add if done else self.done.discard)(key)
        self.settings.setValue(DONE_KEY, sorted(self.done))
        self._update_progress()

    def _ticked(self, item: QListWidgetItem) -> None:
        key = str(item.data(Qt.ItemDataRole.UserRole))
        self._set_done(key, item.checkState() == Qt.CheckState.Checked)
        if key == self.current.key:
            self.done_box.blockSignals(True)
            self.done_box.setChecked(key in self.done)
            self.done_box.blockSignals(False)

    def _done_toggled(self, checked: bool) -> None:
        item = self.chapters.currentItem()
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)  # -> _ticked

    def _filter_glossary(self, text: str) -> None:
        needle = text.strip().lower()
        for r, t in enumerate(GLOSSARY):
            hay = f"{t.en} {t.zh} {t.explanation.en} {t.explanation.zh}".lower()
            self.glossary.setRowHidden(r, bool(needle) and needle not in hay)

    def open_current_demo(self) -> None:
        self.open_demo(self.current.demo)

    def open_demo(self, demo: Demo | None) -> bool:
        """One click from a chapter, a timeline entry or a term to what shows it. False when it could not."""
        if demo is None:
            return False
        if demo.kind == "timeline":
            self.pages.setCurrentIndex(1)
            return True
        if demo.kind == "glossary":
            self.pages.setCurrentIndex(2)
            return True
        if demo.kind == "lab":
            if not self.ctx.open_lab(demo.target):
                self.ctx.show_error(self.tr("The lab '{0}' is not available.").format(demo.target))
                return False
            return True
        if self.ctx.controller.running:
            self.ctx.show_error(self.tr("Stop training (or let it finish) before the course loads another network."))
            return False
        preset = get_preset(demo.target)
        try:
            experiment = preset.make(demo.dataset or None)
        except Exception as exc:  # noqa: BLE001 - a dataset that cannot be described: say so, keep the project
            self.ctx.show_error(self.tr("Could not load {0}: {1}").format(preset.title, exc))
            return False
        self.ctx.load_experiment(experiment, self.tr("Load {preset} (course)").format(
            preset=model_text(preset.title)))
        self.ctx.status(self._demo_text(demo))
        return True

    def on_experiment_changed(self, experiment: Any) -> None:
        """The course does not follow the project: it only opens demos."""


PANELS = [CoursePanel]
