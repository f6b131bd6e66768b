"""Before QApplication: can Qt open a window here? If not, say exactly why and what to install.

Qt's own failure is a cryptic "Could not load the Qt platform plugin 'xcb'" and an abort (SIGABRT) that Python
cannot catch: the pip wheels bundle Qt but not the X11 libraries its xcb plugin links against
(libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, ... are often missing on a fresh Debian or Ubuntu), and with
no X server at all the message is the same. So the GUI path (main.py's `gui` command, `make run`) asks the
system's dynamic loader (`ldd`) which of the plugin's libraries it cannot find, and checks that the display
answers, first. Only the standard library and QtCore (for translatable strings) are imported here: nothing
that itself needs a display or the missing libraries.

`python -m gui.platform_check` runs the same check on its own (exit 0 or 2); with `--missing-packages debian` it
prints the Debian/Ubuntu packages the xcb plugin lacks here (.ci/run installs them).
"""
from __future__ import annotations

import importlib.util
import os
import re
import socket
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

EXIT_PROBLEM = 2

# soname -> (Debian/Ubuntu package, Fedora package). The libraries Qt 6's xcb and wayland plugins (and the Qt
# libraries under them) load that a desktop install may lack; an unlisted one is still named, with a search
# command instead of a package.
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libXau.so.6": ("libxau6", "libXau"),
    "libXdmcp.so.6": ("libxdmcp6", "libXdmcp"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
}

# Every Debian/Ubuntu package behind the libraries the pip wheels' xcb plugin and Qt's GUI library link against
# (the README's install line). A desktop has most; the error message names only what is missing on the machine
# at hand.
XCB_PACKAGES_DEBIAN = ("libxcb1", "libx11-6", "libx11-xcb1", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1",
                       "libxcb-image0", "libxcb-util1", "libxcb-render-util0", "libxcb-randr0", "libxcb-render0",
                       "libxcb-shape0", "libxcb-shm0", "libxcb-sync1", "libxcb-xfixes0", "libxcb-xkb1",
                       "libxkbcommon0", "libxkbcommon-x11-0", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3",
                       "libglib2.0-0")

LDD_TIMEOUT_S = 15.0
DISPLAY_TIMEOUT_S = 3.0


def _tr(text: str) -> str:
    """Translatable text; QtCore alone needs no display, and without Qt the English text is shown."""
    try:
        from PySide6.QtCore import QCoreApplication
    except ImportError:
        return text
    return QCoreApplication.translate("PlatformCheck", text)


@dataclass
class Problem:
    """Why no window can open here; `message` is the whole text for the user."""

    kind: str  # "libraries" | "no-display" | "display-unreachable" | "wayland-unreachable"
    platform: str
    missing: list[str] = field(default_factory=list)
    message: str = ""


def platforms_to_try(env: Mapping[str, str], system: str = sys.platform) -> list[str]:
    """The platform plugins Qt will try, in its order (QGuiApplication's rules for Qt 6 on Linux).

    QT_QPA_PLATFORM wins ("wayland;xcb" means try both; "offscreen:fontengine=..." carries options). Unset, a
    Wayland session tries wayland and falls back to xcb; anything else is xcb. Outside Linux: [] (the wheels
    for macOS and Windows bundle everything their platform plugin needs).
    """
    explicit = env.get("QT_QPA_PLATFORM", "").strip()
    if explicit:
        return [p.split(":", 1)[0].strip() for p in explicit.split(";") if p.split(":", 1)[0].strip()]
    if not system.startswith("linux"):
        return []
    if env.get("XDG_SESSION_TYPE", "").strip().lower() == "wayland":
        return ["wayland", "xcb"]
    return ["xcb"]


def plugin_file(platform: str, env: Mapping[str, str]) -> Path | None:
    """The platform plugin's .so in PySide6's Qt (or QT_QPA_PLATFORM_PLUGIN_PATH), None when not found."""
    folders: list[Path] = []
    if env.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        folders.append(Path(env["QT_QPA_PLATFORM_PLUGIN_PATH"]))
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        folders.append(Path(location) / "Qt" / "plugins" / "platforms")
    names = [f"libq{platform}.so"] + (["libqwayland-generic.so"] if platform == "wayland" else [])
    for folder in folders:
        for name in names:
            if (folder / name).is_file():
                return folder / name
    return None


