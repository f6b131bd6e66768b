"""The application icon and the desktop-menu entry (`make install-desktop`): user-level files only."""
import shutil
import subprocess

import pytest
from PySide6.QtGui import QImage

from gui import desktop


def test_the_icon_renders_at_every_size(qapp):
    icon = desktop.app_icon()
    for size in (16, 48, 256):
        pixmap = icon.pixmap(size, size)
        assert not pixmap.isNull() and pixmap.width() == size
    image = desktop.render_png(64)
    assert image.pixelColor(32, 32).alpha() == 255 and image.pixelColor(0, 0).alpha() == 0  # drawn, rounded


def test_install_writes_the_entry_and_icons_under_the_data_home_and_uninstall_removes_them(qapp, tmp_path):
    written = desktop.install(tmp_path, python="/home/me/my venv/bin/python", main_py="/home/me/lw/main.py")
    assert all(path.is_file() and tmp_path in path.parents for path in written)
    entry = (tmp_path / "applications" / "layerwise.desktop").read_text(encoding="utf-8")
    assert 'Exec="/home/me/my venv/bin/python" /home/me/lw/main.py gui %f' in entry
    assert "TryExec=/home/me/my venv/bin/python" in entry and "Icon=layerwise" in entry
    for size in desktop.PNG_SIZES:
        png = QImage(str(tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "layerwise.png"))
        assert (png.width(), png.height()) == (size, size)
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "layerwise.svg").read_bytes() == \
        desktop.ICON_SVG.read_bytes()
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(tmp_path / "applications" / "layerwise.desktop")],
                              capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(desktop.uninstall(tmp_path)) == sorted(written)
    assert not any(path.exists() for path in written)


@pytest.mark.parametrize("path, quoted", [
    ("/opt/lw/bin/python", "/opt/lw/bin/python"),
    ("/home/a b/python", '"/home/a b/python"'),
    ("/home/100%/python", "/home/100%%/python"),
    ('/x/$HOME "q"/py', r'"/x/\\$HOME \\"q\\"/py"'),  # quoting escapes, then the string escape doubles them
])
def test_exec_quoting_follows_the_desktop_entry_spec(path, quoted):
    entry = desktop.desktop_entry(path, "/m/main.py")
    assert f"Exec={quoted} /m/main.py gui %f" in entry


def test_data_home_follows_xdg(tmp_path, monkeypatch):
    assert desktop.data_home({"XDG_DATA_HOME": str(tmp_path)}) == tmp_path
    assert desktop.data_home({"XDG_DATA_HOME": "relative/ignored"}).parts[-2:] == (".local", "share")
