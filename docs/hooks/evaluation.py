"""MkDocs hook: regenerate docs/evaluation.md from benchmarks/results/*.json on every build."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any


def on_pre_build(config: Any, **kwargs: Any) -> None:
    root = Path(config["config_file_path"]).resolve().parent
    spec = importlib.util.spec_from_file_location(
        "annales_bench_report", root / "benchmarks" / "report.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write(Path(config["docs_dir"]) / "evaluation.md", root / "benchmarks" / "results")
