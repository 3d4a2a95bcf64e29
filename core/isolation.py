"""Run PyTorch work that may crash the interpreter in a child process, so a crash becomes a message.

PyTorch 2.13's CPU kernels segfault on some half-precision convolutions (e.g. ``Conv2d(2, 1, 2, padding='same',
dilation=(3, 1))`` in bfloat16 with backward, ``Conv1d(6, 3, 1, stride=2, padding=1, dilation=2, groups=3)`` in
float16). No Python code can catch a segfault, so work in a dtype the registry marks ``crash_prone`` runs here,
in a fresh ``spawn`` process: its results come back pickled, and its death is reported as :class:`TorchCrashed`.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import threading
import time
import traceback
from collections.abc import Callable, Generator, Iterable
from multiprocessing.connection import Connection
from typing import Any

from core.errors import SpecError
from core.i18n import current_language, tr
from core.registry import DTYPES

POLL_S = 0.05
ORPHAN_CHECK_S = 0.5


class TorchCrashed(SpecError):
    """The child process running PyTorch died (a signal or an exit without an answer)."""

    def __init__(self, dtype: str, how: str) -> None:
        super().__init__(
            "dtype",
            tr(
                "Isolation",
                "PyTorch crashed ({how}) computing this spec in {dtype} on the CPU: a PyTorch bug in its "
                "half-precision convolution kernels, caught in a separate process so nothing else was affected",
            ).format(how=how, dtype=dtype),
            tr("Isolation", "use float32 or float64 for this spec"),
        )
        self.how = how


def safe_import_path() -> None:
    """Child interpreters (the fork server, spawned workers) start without the current directory on their import
    path: they are started with ``-c``, which would put it first, so a ``torch.py`` in the folder the user ran the
    app from would be imported, and run, in place of PyTorch (Python 3.11's PYTHONSAFEPATH)."""
    os.environ["PYTHONSAFEPATH"] = "1"


def needs_isolation(dtype: str) -> bool:
    """Whether torch work in ``dtype`` must run in a child process (see the module docstring)."""
    return DTYPES[dtype].crash_prone


def exit_reason(exitcode: int | None) -> str:
    """``-11`` -> ``"killed by SIGSEGV"``: a child's end as a person reads it."""
    if exitcode is None:
        return tr("Isolation", "still running")
    if exitcode < 0:
        with contextlib.suppress(ValueError):
            return tr("Isolation", "killed by {signal}").format(signal=signal.Signals(-exitcode).name)
    return tr("Isolation", "exit code {code}").format(code=exitcode)


def exit_when_orphaned(parent_pid: int) -> None:
    """Child side: end this process as soon as the parent that started it is gone, even mid-computation."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(ORPHAN_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


# Modules a spare child imports while it waits, so a job starts at once instead of after torch's import.
WARM_MODULES = ("core.lab",)


def _serve_one(conn: Connection, parent_pid: int) -> None:
    """Child body: import the heavy modules, wait for one job, stream its items back, exit."""
    exit_when_orphaned(parent_pid)
    try:
        import importlib

        for module in WARM_MODULES:
            importlib.import_module(module)
        function, args, language = _receive(conn)
        _speak(language)
        for item in function(*args):
            _send(conn, ("item", item))
        _send(conn, ("done", None))
    except (BrokenPipeError, EOFError, KeyboardInterrupt):
        pass
    except SpecError as error:  # a user's error stays one, with its parameter, rule and hint
        with contextlib.suppress(OSError):
            _send(conn, ("spec_error", (error.parameter, error.rule, error.hint)))
    except BaseException as error:
        with contextlib.suppress(OSError):
            _send(conn, ("error", (type(error).__name__, str(error), traceback.format_exc(limit=5))))
    finally:
        conn.close()
        os._exit(0)  # skip the interpreter's teardown: seconds with torch loaded, and the parent has its answer


def _speak(language: str) -> None:
    """Child side: answer in the parent's interface language (the messages a job makes travel back as text). The
    child reads the ``.ts`` catalogues, as the CLI does: the window's Qt translator cannot cross a process."""
    from core.catalogue import use_language

    use_language(language)


def _send(conn: Connection, message: Any) -> None:
    # Plain pickle, not the Connection's: torch registers reductions that share tensors through file descriptors
    # the sender must keep alive, and a child exits as soon as it has sent its answer.
    conn.send_bytes(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))


def _receive(conn: Connection) -> Any:
    return pickle.loads(conn.recv_bytes())


class _Child:
    """A started child process and its end of the pipe."""

    def __init__(self) -> None:
        safe_import_path()
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve_one, args=(child, os.getpid()), daemon=True, name="torch-child")
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(2.0)


_spare: _Child | None = None
_spare_lock = threading.Lock()


def _take_child(keep_warm: bool) -> _Child:
    """A child for one job: the warm spare if there is one; with ``keep_warm`` a new spare starts warming for the
    next job (the window, job after job), without it none does (a one-shot command would only pay its start-up)."""
    global _spare
    with _spare_lock:
        child = _spare if _spare is not None and _spare.process.is_alive() else _Child()
        _spare = _Child() if keep_warm else None
    return child


class ChildFailed(Exception):
    """The child raised: its exception's type name and message (the exception itself may not unpickle)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(f"{kind}: {message}" if message else kind)
        self.kind, self.message = kind, message


def iterate_isolated(
    dtype: str, function: Callable[..., Iterable[Any]], *args: Any, keep_warm: bool = True
) -> Generator[Any, None, None]:
    """Yield what ``function(*args)`` yields, computed in a child process of its own.

    ``function`` must be importable by name (it is pickled by reference) and its items picklable. Each job gets a
    fresh process (one is kept warm, so there is no wait for torch's import); closing this generator (a
    cancellation) kills it. Raises :class:`TorchCrashed` if the child dies, :class:`ChildFailed` if it raised.
    """
    child = _take_child(keep_warm)
    try:
        _send(child.conn, (function, args, current_language()))
        while True:
            try:
                kind, payload = _receive(child.conn)
            except (EOFError, OSError):
                child.process.join(2.0)
                raise TorchCrashed(dtype, exit_reason(child.process.exitcode)) from None
            if kind == "item":
                yield payload
            elif kind == "done":
                return
            elif kind == "spec_error":
                raise SpecError(*payload)
            else:
                name, message, _ = payload
                raise ChildFailed(name, message)
    finally:
        child.stop()


def _call(function: Callable[..., Any], args: tuple[Any, ...]) -> Iterable[Any]:
    yield function(*args)


def call_isolated(dtype: str, function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` computed in a child process when ``dtype`` needs it (else here, directly); a one-shot
    call, so no spare child is left warming."""
    if not needs_isolation(dtype):
        return function(*args)
    for result in iterate_isolated(dtype, _call, function, args, keep_warm=False):
        return result
    raise ChildFailed("NoResult", tr("Isolation", "the child process ended without a result"))
