"""The window fits the screen: its first size and place, remembered geometry, and the layout restored with it.

The real-display check (Xvfb at 1366x768 and 1280x720, frame and all) is .ci/desktop_smoke.py; these run on the
offscreen test screen (800x800) and on the arithmetic."""
from PySide6.QtCore import QByteArray, QMargins, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication

from gui import screen_fit
from gui.app import wait_until
from gui.main_window import MainWindow

ALLOW = screen_fit.FRAME_ALLOWANCE


def test_first_size_is_the_preferred_one_where_it_fits_and_centred():
    big = screen_fit.centred_rect(QSize(1480, 920), QRect(0, 0, 1920, 1080))
    assert big == QRect(220, 96, 1480, 920)  # the frame (40 px title bar, 8 px borders) centred
    for w, h in ((1366, 768), (1280, 720), (1366, 741)):  # the last: GNOME's top bar taken off
        available = QRect(0, 0, w, h)
        rect = screen_fit.centred_rect(QSize(1480, 920), available)
        assert available.contains(rect.marginsAdded(ALLOW)), (w, h, rect)
        assert rect.size() == QSize(w - 16, h - 48)  # all the room there is


def test_a_fitting_window_stays_where_the_user_put_it():
    client = QRect(100, 100, 900, 600)
    assert screen_fit.fit_rect(client, QRect(0, 0, 1366, 768)) == client


def test_remembered_geometry_from_a_larger_screen_is_shrunk_and_moved_in():
    available = QRect(0, 0, 1280, 720)
    for client in (QRect(0, 0, 1480, 920), QRect(1500, 900, 1000, 600), QRect(-400, -50, 900, 600)):
        fitted = screen_fit.fit_rect(client, available)
        assert available.contains(fitted.marginsAdded(ALLOW)), (client, fitted)
    # a second screen to the left of the primary one (negative coordinates) works the same
    assert screen_fit.fit_rect(QRect(-1000, 0, 900, 600), QRect(-1280, 0, 1280, 720)) == QRect(-1000, 40, 900, 600)


def test_a_window_that_cannot_fit_keeps_its_minimum_and_its_title_bar_on_screen():
    fitted = screen_fit.fit_rect(QRect(300, 300, 900, 700), QRect(0, 0, 800, 600), QMargins(8, 40, 8, 8),
                                 QSize(900, 700))
    assert fitted == QRect(8, 40, 900, 700)


def _new_window(settings):
    return MainWindow(settings=settings, preset="mlp")  # offline data: no download attempt to wait for


def _close(*windows):
    for win in windows:
        win.close_without_asking()
        assert win.controller.shutdown(timeout=15)
        win.deleteLater()


def test_the_main_window_opens_inside_the_screen_and_its_minimum_fits_small_screens(qtbot, settings):
    win = _new_window(settings)
    try:
        available = QApplication.primaryScreen().availableGeometry()  # the offscreen test screen, 800x800
        assert available.contains(win.geometry().marginsAdded(ALLOW)), (win.geometry(), available)
        # whatever the layout becomes, 1280x720 (a projector) must still hold the window and its frame
        minimum = win.minimumSizeHint().grownBy(ALLOW)
        assert minimum.width() <= 1280 and minimum.height() <= 720, minimum
    finally:
        _close(win)


def test_second_start_restores_the_layout_without_growing_and_corrects_a_huge_geometry(qtbot, settings):
    first = _new_window(settings)
    fresh_minimum = first.minimumSizeHint()
    first.show()  # a hidden window's layout is not laid out, and tabbed docks are listed only once it is
    first.workspaces.switch("train")
    fresh_tabs = {d.objectName() for d in first.tabifiedDockWidgets(first.docks["runs"])}
    lab = next(p for p in first.host.labs if p.title == "Softmax")
    first.open_lab(lab)
    first.setGeometry(QRect(-300, -200, 3000, 2000))  # as if saved on a much larger screen
    first.show()
    _close(first)
    assert isinstance(settings.value("window/geometry"), QByteArray)

    second = _new_window(settings)
    try:
        available = QApplication.primaryScreen().availableGeometry()
        assert available.contains(second.geometry().marginsAdded(ALLOW)), second.geometry()
        open_labs = [p.title for p in second.host.labs if second.host.lab_open(p)]
        assert open_labs == ["Softmax"]  # the lab that was open, and no other
        assert second.minimumSizeHint().width() <= fresh_minimum.width() + lab.minimumSizeHint().width()
        second.show()
        second.reset_layout()
        assert not [p for p in second.host.labs if second.host.lab_open(p)]
        # View > Reset layout: the first start's layout again, once Qt has laid it out (the separators beside the
        # central widget, empty in the Labs mode restored before, are counted on the next layout pass)
        wait_until(lambda: second.minimumSizeHint() == fresh_minimum, 2)
        assert second.minimumSizeHint() == fresh_minimum
        assert second.workspaces.mode == "design"
        second.workspaces.switch("train")
        runs = second.docks["runs"]  # the live panels are tabbed with the past runs again
        assert fresh_tabs and {d.objectName() for d in second.tabifiedDockWidgets(runs)} == fresh_tabs
    finally:
        _close(second)


def test_a_maximised_window_remembers_a_normal_geometry_that_fits(qtbot, settings):
    first = _new_window(settings)
    first.setGeometry(QRect(0, 0, 2600, 1600))
    first.showMaximized()
    assert wait_until(lambda: first.isMaximized(), 10)
    _close(first)
    second = _new_window(settings)
    try:
        assert second.windowState() & Qt.WindowState.WindowMaximized
        available = QApplication.primaryScreen().availableGeometry()
        assert available.contains(second.normalGeometry().marginsAdded(ALLOW)), second.normalGeometry()
    finally:
        _close(second)
