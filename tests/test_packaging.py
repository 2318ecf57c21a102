"""The wheel a plain ``pip install .`` builds: every package, the chat page's files and the
bundled articles (top-level ``corpus/`` in git, ``qa/corpus/`` in the wheel)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def source_packages() -> set[str]:
    """Dotted names of the folders under qa/ and web/ that hold an ``__init__.py``."""
    found = set()
    for top in ("qa", "web"):
        for init in (ROOT / top).rglob("__init__.py"):
            rel = init.parent.relative_to(ROOT)
            if "__pycache__" not in rel.parts:
                found.add(".".join(rel.parts))
    return found


def test_declared_packages_are_the_source_packages_and_the_corpus() -> None:
    declared = set(SETUPTOOLS["packages"])
    assert declared == source_packages() | {"qa.corpus"}, (
        "a package folder was added or removed: update [tool.setuptools] packages"
    )
    assert SETUPTOOLS["package-dir"] == {"qa.corpus": "corpus"}


def test_corpus_is_kept_once_in_git() -> None:
    """The articles live at the top level only; the wheel maps them into the package."""
    assert not (ROOT / "qa" / "corpus").exists()
    assert list((ROOT / "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """A wheel built from a copy of the source tree (so the checkout gets no build/ folder)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("qa", "web", "corpus"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    out = tmp / "dist"
    # The dev extra brings a new enough setuptools, so the build needs no download.
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    build = ["wheel", "--no-deps", "--no-build-isolation", "-w", str(out), str(src)]
    proc = subprocess.run([*pip, *build], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (built,) = out.glob("newsqa-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_ships_the_bundled_articles(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for article in (ROOT / "corpus").glob("*.txt"):
        assert f"qa/corpus/{article.name}" in names
    assert not any(n.startswith("corpus/") for n in names)


def test_wheel_ships_every_module_and_the_page(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for top in ("qa", "web"):
        for path in (ROOT / top).rglob("*"):
            rel = path.relative_to(ROOT)
            if path.is_file() and "__pycache__" not in rel.parts and path.suffix != ".pyc":
                assert rel.as_posix() in names, f"{rel} is missing from the wheel"
    for folder in ("templates", "static"):
        if (ROOT / "web" / folder).is_dir():
            assert any(n.startswith(f"web/{folder}/") for n in names)


def test_wheel_declares_the_qa_command(wheel: zipfile.ZipFile) -> None:
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    assert "qa = qa.cli:main" in wheel.read(entry_points).decode()