def parse_ldd(text: str) -> list[str]:
    """The sonames `ldd` reports as "not found", each once, in its order."""
    missing: list[str] = []
    for line in text.splitlines():
        m = re.match(r"\s*(\S+)\s+=>\s+not found", line)
        if m and m.group(1) not in missing:
            missing.append(m.group(1))
    return missing


def missing_libraries(path: Path, env: Mapping[str, str]) -> list[str] | None:
    """What the dynamic loader cannot find for `path` and everything under it; None when `ldd` cannot tell."""
    try:
        done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=LDD_TIMEOUT_S,
                              env=dict(env), check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    missing = parse_ldd(done.stdout)
    if done.returncode != 0 and not missing:
        return None
    return missing


def x_display_address(display: str) -> tuple[str, object] | None:
    """DISPLAY -> ("unix", [socket paths]) or ("tcp", (host, port)); None when the form is not one we know."""
    m = re.fullmatch(r"(?:(?P<proto>[a-z]+)/)?(?P<host>[^:/]*):(?P<num>\d+)(?:\.\d+)?", display.strip())
    if not m:
        return None
    host, num = m.group("host"), int(m.group("num"))
    if host in ("", "unix") and m.group("proto") in (None, "unix"):
        path = f"/tmp/.X11-unix/X{num}"
        return "unix", [path, "\0" + path]  # the file, and Linux's abstract socket of the same name
    return "tcp", (host or "localhost", 6000 + num)


def x_server_answers(display: str, timeout: float = DISPLAY_TIMEOUT_S) -> bool | None:
    """Whether something accepts connections at DISPLAY's socket; None for a DISPLAY form we cannot check."""
    address = x_display_address(display)
    if address is None:
        return None
    kind, where = address
    if kind == "unix":
        for path in where:  # type: ignore[union-attr]
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                s.settimeout(timeout)
                try:
                    s.connect(path)
                    return True
                except OSError:
                    continue
        return False
    try:
        socket.create_connection(where, timeout=timeout).close()  # type: ignore[arg-type]
        return True
    except OSError:
        return False


def wayland_socket(env: Mapping[str, str]) -> Path | None:
    """Where the Wayland compositor listens (WAYLAND_DISPLAY under XDG_RUNTIME_DIR); None when unknowable."""
    name = env.get("WAYLAND_DISPLAY", "").strip() or "wayland-0"
    if os.path.isabs(name):
        return Path(name)
    runtime = env.get("XDG_RUNTIME_DIR", "").strip()
    return Path(runtime) / name if runtime else None


def install_lines(missing: list[str]) -> list[str]:
    """The commands that install `missing` on Debian/Ubuntu and Fedora, and a search hint for unknown names."""
    debian = sorted({PACKAGES[n][0] for n in missing if n in PACKAGES})
    fedora = sorted({PACKAGES[n][1] for n in missing if n in PACKAGES})
    unknown = [n for n in missing if n not in PACKAGES]
    lines = []
    if debian:
        lines.append(_tr("    Debian/Ubuntu:  sudo apt-get install {packages}").format(packages=" ".join(debian)))
        lines.append(_tr("    Fedora:         sudo dnf install {packages}").format(packages=" ".join(fedora)))
    for name in unknown:
        lines.append(_tr("    {name}: find its package with `apt-file search {name}` (Debian/Ubuntu) or "
                         "`dnf provides '*/{name}'` (Fedora)").format(name=name))
    return lines


def missing_debian_packages(env: Mapping[str, str]) -> list[str]:
    """The Debian/Ubuntu packages of the xcb plugin's missing libraries (all of the README's when the plugin or
    ldd cannot be found); a library without a known package is named on stderr."""
    plugin = plugin_file("xcb", env)
    missing = missing_libraries(plugin, env) if plugin is not None else None
    if missing is None:
        return list(XCB_PACKAGES_DEBIAN)
    for name in missing:
        if name not in PACKAGES:
            print(f"platform_check: no known package for {name}", file=sys.stderr)
    return sorted({PACKAGES[name][0] for name in missing if name in PACKAGES})


def _headless_hint() -> str:
    return _tr("Without a screen (a server, SSH, CI) use the commands, which need none: `python main.py train cnn`, "
               "or `python main.py shot --preset cnn --out shot.png` to render the window to a PNG; "
               "QT_QPA_PLATFORM=offscreen runs the app with no display at all.")


