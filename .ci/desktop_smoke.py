#!/usr/bin/env python3
"""Real-display smoke test: Layerwise under a real X server (Xvfb, Qt's xcb plugin), as a user starts it.

For each screen size (default 1366x768, then 1280x720 with the settings the first run saved, so the second
start also corrects a remembered geometry that no longer fits): start Xvfb, start the app through the same
start-up check and `run_app` as `python main.py`, wait until the X server has exposed the window, check that it
lies inside the screen (Qt's view and the X server's, via xwininfo), open a lab from the Labs menu, load a
preset from the palette, train a few batches, take a screenshot with the X server's own `xwd` (not Qt's grab),
close the window while it trains and require the process to be gone within 3 s.

    .ci/desktop_smoke.py [--size 1366x768 --size 1280x720] [--out out/desktop-smoke] [--wm twm]

Needs Xvfb, xwd and xwininfo (Debian: xvfb x11-apps x11-utils) and the xcb libraries (.ci/run installs all of
them). Exit 0 when every step passed; 1 with the failing step named (e.g. the window never appeared);
2 when a tool is missing.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
QUIT_LIMIT_S = 3.0
LAB = "Activation functions"
PRESET = "lstm"  # trains on generated sentences: no download, a few ms per batch
TOOLS = {"Xvfb": "xvfb", "xwd": "x11-apps", "xwininfo": "x11-utils"}


# --- XWD (the X server's screenshot format) to an RGB array --------------------------------------------------
def read_xwd(data: bytes) -> Any:
    """An XWD file (xwd -root) as an (H, W, 3) uint8 array; TrueColor visuals, 24 or 32 bits per pixel."""
    import numpy as np

    header = np.frombuffer(data[:100], dtype=">u4")  # the header is always big-endian
    (header_size, _version, pixmap_format, _depth, width, height, _xoffset, byte_order, _unit, _bit_order, _pad,
     bits_per_pixel, bytes_per_line, visual_class, red_mask, green_mask, blue_mask, _bits_rgb, _cmap_entries,
     ncolors) = (int(v) for v in header[:20])
    if pixmap_format != 2 or visual_class not in (4, 5) or bits_per_pixel not in (24, 32):
        raise ValueError(f"unsupported XWD: format {pixmap_format}, visual {visual_class}, {bits_per_pixel} bpp")
    start = header_size + 12 * ncolors
    rows = np.frombuffer(data[start:start + height * bytes_per_line], dtype=np.uint8).reshape(height, bytes_per_line)
    step = bits_per_pixel // 8
    raw = rows[:, :width * step].reshape(height, width, step).astype(np.uint32)
    order = range(step) if byte_order == 0 else range(step - 1, -1, -1)  # 0: least significant byte first
    pixels = sum(raw[:, :, i] << (8 * k) for k, i in enumerate(order))
    channels = []
    for mask in (red_mask, green_mask, blue_mask):
        shift = (mask & -mask).bit_length() - 1
        channels.append(((pixels & mask) >> shift) * 255 // (mask >> shift))
    return np.stack(channels, axis=-1).astype(np.uint8)


def frame_window(display: str, window: int) -> str:
    """The window's top-level ancestor (a window manager's frame around it, or the window itself)."""
    current = hex(window)
    for _ in range(20):
        out = subprocess.run(["xwininfo", "-display", display, "-children", "-id", current], capture_output=True,
                             text=True, timeout=10, check=True).stdout
        root = re.search(r"Root window id: (0x[0-9a-f]+)", out).group(1)  # type: ignore[union-attr]
        parent = re.search(r"Parent window id: (0x[0-9a-f]+)", out).group(1)  # type: ignore[union-attr]
        if parent == root:
            return current
        current = parent
    return current


def xwininfo(display: str, *args: str) -> dict[str, int]:
    """Absolute position and size of a window (or the root) as the X server reports them."""
    out = subprocess.run(["xwininfo", "-display", display, *args], capture_output=True, text=True, timeout=10,
                         check=True).stdout
    fields = {"x": r"Absolute upper-left X:\s+(-?\d+)", "y": r"Absolute upper-left Y:\s+(-?\d+)",
              "width": r"Width:\s+(\d+)", "height": r"Height:\s+(\d+)"}
    info = {k: int(re.search(p, out).group(1)) for k, p in fields.items()}  # type: ignore[union-attr]
    info["viewable"] = int("IsViewable" in out)
    return info


# --- the app side: runs inside the Layerwise process, driven from its event loop ----------------------------
EVENTS_FD = "LAYERWISE_SMOKE_EVENTS_FD"


def emit(event: str, **fields: Any) -> None:
    """One JSON line to the launcher, on a pipe of its own: the app's stdout and stderr are free for anything
    (Keras prints its download progress, and its redirect_stdout is process-wide)."""
    os.write(int(os.environ[EVENTS_FD]), (json.dumps({"event": event, **fields}) + "\n").encode())


class Driver:
    """Steps through the smoke test from a QTimer, so the window keeps painting and the worker keeps training."""

    def __init__(self, out: Path, batches: int, t0: float, first_epoch: bool) -> None:
        self.out, self.batches, self.t0, self.first_epoch = out, batches, t0, first_epoch
        self.window: Any = None
        self.seen = self.epochs = 0

    def emit(self, event: str, **fields: Any) -> None:
        emit(event, t=round(time.monotonic() - self.t0, 3), **fields)

    def start(self, window: Any) -> None:
        from PySide6.QtCore import QTimer

        self.window = window
        self.steps = self.script()
        self.waiting: tuple[str, Callable[[], bool], float] | None = None
        self.timer = QTimer(window)
        self.timer.timeout.connect(self.tick)
        self.timer.start(50)

    def tick(self) -> None:
        try:
            if self.waiting is not None:
                what, ready, deadline = self.waiting
                if not ready():
                    if time.monotonic() > deadline:
                        raise AssertionError(f"timed out waiting for {what}")
                    return
            what, ready, timeout = next(self.steps)
            self.waiting = (what, ready, time.monotonic() + timeout)
        except StopIteration:
            self.timer.stop()
        except Exception as exc:  # noqa: BLE001 - any failure ends the run with its reason
            from PySide6.QtWidgets import QApplication

            self.timer.stop()
            self.emit("error", message=f"{type(exc).__name__}: {exc}")
            QApplication.instance().exit(1)

    def fits(self, label: str) -> dict[str, Any]:
        """The window's frame inside its screen's available area, by Qt and by the X server."""
        w = self.window
        frame, available = w.frameGeometry(), w.screen().availableGeometry()
        display = os.environ["DISPLAY"]
        server = xwininfo(display, "-id", frame_window(display, int(w.winId())))
        root = xwininfo(display, "-root")
        report = {"state": label, "qt_frame": frame.getRect(), "qt_available": available.getRect(),
                  "server_frame": [server["x"], server["y"], server["width"], server["height"]],
                  "server_root": [root["width"], root["height"]], "viewable": bool(server["viewable"])}
        assert available.contains(frame), f"{label}: frame {frame.getRect()} leaves the screen {available.getRect()}"
        assert server["viewable"], f"{label}: the X server does not show the window"
        assert (server["x"] >= 0 and server["y"] >= 0 and server["x"] + server["width"] <= root["width"]
                and server["y"] + server["height"] <= root["height"]), f"{label}: X server: {report}"
        return report

    def script(self) -> Iterator[tuple[str, Callable[[], bool], float]]:
        w = self.window
        yield "the window to be exposed", lambda: w.windowHandle() is not None and w.windowHandle().isExposed(), 60
        self.emit("exposed", size=[w.width(), w.height()])
        yield "the first shape report", lambda: not w.validation_pending, 120
        self.emit("geometry", **self.fits("normal"))

        labs = next(m for m in (a.menu() for a in w.menuBar().actions()) if m and m.title() == "&Labs")
        action = next(a for a in labs.actions() if a.text() == LAB)
        action.trigger()  # what Labs > Activation functions does
        lab = next(p for p in w.panels if p.title == LAB)
        yield f"the {LAB} lab", lambda: lab.isVisible(), 20
        self.emit("lab", title=LAB)

        w.palette.preset_chosen.emit(PRESET)  # what a click on the preset in the palette sends
        yield f"the {PRESET} preset", lambda: w.document.experiment.networks["main"].layers and any(
            layer.type == "LSTM" for layer in w.document.experiment.networks["main"].layers), 20
        yield "its shape report", lambda: not w.validation_pending and w.training.start.isEnabled(), 120
        self.emit("preset", name=PRESET)

        def count(events: list[Any]) -> None:
            self.seen += len(events)

        def epoch(_event: Any) -> None:
            self.epochs += 1
        w.controller.batches.connect(count)
        w.controller.epoch_ended.connect(epoch)
        started = time.monotonic()
        w.start_training()
        yield f"{self.batches} training batches", lambda: self.seen >= self.batches, 240
        if not self.first_epoch:
            # Close in the second epoch, as after watching a run for a while. Closed in the first, the app waits for
            # Keras to trace and run the validation pass it does after a stop (--close-in-first-epoch measures it).
            yield "the first epoch's end", lambda: self.epochs >= 1, 240
        self.emit("trained", batches=self.seen, epochs=self.epochs, seconds=round(time.monotonic() - started, 2))

        w.docks["plots"].raise_()  # the curves in front of the lab's tab, for the screenshot
        pause_until = time.monotonic() + 0.8  # let the plots and the progress bar draw what arrived
        yield "the plots to draw", lambda: time.monotonic() > pause_until, 2
        self.emit("screenshot", **self.screenshot())
        assert w.controller.running, "the run ended before the window was closed: choose a longer run"

        # Where closing spends its time: the controller's shutdown, and within it the wait for the worker
        # (the run stops at the next batch end, then Keras still runs that epoch's validation pass).
        timings: dict[str, Any] = {}

        def timed(owner: Any, name: str, key: str, returned: str = "") -> None:
            original = getattr(owner, name)

            def wrapper(*args: Any, **kwargs: Any) -> Any:
                began = time.monotonic()
                result = original(*args, **kwargs)
                timings[key] = round(time.monotonic() - began, 3)
                if returned:
                    timings[returned] = result
                return result
            setattr(owner, name, wrapper)
        timed(w.controller, "shutdown", "shutdown_s")
        timed(w.controller.session, "shutdown", "worker_wait_s", "worker_ended")
        self.emit("closing", wall=time.time())
        began = time.monotonic()
        w.close_without_asking()  # closeEvent: save settings, stop training, join the worker; then the app quits
        self.emit("closed", close_s=round(time.monotonic() - began, 3), **timings)

    def screenshot(self) -> dict[str, Any]:
        import numpy as np
        from PIL import Image

        display = os.environ["DISPLAY"]
        xwd = self.out / "screen.xwd"
        subprocess.run(["xwd", "-root", "-silent", "-display", display, "-out", str(xwd)], check=True, timeout=30)
        image = read_xwd(xwd.read_bytes())
        png = self.out / "screen.png"
        Image.fromarray(image).save(png)
        xwd.unlink()
        g = xwininfo(display, "-id", str(int(self.window.winId())))
        inside = image[g["y"]:g["y"] + g["height"], g["x"]:g["x"] + g["width"]]
        packed = inside.reshape(-1, 3).astype(np.uint32) @ np.array([1 << 16, 1 << 8, 1], dtype=np.uint32)
        colours = len(np.unique(packed))
        assert colours >= 50, f"the window looks blank in the X server's screenshot ({colours} colours)"
        return {"path": str(png), "size": [image.shape[1], image.shape[0]], "window_colours": colours}


def child(args: argparse.Namespace) -> int:
    t0 = time.monotonic()
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    # The same start as `python main.py`: the start-up check, then run_app.
    import models.families  # noqa: F401
    from gui.platform_check import diagnose

    problem = diagnose()
    if problem is not None:
        print(problem.message, file=sys.stderr)
        emit("error", t=round(time.monotonic() - t0, 3), message=f"start-up check: {problem.kind}")
        return 2
    from gui.app import run_app

    driver = Driver(Path(args.out), args.batches, t0, args.close_in_first_epoch)
    return run_app(None, on_shown=driver.start)


# --- the launcher: Xvfb, the app process, the verdict ---------------------------------------------------------
def start_xvfb(size: str, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a free display number (it writes the number to -displayfd once it accepts connections)."""
    read_end, write_end = os.pipe()
    with open(log, "wb") as out:
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{size}x24",
                                   "-nolisten", "tcp", "-noreset"], pass_fds=(write_end,), stdout=out, stderr=out)
    os.close(write_end)
    number = b""
    deadline = time.monotonic() + 20
    while not number.endswith(b"\n") and time.monotonic() < deadline:
        ready, _, _ = select.select([read_end], [], [], 0.5)
        if ready:
            chunk = os.read(read_end, 16)
            if not chunk:
                break
            number += chunk
    os.close(read_end)
    if not number.strip().isdigit():
        server.kill()
        raise RuntimeError(f"Xvfb did not start: {log.read_text(errors='replace')[-800:]}")
    return server, f":{number.strip().decode()}"


