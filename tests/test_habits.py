"""The code-quality habits stay switched on: mypy is strict on the core stages (time, calendars,
chronicle) and CI runs the same checks as `make check`."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

# mypy's `--strict` minus the flags that only make sense globally
STRICT_FLAGS = (
    "disallow_untyped_defs",
    "disallow_incomplete_defs",
    "disallow_untyped_calls",
    "disallow_untyped_decorators",
    "disallow_any_generics",
    "disallow_subclassing_any",
    "check_untyped_defs",
    "warn_return_any",
    "warn_unused_ignores",
    "no_implicit_reexport",
    "strict_equality",
)


def _module(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _strict_patterns() -> list[str]:
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    patterns: list[str] = []
    for override in mypy.get("overrides", []):
        if all(override.get(flag) is True for flag in STRICT_FLAGS):
            mods = override["module"]
            patterns += [mods] if isinstance(mods, str) else mods
    return patterns


def test_core_stages_are_type_checked_strictly() -> None:
    core = [*(SRC / "annales" / "temporal").rglob("*.py")]
    core += [SRC / "annales" / "chronicle.py", SRC / "annales" / "errors.py"]
    patterns = _strict_patterns()
    loose = [
        _module(p)
        for p in core
        # mypy's "a.b.*" also matches "a.b" itself
        if not any(
            fnmatch.fnmatchcase(_module(p), pat.removesuffix(".*"))
            or fnmatch.fnmatchcase(_module(p), pat)
            for pat in patterns
        )
    ]
    assert len(core) > 10 and not loose, f"not under strict mypy: {loose}"


def test_ci_runs_the_checks() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "make check" in ci
    check = make.split("\ncheck:", 1)[1].split("\n\n", 1)[0]
    for tool in ("ruff check", "ruff format --check", "mypy"):
        assert tool in check, f"make check does not run {tool}"


def test_public_api_is_fully_annotated() -> None:
    import inspect

    import annales

    loose = []
    for name in annales.__all__:
        obj = getattr(annales, name)
        funcs = [(name, obj)] if inspect.isfunction(obj) else []
        if inspect.isclass(obj):
            funcs += [
                (f"{name}.{k}", v)
                for k, v in vars(obj).items()
                if inspect.isfunction(v) and (not k.startswith("_") or k == "__init__")
            ]
        for label, fn in funcs:
            sig = inspect.signature(fn)
            params = [p for p in sig.parameters.values() if p.name not in ("self", "cls")]
            if sig.return_annotation is inspect.Signature.empty or any(
                p.annotation is inspect.Parameter.empty for p in params
            ):
                loose.append(label)
    assert len(annales.__all__) > 5 and loose == []
