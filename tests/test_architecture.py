"""What the import-linter contracts (pyproject.toml, run by `make test`) cannot say about the code's shape:
no import cycle between modules, counting imports made inside functions, and no module reading another
module's _private names. Both scan the source; neither imports it."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("models", "gui")


def source_files() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")) + [ROOT / "main.py"]


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the directed graph (as a list of nodes, first == last), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def module_graph() -> dict[str, set[str]]:
    """Module -> the modules of ours it imports (grimp reads every import statement, in functions too).

    A package's __init__ importing its own submodules is how families register, not a dependency of those
    submodules, so package -> own descendant edges are left out."""
    sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    out: dict[str, set[str]] = {}
    for module in graph.modules:
        out[module] = {m for m in graph.find_modules_directly_imported_by(module)
                       if not m.startswith(module + ".")}
    return out


def test_find_cycle_sees_a_cycle_and_a_clean_graph() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_no_import_cycle_between_modules() -> None:
    cycle = find_cycle(module_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def private_name_uses(path: Path) -> list[str]:
    """`from x import _name`, and `obj._name` where obj is not self/cls/super() (or a module's own globals)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module != "__future__":
            for alias in node.names:
                if alias.name.startswith("_") and not alias.name.startswith("__"):
                    found.append(f"{path.name}:{node.lineno} imports {alias.name} from {node.module}")
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            owner = node.value
            if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
                continue
            if isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name) and owner.func.id == "super":
                continue
            found.append(f"{path.name}:{node.lineno} reads .{node.attr} of {ast.unparse(owner)}")
    return found


# Private attributes of other libraries that we rely on on purpose, each with its reason.
ALLOWED = {
    "os._exit": "leave without interpreter finalisation (PySide6 + TensorFlow teardown can abort)",
    "sys._getframe": "",
    # Keras 3 cannot fit under MultiWorkerMirroredStrategy by itself (keras-team/keras#20585); the mend wraps this
    "trainer.TensorFlowTrainer._maybe_symbolic_build": "models/engine/multi_worker.keras_support",
}


def test_private_name_check_sees_an_import_and_an_attribute(tmp_path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from a import _hidden\nx = window._closing\nself._ok = 1\n", encoding="utf-8")
    assert len(private_name_uses(sample)) == 2


def test_no_module_reads_another_modules_private_names() -> None:
    uses = [u for path in source_files() for u in private_name_uses(path)
            if not any(u.endswith(f"of {name.rsplit('.', 1)[0]}") and f".{name.rsplit('.', 1)[1]} " in u
                       for name in ALLOWED)]
    assert not uses, "\n".join(uses)


@pytest.mark.skipif(not (ROOT / "pyproject.toml").is_file(), reason="needs the project's pyproject.toml")
def test_import_contracts_are_kept() -> None:
    """The import-linter contracts in pyproject.toml (make test also runs lint-imports before the tests)."""
    out = subprocess.run([sys.executable, "-m", "importlinter.cli", "--no-cache"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]