def _libraries_message(platform: str, missing: list[str]) -> str:
    what = {"xcb": _tr("the X11 display (Qt's xcb platform plugin)"),
            "wayland": _tr("Wayland (Qt's wayland platform plugin)")}.get(
        platform, _tr("Qt's {platform} platform plugin").format(platform=platform))
    lines = [_tr("layerwise: cannot open a window: {what} needs system libraries that are not installed:")
             .format(what=what),
             "    " + ", ".join(missing),
             _tr("Install them, then start Layerwise again:"),
             *install_lines(missing)]
    return "\n".join(lines)


def _no_display_message(missing: list[str]) -> str:
    lines = [_tr("layerwise: cannot open a window: no display found (DISPLAY is not set and there is no Wayland "
                 "session)."),
             _tr("Start Layerwise from a desktop session, or with X forwarding (`ssh -X`)."),
             _headless_hint()]
    if missing:
        lines += [_tr("On a display, Qt's xcb plugin will also need libraries that are not installed: {names}")
                  .format(names=", ".join(missing)), *install_lines(missing)]
    return "\n".join(lines)


def _unreachable_message(display: str) -> str:
    return "\n".join([
        _tr("layerwise: cannot open a window: DISPLAY is {display}, but no X server answers there (it was closed, "
            "or this shell belongs to another session).").format(display=display),
        _tr("Start Layerwise from a terminal inside your desktop session, or set DISPLAY to a running X server."),
        _headless_hint()])


def _wayland_message(path: Path | None) -> str:
    where = str(path) if path else "WAYLAND_DISPLAY"
    return "\n".join([
        _tr("layerwise: cannot open a window: QT_QPA_PLATFORM asks for Wayland, but no compositor listens at "
            "{where}.").format(where=where),
        _tr("Start Layerwise inside a Wayland session, or use QT_QPA_PLATFORM=xcb on an X11 desktop."),
        _headless_hint()])


def diagnose(env: Mapping[str, str] | None = None, system: str = sys.platform,
             find_plugin: Callable[[str, Mapping[str, str]], Path | None] = plugin_file,
             find_missing: Callable[[Path, Mapping[str, str]], list[str] | None] = missing_libraries,
             x_answers: Callable[[str], bool | None] = x_server_answers,
             exists: Callable[[Path], bool] = Path.exists) -> Problem | None:
    """None when the first platform Qt will try that can work here does; else the most useful Problem.

    Only xcb and wayland are checked: other platforms (offscreen, minimal, vnc, eglfs, ...) need no display
    server, and macOS/Windows need nothing. A check that cannot decide (no ldd, an unusual DISPLAY) passes:
    this must never stop a machine on which Qt would have started.
    """
    env = os.environ if env is None else env
    problems: list[Problem] = []
    for platform in platforms_to_try(env, system):
        if platform not in ("xcb", "wayland"):
            return None
        plugin = find_plugin(platform, env)
        missing = (find_missing(plugin, env) if plugin is not None else None) or []
        if platform == "xcb":
            display = env.get("DISPLAY", "").strip()
            if not display:  # first: on a machine with no screen, installing libraries would not help
                problems.append(Problem("no-display", platform, missing, _no_display_message(missing)))
            elif missing:
                problems.append(Problem("libraries", platform, missing, _libraries_message(platform, missing)))
            elif x_answers(display) is False:
                problems.append(Problem("display-unreachable", platform, message=_unreachable_message(display)))
            else:
                return None
            continue
        path = None if env.get("WAYLAND_SOCKET") else wayland_socket(env)  # a handed-over socket: trust it
        if path is not None and not exists(path):
            problems.append(Problem("wayland-unreachable", platform, message=_wayland_message(path)))
        elif missing:
            problems.append(Problem("libraries", platform, missing, _libraries_message(platform, missing)))
        else:
            return None
    if not problems:
        return None
    # Every platform failed: report xcb's problem (Qt falls back to it, and it is what the README documents).
    return next((p for p in problems if p.platform == "xcb"), problems[0])


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args == ["--missing-packages", "debian"]:  # for .ci/run: what apt must add for the xcb plugin here
        print(" ".join(missing_debian_packages(os.environ)))
        return 0
    problem = diagnose()
    if problem is not None:
        print(problem.message, file=sys.stderr)
        return EXIT_PROBLEM
    platforms = platforms_to_try(os.environ)
    print(_tr("Display check passed ({platforms}): Layerwise can open its window.").format(
        platforms=", ".join(platforms) or sys.platform))
    return 0


if __name__ == "__main__":
    sys.exit(main())
