"""glibc malloc: its defaults, or thresholds tuned to keep freed large blocks in the heap.

With glibc's defaults, multi-MiB temporaries (e.g. oneDNN's reorders of NCL data into a blocked layout) can be
mmapped on allocation and unmapped on free, so every call page-faults them back in. glibc raises its thresholds
adaptively once the process itself frees a large block, so the cost depends on the process's history: a
benchmark's own set-up can hide it. Hence the engine measures ``default`` in a fresh worker process per
implementation (see :mod:`core.bench.measurers`) and ``tuned`` with thresholds pinned by ``mallopt``:

- ``default``: glibc as a fresh process running only this layer has it (adaptive thresholds from 128 KiB);
- ``tuned``: M_MMAP_THRESHOLD = M_TRIM_THRESHOLD = 1 GiB, so freed temporaries stay mapped and are reused.

Pinning cannot be undone to glibc's adaptive behaviour, so a process once tuned stays tuned.
"""

from __future__ import annotations

import ctypes
import ctypes.util

from core.errors import SpecError
from core.i18n import tr

ALLOCATORS = ("default", "tuned")
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
TUNED_THRESHOLD = 1 << 30
_state = {"tuned": False}


def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None
    return libc if hasattr(libc, "mallopt") else None


def allocator_description(name: str) -> str:
    """One line saying what a setting means."""
    if name == "tuned":
        return tr("Allocator", "tuned: glibc M_MMAP_THRESHOLD = M_TRIM_THRESHOLD = {mib} MiB").format(
            mib=TUNED_THRESHOLD >> 20
        )
    return tr("Allocator", "default: glibc's adaptive thresholds, as a fresh process has them")


def use_allocator(name: str) -> str:
    """Put this process in allocator setting ``name``; return its description."""
    if name not in ALLOCATORS:
        raise SpecError(
            "allocator",
            tr("Allocator", "unknown setting {name!r}").format(name=name),
            tr("Allocator", "choose one of {names}").format(names=", ".join(ALLOCATORS)),
        )
    if name == "default":
        if _state["tuned"]:
            raise SpecError(
                "allocator",
                tr("Allocator", "this process already runs the tuned allocator, which glibc cannot undo"),
                tr("Allocator", "measure the default allocator with process isolation (or in a new process)"),
            )
        return allocator_description(name)
    libc = _libc()
    if libc is None:
        raise SpecError(
            "allocator",
            tr("Allocator", "the tuned setting needs glibc's mallopt, not found here"),
            tr("Allocator", "use default"),
        )
    if not (libc.mallopt(M_MMAP_THRESHOLD, TUNED_THRESHOLD) and libc.mallopt(M_TRIM_THRESHOLD, TUNED_THRESHOLD)):
        raise SpecError(
            "allocator", tr("Allocator", "glibc refused the tuned thresholds"), tr("Allocator", "use default")
        )
    _state["tuned"] = True
    return allocator_description(name)
