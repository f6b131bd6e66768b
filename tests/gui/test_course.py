"""The Course page: every chapter's demo opens in one click, progress is remembered, both languages show."""
from PySide6.QtCore import Qt

from gui.course import DONE_KEY, CoursePanel
from models.course import CHAPTERS, GLOSSARY, TIMELINE


def _course(win) -> CoursePanel:
    return next(p for p in win.host.labs if isinstance(p, CoursePanel))


def test_every_chapter_timeline_entry_and_term_opens_its_demo(window):
    course = _course(window)
    window.open_lab(course)
    lab_titles = {p.title for p in window.host.labs}
    for row, chapter in enumerate(CHAPTERS):
        course.chapters.setCurrentRow(row)
        assert course.open_demo(chapter.demo), chapter.key
        if chapter.demo.kind == "preset":
            assert window.document.experiment.preset == chapter.demo.target
            if chapter.demo.dataset:
                assert window.document.experiment.dataset == chapter.demo.dataset
        elif chapter.demo.kind == "lab":
            lab = next(p for p in window.host.labs if p.title == chapter.demo.target)
            assert window.host.lab_open(lab)
    for demo in [e.demo for e in TIMELINE if e.demo] + [t.demo for t in GLOSSARY if t.demo]:
        assert demo.kind != "lab" or demo.target in lab_titles, demo.target
    course.open_demo(CHAPTERS[0].demo)
    assert course.pages.currentIndex() == 1  # the history chapter opens the timeline


def test_help_menu_opens_the_course_and_the_labs_menu_does_not_list_it(window):
    menus = {a.text(): a.menu() for a in window.menuBar().actions()}
    assert "Course" not in [a.text() for a in menus["&Labs"].actions()]
    assert "Hebb's rule" in [a.text() for a in menus["&Labs"].actions()]
    course_action = next(a for a in menus["&Help"].actions() if "Course" in a.text())
    assert course_action.shortcut().toString() == "F1"
    course_action.trigger()
    assert window.host.lab_open(_course(window))


def test_progress_is_kept_and_chinese_shows(window, make_window, settings):
    course = _course(window)
    course.chapters.setCurrentRow(2)
    course.done_box.setChecked(True)
    assert course.chapters.item(2).checkState() == Qt.CheckState.Checked
    assert "1 of" in course.progress.text() and CHAPTERS[2].key in settings.value(DONE_KEY)
    course.language.setCurrentIndex(course.language.findData("zh_CN"))
    assert "赫布" in course.chapters.item(2).text() and "已完成 1" in course.progress.text()
    assert "操作" in course.todo.text() and "感受野" in course.glossary.item(
        next(i for i, t in enumerate(GLOSSARY) if t.en == "receptive field"), 1).text()
    course.filter.setText("感受野")
    shown = [r for r in range(course.glossary.rowCount()) if not course.glossary.isRowHidden(r)]
    assert len(shown) == 1
    again = _course(make_window("mlp"))  # a new window with the same settings: language and progress kept
    assert again.lang == "zh_CN" and CHAPTERS[2].key in again.done
    assert again.chapters.item(2).checkState() == Qt.CheckState.Checked
