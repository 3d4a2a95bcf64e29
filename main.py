"""LinConv Lab: no arguments opens the window (``--lang zh_CN`` alone: in that language); a sub-command runs the CLI
(``python main.py --help``).

This module only dispatches. The CLI never imports gui; what it draws through the window toolkit (benchmark plots,
screenshots, exports) goes through the functions below, which import gui only when called.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def write_bench_plots(*args: Any, **kwargs: Any) -> list[Path]:
    """Draw benchmark plots with the GUI's pyqtgraph code, offscreen (gui is imported only when plots are asked for)."""
    from gui.plots.bench_export import write_bench_plots as write

    return write(*args, **kwargs)


def take_screenshot(*args: Any, **kwargs: Any) -> Path:
    """Render the window offscreen to a PNG (gui is imported only when a screenshot is asked for)."""
    from gui.screenshot import take_screenshot as take

    return take(*args, **kwargs)


def export_all(*args: Any, **kwargs: Any) -> list[Path]:
    """Draw every panel offscreen and write the export folder (gui is imported only when an export is asked for)."""
    from gui.export_headless import export_headless

    return export_headless(*args, **kwargs)


def write_model_plot(*args: Any, **kwargs: Any) -> list[Path]:
    """Draw a model's per-layer time plot offscreen (gui is imported only when a report is written)."""
    from gui.plots.model_plots import write_model_plot as write

    return write(*args, **kwargs)


def window_language(argv: list[str]) -> str | None:
    """The language asked for when ``argv`` only chooses the window's language (``--lang X`` or ``--lang=X``; a
    bare ``--lang`` asks for "", which the window refuses), else None."""
    if argv[:1] == ["--lang"] and len(argv) <= 2:
        return argv[1] if len(argv) == 2 else ""
    if len(argv) == 1 and argv[0].startswith("--lang="):
        return argv[0].partition("=")[2]
    return None


def main(argv: list[str]) -> int:
    """Open the window (no arguments, or only ``--lang``) or run one CLI sub-command; return the exit status."""
    language = window_language(argv)
    if not argv or language is not None:
        from gui.launch import launch_window

        return launch_window(language)
    from cli.commands import main as cli_main

    return cli_main(
        argv,
        plot_writer=write_bench_plots,
        screenshot_renderer=take_screenshot,
        export_renderer=export_all,
        model_plot_writer=write_model_plot,
    )


def run() -> None:
    """Entry point of the installed ``linconv-lab`` command."""
    sys.exit(main(sys.argv[1:]))


if __name__ == "__main__":
    run()
