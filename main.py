"""LinConv Lab: no arguments opens the window; a sub-command runs headless (``python main.py --help``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def write_bench_plots(*args: Any, **kwargs: Any) -> list[Path]:
    """Draw benchmark plots with the GUI's pyqtgraph code, offscreen (imported only when plots are asked for)."""
    from gui.plots.bench_export import write_bench_plots as write

    return write(*args, **kwargs)


def main(argv: list[str]) -> int:
    if not argv:
        from gui.launch import launch_window

        return launch_window()
    if argv[0] == "screenshot":
        from gui.screenshot import main as screenshot_main

        return screenshot_main(argv[1:])
    from core.cli import main as cli_main

    return cli_main(argv, plot_writer=write_bench_plots)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
