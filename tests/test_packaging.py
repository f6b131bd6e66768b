"""An installed Layerwise (pip install ., not editable) keeps its offline data: resources/ ship as data files."""
import tomllib
from pathlib import Path

from models.data.base import find_resources, installed_resource_dirs

ROOT = Path(__file__).resolve().parents[1]


def test_every_resource_is_in_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = config["data-files"]["share/layerwise/resources"]
    shipped = {p.name for pattern in patterns for p in ROOT.glob(pattern) if p.is_file()}
    assert shipped == {p.name for p in (ROOT / "resources").iterdir() if p.is_file()}
    assert "main" in config["py-modules"]  # the `layerwise` command's module


def test_resources_are_found_beside_the_source_or_under_the_prefix(tmp_path):
    assert find_resources() == ROOT / "resources"
    installed = tmp_path / "share" / "layerwise" / "resources"
    installed.mkdir(parents=True)
    (installed / "mnist_5k.npz").write_bytes(b"")
    site_packages = tmp_path / "site-packages"  # an installed tree: models/ without resources/ beside it
    site_packages.mkdir()
    assert find_resources(site_packages, [tmp_path / "elsewhere", installed]) == installed
    assert find_resources(site_packages, [tmp_path / "elsewhere"]) == site_packages / "resources"


def test_the_prefix_of_this_python_is_searched():
    import sys

    assert Path(sys.prefix) / "share" / "layerwise" / "resources" in installed_resource_dirs()
