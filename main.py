"""LinConv Lab: no arguments opens the window; a sub-command runs headless (``python main.py --help``)."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    if not argv:
        from gui.launch import launch_window

        return launch_window()
    from core.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
