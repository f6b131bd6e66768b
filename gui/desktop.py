"""The application icon, and the desktop-menu entry a user installs without root (`make install-desktop`).

One drawing, resources/layerwise.svg, is the source of every icon: Qt renders it for the window and the
taskbar, and `install` renders the PNG sizes of the freedesktop icon theme from it next to the SVG, for
menus and docks that do not read SVG. Everything goes under ~/.local/share (XDG_DATA_HOME), nothing needs root.

    python -m gui.desktop install      # ~/.local/share/applications/layerwise.desktop + icons
    python -m gui.desktop uninstall
"""
from __future__ import annotations

import argparse
import os
import shlex
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from models.data.base import RESOURCES

APP_ID = "layerwise"  # the .desktop file's name, the themed icon's name and the Wayland app id
ROOT = Path(__file__).resolve().parents[1]  # main.py sits here in a checkout and, as a module, in site-packages
ICON_SVG = RESOURCES / "layerwise.svg"
DESKTOP_TEMPLATE = RESOURCES / "layerwise.desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Desktop", text)


def app_icon() -> QIcon:
    """The window and taskbar icon, drawn from the SVG at whatever size the desktop asks for."""
    if not ICON_SVG.is_file():
        return QIcon()
    icon = QIcon(str(ICON_SVG))  # Qt's SVG icon engine renders each size sharply
    if icon.pixmap(32, 32).isNull():
        icon = QIcon()  # without the SVG icon plugin: the same drawing, pre-rendered by QtSvg
        for size in PNG_SIZES:
            icon.addPixmap(QPixmap.fromImage(render_png(size)))
    return icon


def render_png(size: int) -> QImage:
    """The icon at `size` x `size` pixels, transparent around the rounded square."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise ValueError(f"{ICON_SVG}: not a valid SVG")
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def data_home(env: Mapping[str, str] = os.environ) -> Path:
    """$XDG_DATA_HOME, or ~/.local/share (the freedesktop default)."""
    value = env.get("XDG_DATA_HOME", "").strip()
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def desktop_entry(python: str, main_py: str) -> str:
    """The template with Exec/TryExec pointing at this checkout's Python and main.py (quoted per the spec)."""

    def quote(arg: str) -> str:
        # The spec: an argument with a reserved character is put in double quotes, with " ` $ and \ escaped by
        # a backslash; then the string escape doubles every backslash; % is the field-code escape, written %%.
        arg = arg.replace("%", "%%")
        if any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
            arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
        return arg.replace("\\", "\\\\")

    lines = []
    for line in DESKTOP_TEMPLATE.read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = f"Exec={quote(python)} {quote(main_py)} gui %f"
        elif line.startswith("TryExec="):
            line = "TryExec=" + python.replace("\\", "\\\\")
        lines.append(line)
    return "\n".join(lines) + "\n"


def installed_paths(home: Path) -> list[Path]:
    icons = home / "icons" / "hicolor"
    return ([home / "applications" / f"{APP_ID}.desktop", icons / "scalable" / "apps" / f"{APP_ID}.svg"]
            + [icons / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in PNG_SIZES])


def install(home: Path, python: str = sys.executable, main_py: str = str(ROOT / "main.py")) -> list[Path]:
    """Write the .desktop file and the icons under `home` (XDG_DATA_HOME); returns what was written."""
    desktop, svg, *pngs = installed_paths(home)
    for path in (desktop, svg, *pngs):
        path.parent.mkdir(parents=True, exist_ok=True)
    svg.write_bytes(ICON_SVG.read_bytes())
    for size, path in zip(PNG_SIZES, pngs):
        if not render_png(size).save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
    desktop.write_text(desktop_entry(python, main_py), encoding="utf-8")
    desktop.chmod(0o755)  # some desktops only launch entries marked executable
    return [desktop, svg, *pngs]


def uninstall(home: Path) -> list[Path]:
    removed = []
    for path in installed_paths(home):
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gui.desktop", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["install", "uninstall"])
    args = parser.parse_args(argv)
    home = data_home()
    if args.action == "install":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # rendering the PNGs needs no display
        from PySide6.QtGui import QGuiApplication

        app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs one)
        written = install(home)
        command = shlex.join([sys.executable, str(ROOT / "main.py"), "gui"])
        print(_tr("Installed the Layerwise menu entry {entry} and its icon in {icons} ({count} files); it starts "
                  "{command}. `make uninstall-desktop` removes them.").format(
            entry=written[0], icons=home / "icons" / "hicolor", count=len(written) - 1, command=command))
    else:
        removed = uninstall(home)
        print(_tr("Removed {count} files under {home}.").format(count=len(removed), home=home) if removed
              else _tr("Nothing to remove: the menu entry was not installed under {home}.").format(home=home))
    return 0


if __name__ == "__main__":
    sys.exit(main())