def stop(process: subprocess.Popen[Any] | None) -> None:
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def run_once(size: str, out: Path, config: Path, args: argparse.Namespace) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    server, display = start_xvfb(size, out / "xvfb.log")
    wm = app = None
    result: dict[str, Any] = {"size": size, "display": display, "events": {}}
    try:
        env = {k: v for k, v in os.environ.items()
               if k not in ("WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "QT_QPA_PLATFORM")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_CONFIG_HOME=str(config), TF_CPP_MIN_LOG_LEVEL="2")
        if args.wm:
            wm = subprocess.Popen(args.wm.split(), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(1.0)
        started = time.monotonic()
        events_read, events_write = os.pipe()
        env[EVENTS_FD] = str(events_write)
        with open(out / "app.log", "wb") as log:
            command = [sys.executable, str(Path(__file__).resolve()), "--child", "--out", str(out), "--batches",
                       str(args.batches)] + (["--close-in-first-epoch"] if args.close_in_first_epoch else [])
            app = subprocess.Popen(command, env=env, stdout=log, stderr=log, cwd=ROOT, pass_fds=(events_write,))
            os.close(events_write)
            deadline = started + args.timeout
            closing_wall = None
            buffer = b""
            while True:
                if closing_wall is not None and time.time() > closing_wall + args.quit_wait:
                    break  # closed but still running: judged below
                if time.monotonic() > deadline:
                    waiting = "the window did not appear" if "exposed" not in result["events"] else "no result"
                    result["failure"] = f"{waiting} within {args.timeout:.0f} s"
                    break
                ready, _, _ = select.select([events_read], [], [], 0.1)
                if not ready:
                    continue
                chunk = os.read(events_read, 65536)
                if not chunk:  # the app's end: the pipe closes when the process exits
                    break
                buffer += chunk
                while b"\n" in buffer:
                    line, buffer = buffer.split(b"\n", 1)
                    try:
                        event = json.loads(line)
                    except ValueError:
                        continue
                    result["events"][event["event"]] = event
                    print(f"  [{size}] {event['t']:7.2f} s  {event['event']}"
                          + (f": {event['message']}" if "message" in event else ""), flush=True)
                    if event["event"] == "closing":
                        closing_wall = event["wall"]
            try:
                code = app.wait(1.0)
            except subprocess.TimeoutExpired:
                code = None
            gone_wall = time.time()
            os.close(events_read)
        if closing_wall is not None and code is not None:
            result["quit_seconds"] = round(gone_wall - closing_wall, 2)
        result["exit_code"] = code
        result["startup_to_exposed_s"] = result["events"].get("exposed", {}).get("t")
        result["settings_saved"] = (config / "Layerwise" / "Layerwise.conf").is_file()
    finally:
        stop(app)
        stop(wm)
        stop(server)
    events = result["events"]
    if "failure" not in result:
        if "error" in events:
            result["failure"] = events["error"]["message"]
        elif "exposed" not in events:
            result["failure"] = "the window never appeared (see app.log)"
        elif "closing" not in events:
            result["failure"] = "the app stopped before the end of the test (see app.log)"
        elif result["exit_code"] is None or result.get("quit_seconds", 99) > QUIT_LIMIT_S:
            result["failure"] = f"the app did not quit within {QUIT_LIMIT_S:.0f} s of closing its window"
        elif result["exit_code"] != 0:
            result["failure"] = f"the app exited with {result['exit_code']}"
        elif not result["settings_saved"]:
            result["failure"] = "closing did not save the settings (closeEvent did not run)"
    if "failure" in result:
        log = (out / "app.log").read_text(errors="replace")
        result["app_log_tail"] = log[-3000:]
    (out / "result.json").write_text(json.dumps(result, indent=2))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", help="screen WIDTHxHEIGHT (repeat for several runs; "
                        "default 1366x768 then 1280x720)")
    parser.add_argument("--out", default=str(ROOT / "out" / "desktop-smoke"), help="screenshots and logs")
    parser.add_argument("--batches", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=300, help="seconds allowed per run")
    parser.add_argument("--quit-wait", type=float, default=10, help="how long to wait for the exit before "
                        "killing the app (the pass mark stays 3 s)")
    parser.add_argument("--close-in-first-epoch", action="store_true", help="close after --batches batches, "
                        "before the first epoch ends (the slowest quit: Keras validates after a stop)")
    parser.add_argument("--wm", help="a window manager command to run on the display first (e.g. twm)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(args)

    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        packages = " ".join(sorted({TOOLS[t] for t in missing}))
        print(f"desktop smoke: missing {', '.join(missing)}; install with `sudo apt-get install {packages}`",
              file=sys.stderr)
        return 2
    config = Path(tempfile.mkdtemp(prefix="layerwise-smoke-config-"))  # never the user's own settings
    failures = []
    try:
        for size in args.size or ["1366x768", "1280x720"]:
            print(f"desktop smoke at {size}:", flush=True)
            result = run_once(size, Path(args.out) / size, config, args)
            ev = result["events"]
            if "failure" in result:
                failures.append(f"{size}: {result['failure']}")
                print(f"FAIL {size}: {result['failure']}\n--- app.log (end) ---\n{result['app_log_tail']}",
                      file=sys.stderr)
                continue
            geo = ev["geometry"]
            print(f"ok {size}: window exposed {ev['exposed']['t']:.1f} s after start, frame {geo['qt_frame']} "
                  f"inside {geo['qt_available']} (X server: {geo['server_frame']} on {geo['server_root']}); "
                  f"{ev['trained']['batches']} batches in {ev['trained']['seconds']:.1f} s; screenshot "
                  f"{ev['screenshot']['path']} ({ev['screenshot']['window_colours']} colours in the window); "
                  f"quit {result['quit_seconds']:.2f} s after closing (limit {QUIT_LIMIT_S:.0f} s)", flush=True)
    finally:
        shutil.rmtree(config, ignore_errors=True)
    if failures:
        print("desktop smoke FAILED: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
