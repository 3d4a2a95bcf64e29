"""How the user started the program, so every face names the command they actually typed."""

from __future__ import annotations

import sys
from pathlib import Path

INSTALLED_COMMAND = "linconv-lab"


def command_name() -> str:
    """The installed ``linconv-lab`` or ``python main.py``, for usage lines and hints."""
    return INSTALLED_COMMAND if Path(sys.argv[0]).name == INSTALLED_COMMAND else "python main.py"
