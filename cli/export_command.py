"""``python main.py export``: check the options and the folder, then let the injected window renderer draw and
write everything (figures, animation, data, script, index) into the folder at once."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from cli.arg_types import whole
from cli.bench_command import ProgressBar
from core.atomic_write import describe_write_error
from core.errors import SpecError
from core.export_folder import probe_folder
from core.i18n import SOURCE_LANGUAGE, tr, tr_noop
from core.spec import LayerSpec
from core.validation import ValidSpec
from core.window_names import THEME_CHOICES

DEFAULT_WIDTH = 1920
WIDTH_RANGE = (320, 7680)
FRAME_RANGE = (1, 600)
DEFAULT_FRAMES = 120


class ExportRenderer(Protocol):
    """Draws every panel of the real window offscreen and writes the export (``gui.export_headless``, injected by
    ``main.py``); returns the files written. A write failure raises an ``OSError`` naming the path and the reason,
    after which the folder is as it was."""

    def __call__(
        self,
        spec: LayerSpec,
        out: Path,
        *,
        preset: str | None,
        language: str,
        theme: str,
        width: int,
        max_frames: int,
        on_progress: Callable[[object], None] | None,
    ) -> list[Path]: ...


EPILOG = (
    "The folder gets every figure of the Weights, Sliding window, Equality and Init panels as PNG and SVG, the "
    "data behind them as CSV and data.json, the sliding-window animation as a GIF with its frames as PNG "
    "(sliding-frames/), a standalone PyTorch script, and index.md / index.html / index.json listing it all with "
    "the spec. Files appear only once all of them are written; exporting into the same folder again replaces the "
    "files an export wrote and touches nothing else. Layer options given with --preset override its values."
)


def add_export_options(parser: argparse.ArgumentParser) -> None:
    """The options of ``export`` besides the layer options (``--preset``, ``--mode``, ...) it shares with
    ``inspect``, and ``--lang``, which every sub-command has."""
    parser.epilog = EPILOG
    parser.add_argument("--out", required=True, metavar="DIR", help="folder to export into (created if missing)")
    parser.add_argument(
        "--width",
        type=whole("width", tr_noop("CLI option hints", "use e.g. 1920")),
        default=DEFAULT_WIDTH,
        help=f"PNG width in pixels ({WIDTH_RANGE[0]}..{WIDTH_RANGE[1]}; default %(default)s)",
    )
    parser.add_argument("--theme", choices=THEME_CHOICES, default="light", help="colours of the figures")
    parser.add_argument(
        "--frames",
        type=whole("frames", tr_noop("CLI option hints", "use e.g. 120")),
        default=DEFAULT_FRAMES,
        help="at most this many frames in the sliding-window animation: every output position when there are "
        f"fewer, else an even sample with both ends ({FRAME_RANGE[0]}..{FRAME_RANGE[1]}; default %(default)s)",
    )


def _checked_range(option: str, value: int, bounds: tuple[int, int], hint: str) -> int:
    low, high = bounds
    if not low <= value <= high:
        rule = tr("CLI export", "must be between {low} and {high}, got {value}").format(low=low, high=high, value=value)
        raise SpecError(option, rule, hint)
    return value


def _folder_error(out: Path, error: OSError) -> SpecError:
    return SpecError(
        "out",
        describe_write_error(out, error),
        tr("CLI export", "nothing was written; choose a writable folder (it is created if missing)"),
    )


def run_export_command(args: argparse.Namespace, valid: ValidSpec, renderer: ExportRenderer | None) -> None:
    """Check every option and the folder before the window toolkit loads, then render, write and list the files."""
    width = _checked_range("width", args.width, WIDTH_RANGE, tr("CLI export", "use e.g. 1920"))
    frames = _checked_range("frames", args.frames, FRAME_RANGE, tr("CLI export", "use e.g. 120"))
    if not args.out.strip():
        raise SpecError("out", tr("CLI export", "the folder name is blank"), tr("CLI export", "use e.g. --out slides"))
    out = Path(args.out)
    try:
        probe_folder(out)  # a wrong folder answers at once, not after the render; it leaves nothing behind
    except OSError as error:
        raise _folder_error(out, error) from None
    if renderer is None:
        raise SpecError(
            "export",
            tr("CLI export", "no window renderer was given to the CLI (it never imports gui)"),
            tr("CLI export", "run: python main.py export"),
        )
    done = tr("CLI export", "wrote {count} files to {folder}")  # in the interface language: the renderer resets it
    bar = ProgressBar()
    try:
        paths = renderer(
            valid.spec,
            out,
            preset=args.preset,
            language=getattr(args, "lang", SOURCE_LANGUAGE),
            theme=args.theme,
            width=width,
            max_frames=frames,
            on_progress=bar,
        )
    except OSError as error:  # checked above, but a disk fills up and a folder can go away meanwhile
        raise _folder_error(out, error) from None
    finally:
        bar.finish()
    if args.json:
        print(json.dumps({"folder": str(out), "files": [str(path) for path in paths]}, indent=2))
    else:
        print(done.format(count=len(paths), folder=out))
