"""MkDocs hook: write docs/reference/cli.md from the CLI itself, so the reference never drifts.

Duck-typed on purpose: Typer >= 0.20 ships its own copy of Click (``typer._click``), so
``isinstance(cmd, click.Group)`` is False for Typer's commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer.main


def _is_group(cmd: Any) -> bool:
    return hasattr(cmd, "list_commands") and hasattr(cmd, "get_command")


def _render(cmd: Any, path: str, out: list[str], level: int) -> None:
    ctx = cmd.context_class(cmd, info_name=path)
    out.append(f"{'#' * level} `{path}`\n")
    if cmd.help:
        out.append(cmd.help.strip() + "\n")
    usage = cmd.get_usage(ctx).replace("Usage: ", "")
    out.append(f"```\n{usage}\n```\n")
    rows = []
    for p in cmd.get_params(ctx):
        record = p.get_help_record(ctx)
        if record:
            rows.append(f"| `{record[0]}` | {record[1].replace('|', '/')} |")
        elif getattr(p, "param_type_name", "") == "argument":
            rows.append(f"| `{p.human_readable_name}` | argument |")
    if rows:
        out.append("| option | description |\n|---|---|\n" + "\n".join(rows) + "\n")
    if _is_group(cmd):
        for name in cmd.list_commands(ctx):
            sub = cmd.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                _render(sub, f"{path} {name}", out, min(level + 1, 4))


def render_cli_reference() -> str:
    from annales.cli import app

    out = ["# Command line reference\n", "Generated from the CLI itself at build time.\n"]
    _render(typer.main.get_command(app), "annales", out, 2)
    return "\n".join(out)


def on_pre_build(config: Any, **kwargs: Any) -> None:
    target = Path(config["docs_dir"]) / "reference" / "cli.md"
    text = render_cli_reference()
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
