"""The start-up check before QApplication: what is missing for a window, said in one message, exit 2."""
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from gui import platform_check as pc

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = Path("/fake/libqxcb.so")


def diagnose(env, missing=(), answers=True, wayland_missing=(), exists=False, system="linux"):
    """diagnose() with the system replaced: which libraries are missing, whether X and Wayland answer."""
    def find_missing(path, _env):
        return list(wayland_missing if "wayland" in path.name else missing)

    return pc.diagnose(env, system=system, find_plugin=lambda name, _env: Path(f"/fake/libq{name}.so"),
                       find_missing=find_missing, x_answers=lambda display: answers, exists=lambda path: exists)


def test_platforms_follow_qt_rules():
    assert pc.platforms_to_try({}, "linux") == ["xcb"]
    assert pc.platforms_to_try({"XDG_SESSION_TYPE": "x11"}, "linux") == ["xcb"]
    assert pc.platforms_to_try({"XDG_SESSION_TYPE": "wayland"}, "linux") == ["wayland", "xcb"]
    assert pc.platforms_to_try({"QT_QPA_PLATFORM": "offscreen"}, "linux") == ["offscreen"]
    assert pc.platforms_to_try({"QT_QPA_PLATFORM": "wayland;xcb"}, "linux") == ["wayland", "xcb"]
    assert pc.platforms_to_try({"QT_QPA_PLATFORM": "xcb:nomitshm"}, "linux") == ["xcb"]
    assert pc.platforms_to_try({}, "darwin") == [] and pc.platforms_to_try({}, "win32") == []


def test_missing_xcb_libraries_are_named_with_both_install_commands():
    problem = diagnose({"DISPLAY": ":0"}, missing=["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert problem.kind == "libraries" and problem.platform == "xcb"
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4, libxcb-keysyms.so.1" in problem.message
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in problem.message
    assert "sudo dnf install xcb-util-cursor xcb-util-keysyms xcb-util-wm" in problem.message


def test_an_unknown_library_gets_a_search_command():
    problem = diagnose({"DISPLAY": ":0"}, missing=["libxcb-new.so.9"])
    assert "apt-file search libxcb-new.so.9" in problem.message and "dnf provides" in problem.message
    assert "apt-get install" not in problem.message


def test_no_display_says_so_and_points_to_headless_use():
    problem = diagnose({})
    assert problem.kind == "no-display"
    assert "no display" in problem.message and "QT_QPA_PLATFORM=offscreen" in problem.message
    assert "main.py shot" in problem.message and "apt-get" not in problem.message
    # without a display AND without the libraries, both are said (the display first)
    both = diagnose({}, missing=["libxcb-icccm.so.4"]).message
    assert both.index("no display") < both.index("sudo apt-get install libxcb-icccm4")


def test_display_that_does_not_answer():
    problem = diagnose({"DISPLAY": ":7"}, answers=False)
    assert problem.kind == "display-unreachable" and "DISPLAY is :7" in problem.message
    assert diagnose({"DISPLAY": "weird"}, answers=None) is None  # cannot tell: never block


def test_a_working_display_passes_and_other_platforms_are_not_checked():
    assert diagnose({"DISPLAY": ":0"}) is None
    assert diagnose({"QT_QPA_PLATFORM": "offscreen"}, missing=["libxcb-icccm.so.4"]) is None
    assert diagnose({}, system="darwin") is None and diagnose({}, system="win32") is None


def test_wayland_session_uses_wayland_when_it_works_and_falls_back_to_xcb():
    session = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": "/run/user/1",
               "DISPLAY": ":0"}
    assert diagnose(session, missing=["libxcb-icccm.so.4"], exists=True) is None  # Qt picks wayland
    assert diagnose(session, wayland_missing=["libwayland-cursor.so.0"], exists=True) is None  # falls back to xcb
    problem = diagnose(session, missing=["libxcb-icccm.so.4"], wayland_missing=["libwayland-cursor.so.0"],
                       exists=True)
    assert problem.platform == "xcb" and "libxcb-icccm4" in problem.message  # the fallback's fix is named
    only = diagnose({"QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": "/run/user/1"}, exists=False)
    assert only.kind == "wayland-unreachable" and "/run/user/1/wayland-0" in only.message


def test_ldd_output_is_parsed_and_a_missing_ldd_never_blocks(tmp_path):
    text = ("\tlinux-vdso.so.1 (0x00007ffd)\n\tlibxcb-icccm.so.4 => not found\n"
            "\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x0000)\n\tlibxcb-icccm.so.4 => not found\n"
            "\tlibxcb-keysyms.so.1 => not found\n")
    assert pc.parse_ldd(text) == ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    fake = tmp_path / "ldd"
    fake.write_text("#!/bin/sh\nprintf '\\tlibxcb-cursor.so.0 => not found\\n'\nexit 1\n")
    fake.chmod(0o755)
    assert pc.missing_libraries(PLUGIN, {"PATH": str(tmp_path)}) == ["libxcb-cursor.so.0"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert pc.missing_libraries(PLUGIN, {"PATH": str(empty)}) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_the_real_plugin_is_found_and_resolved():
    plugin = pc.plugin_file("xcb", os.environ)
    assert plugin is not None and plugin.name == "libqxcb.so"
    missing = pc.missing_libraries(plugin, os.environ)
    assert missing is None or all(".so" in name for name in missing)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="abstract unix sockets are Linux's")
def test_x_server_answers_on_its_socket():
    assert pc.x_display_address("localhost:10.0") == ("tcp", ("localhost", 6010))
    assert pc.x_display_address("unix:3")[0] == "unix" and pc.x_display_address(":3.0")[0] == "unix"
    assert pc.x_display_address("/private/tmp/com.apple.launchd.x/org.xquartz:0") is None
    number = 40000 + uuid.uuid4().int % 20000
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{number}")  # the abstract name: no file is left behind
        server.listen(1)
        assert pc.x_server_answers(f":{number}", timeout=1) is True
    assert pc.x_server_answers(f":{number}", timeout=1) is False


def _run_main(env_changes, args=(), path_prefix=None):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE")}
    env.update(env_changes)
    if path_prefix:
        env["PATH"] = f"{path_prefix}{os.pathsep}{env['PATH']}"
    code = ("import sys, main; rc = main.main(sys.argv[1:]); "
            "print('WIDGETS' if 'PySide6.QtWidgets' in sys.modules else 'NO-WIDGETS'); sys.exit(rc)")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120, check=False)


