"""The released package works on its own: build the wheel, install it into a fresh
virtualenv, and run the CLI from a folder where the repository is out of reach."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

# 1 min (warm pip cache) to 5.5 min (2 CPUs at load 17): builds the wheel, installs it into a new venv
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "On 25 October 1917 the Bolsheviks took the Winter Palace in Petrograd. "
    "Two days later Lenin spoke to the Congress of Soviets.\n"
)


def _run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: int = 900) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{cmd[:3]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build")
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)], ROOT, dict(os.environ))
    wheels = list(out.glob("annales-0.1.0-*.whl"))
    assert len(wheels) == 1 and list(out.glob("annales-0.1.0.tar.gz"))
    return wheels[0]


@pytest.fixture(scope="module")
def installed(
    wheel: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, dict[str, str]]:
    """A clean venv (no system site-packages) with only the wheel and its dependencies."""
    home = tmp_path_factory.mktemp("clean")
    env_dir = home / "venv"
    venv.EnvBuilder(with_pip=True, system_site_packages=False, clear=True).create(env_dir)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{env_dir / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    _run([str(env_dir / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], home, env)
    work = home / "work"
    work.mkdir()
    return env_dir, work, env


def test_wheel_carries_the_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    needed = [
        "annales/data/annales-1.schema.json",
        "annales/data/examples/reed-ten-days.txt",
        "annales/temporal/lexicon/en.toml",
        "annales/store/schema.sql",
        "annales/web/templates/timeline.html",
        "annales/web/static/vendor/vis-timeline-graph2d.min.js",
        "annales/py.typed",
    ]
    assert [n for n in needed if n not in names] == []
    # every non-Python file in the source package is shipped
    src = ROOT / "src"
    data = {
        p.relative_to(src).as_posix()
        for p in (src / "annales").rglob("*")
        if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts
    }
    assert sorted(data - names) == []


def test_sdist_carries_licence_changelog_and_docs(wheel: Path) -> None:
    names = set(tarfile.open(wheel.parent / "annales-0.1.0.tar.gz").getnames())
    for name in ("LICENSE", "CHANGELOG.md", "README.md", "pyproject.toml", "mkdocs.yml"):
        assert f"annales-0.1.0/{name}" in names
    assert "annales-0.1.0/src/annales/data/annales-1.schema.json" in names


def test_installed_cli_runs_outside_the_repository(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    env_dir, work, env = installed
    exe = str(env_dir / "bin" / "annales")
    py = str(env_dir / "bin" / "python")
    # the package comes from the venv, not from the checkout
    where = _run([py, "-c", "import annales, sys; print(annales.__file__)"], work, env).strip()
    assert str(env_dir) in where and str(ROOT) not in where
    assert _run([exe, "--version"], work, env).strip().endswith("0.1.0")

    text = work / "story.txt"
    text.write_text(TEXT, encoding="utf-8")
    timexes = json.loads(_run([exe, "time", str(text), "--calendar", "julian"], work, env))
    values = [t["value"] for t in timexes["timexes"]]
    assert "1917-10-25" in values

    chron = json.loads(
        _run([exe, "read", str(text), "--json", "--calendar", "julian", "--db", "a.db"], work, env)
    )
    assert chron["schema"] == "annales/1"
    dated = {t["value"]: t for t in chron["timexes"]}
    assert dated["1917-10-25"]["gregorian"] == "1917-11-07"
    assert any(e["name"] == "Lenin" for e in chron["entities"])
    assert (work / "a.db").exists()