def test_main_gui_exits_2_with_the_message_before_qt_widgets_load(tmp_path):
    done = _run_main({})
    assert done.returncode == 2, done.stderr
    assert "no display found" in done.stderr and "Traceback" not in done.stderr
    assert "NO-WIDGETS" in done.stdout  # the check ran before Qt's widgets (and their xcb plugin) were touched
    # a display whose libraries are missing: the fake ldd reports what the loader would
    fake = tmp_path / "ldd"
    fake.write_text("#!/bin/sh\nprintf '\\tlibxcb-icccm.so.4 => not found\\n\\tlibxcb-keysyms.so.1 => not found\\n'\n")
    fake.chmod(0o755)
    done = _run_main({"DISPLAY": ":0"}, path_prefix=str(tmp_path))
    assert done.returncode == 2, done.stderr
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in done.stderr
    assert "Could not load the Qt platform plugin" not in done.stderr



def test_missing_debian_packages_for_ci(tmp_path, monkeypatch):
    fake = tmp_path / "ldd"
    fake.write_text("#!/bin/sh\nprintf '\\tlibxcb-icccm.so.4 => not found\\n\\tlibxcb-odd.so.1 => not found\\n'\n")
    fake.chmod(0o755)
    monkeypatch.setattr(pc, "plugin_file", lambda name, env: PLUGIN)
    assert pc.missing_debian_packages({"PATH": str(tmp_path)}) == ["libxcb-icccm4"]
    monkeypatch.setattr(pc, "plugin_file", lambda name, env: None)  # no PySide6: everything the README lists
    assert pc.missing_debian_packages({}) == list(pc.XCB_PACKAGES_DEBIAN)


def test_the_readme_lists_every_package_and_each_library_has_both_packages():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "sudo apt-get install " + " ".join(pc.XCB_PACKAGES_DEBIAN) in readme
    assert "fonts-noto-cjk" in readme
    assert set(pc.XCB_PACKAGES_DEBIAN) <= {debian for debian, _ in pc.PACKAGES.values()}
