"""Atomic writes (core/atomic_write.py): a write that fails, is interrupted or is killed leaves the previous file
byte-identical under the final name and no temporary file behind (a SIGKILL can leave a hidden temporary file, never
a truncated final one); every error is one sentence naming the path and the reason."""

from __future__ import annotations

import errno
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from core.atomic_write import WriteError, atomic_target, describe_write_error, write_bytes_atomic, write_text_atomic
from core.bench.records import write_records
from core.presets import load_preset
from core.session import Session, load_session, save_session
from tests.test_bench_records import sample

ROOT = Path(__file__).resolve().parent.parent
OLD = b"the previous, good content\n" * 100
GOOD = Session(load_preset("fc-4x2-as-conv-2x2").spec, {"theme": "dark"})


def others(folder: Path, name: str) -> list[str]:
    """Every file in ``folder`` except ``name``."""
    return sorted(p for p in os.listdir(folder) if p != name)


def run_limited(code: str, limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter whose files may not grow beyond ``limit`` bytes (SIGXFSZ ignored, so a
    write past the limit fails with EFBIG instead of killing the process)."""
    preamble = f"""
        import resource, signal, sys
        sys.path.insert(0, {str(ROOT)!r})
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    """
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    script = textwrap.dedent(preamble) + textwrap.dedent(code)
    return subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT
    )


# ----- the helper --------------------------------------------------------------------------------------------------
def test_a_write_replaces_the_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "bench.json"
    target.write_bytes(OLD)
    assert write_text_atomic(target, '{"new": true}') == target
    assert target.read_text() == '{"new": true}'
    assert others(tmp_path, "bench.json") == []


def test_the_temporary_file_is_hidden_next_to_the_target_and_keeps_the_suffix(tmp_path: Path) -> None:
    target = tmp_path / "plot.png"
    with atomic_target(target) as temp:
        assert temp.parent == tmp_path and temp.name.startswith(".plot.png.") and temp.suffix == ".png"
        assert temp.exists() and not target.exists()  # nothing under the final name until the rename
        temp.write_bytes(b"png bytes")
    assert target.read_bytes() == b"png bytes" and others(tmp_path, "plot.png") == []


def test_permissions_are_the_previous_files_or_the_usual_ones(tmp_path: Path) -> None:
    kept = tmp_path / "private.json"
    kept.write_bytes(OLD)
    kept.chmod(0o600)
    write_bytes_atomic(kept, b"new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    umask = os.umask(0)
    os.umask(umask)
    fresh = write_bytes_atomic(tmp_path / "fresh.json", b"new")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600


def test_writing_through_a_symlink_replaces_the_linked_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(OLD)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_bytes_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


@pytest.mark.parametrize(
    "interruption",
    [OSError(errno.EIO, "Input/output error"), KeyboardInterrupt(), RuntimeError("a bug in the writer")],
    ids=["oserror", "keyboard-interrupt", "bug"],
)
def test_an_interrupted_write_keeps_the_previous_file_and_removes_its_temporary(
    tmp_path: Path, interruption: BaseException
) -> None:
    target = tmp_path / "session.json"
    target.write_bytes(OLD)
    expected = WriteError if isinstance(interruption, OSError) else type(interruption)
    with pytest.raises(expected) as raised, atomic_target(target) as temp:
        temp.write_bytes(b"half a fil")
        raise interruption
    assert target.read_bytes() == OLD and others(tmp_path, "session.json") == []
    if expected is WriteError:
        assert str(raised.value) == f"cannot write {target}: Input/output error"


def test_a_failing_rename_keeps_the_previous_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "bench.csv"
    target.write_bytes(OLD)
    fail_renames_into(tmp_path, monkeypatch)
    with pytest.raises(WriteError, match=re.escape(f"cannot write {target}: Input/output error")):
        write_text_atomic(target, "new")
    assert target.read_bytes() == OLD and others(tmp_path, "bench.csv") == []


def fail_renames_into(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every rename onto a file in ``folder`` fails, as if the process died just before it."""
    real_replace = os.replace

    def replace(src: str | Path, dst: str | Path, *args: object, **kwargs: object) -> None:
        if Path(dst).parent == folder:
            raise OSError(errno.EIO, "Input/output error")
        real_replace(src, dst, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda d: d / "missing" / "x.json", "the folder {d}/missing does not exist"),
        (lambda d: d / "file" / "x.json", "{d}/file is a file, not a folder"),
        (lambda d: d / "file" / "deeper" / "x.json", "{d}/file is a file, not a folder"),
        (lambda d: d / "folder", "it is a folder"),
    ],
    ids=["missing-folder", "file-as-folder", "file-as-grandparent", "target-is-a-folder"],
)
def test_an_impossible_target_raises_one_sentence_and_leaves_nothing(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    (tmp_path / "file").write_bytes(OLD)
    (tmp_path / "folder").mkdir()
    target = make(tmp_path)
    with pytest.raises(WriteError) as raised:
        write_text_atomic(target, "data")
    assert str(raised.value) == f"cannot write {target}: {reason.format(d=tmp_path)}"
    assert isinstance(raised.value, OSError) and raised.value.path == target
    assert sorted(os.listdir(tmp_path)) == ["file", "folder"] and os.listdir(tmp_path / "folder") == []
    assert (tmp_path / "file").read_bytes() == OLD


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "the file system is read-only"),
        (errno.ENOSPC, "no space left on the device"),
        (errno.EFBIG, "the file is too large (a file-size limit was reached)"),
        (errno.EIO, "Input/output error"),
    ],
)
def test_describe_write_error_names_the_path_and_the_reason(tmp_path: Path, code: int, reason: str) -> None:
    error = OSError(code, os.strerror(code), str(tmp_path / ".x.png.1234.tmp.png"))
    assert describe_write_error(tmp_path / "x.png", error) == f"cannot write {tmp_path / 'x.png'}: {reason}"


@pytest.fixture
def read_only_folder(tmp_path: Path):
    """A folder this process cannot write into (skips where mode bits do not bind, e.g. for root)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    (folder / "session.json").write_bytes(OLD)
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("this user may write into read-only folders (root with CAP_DAC_OVERRIDE)")
        yield folder
    finally:
        folder.chmod(0o755)


def test_a_read_only_folder_says_so(read_only_folder: Path) -> None:
    folder = read_only_folder
    with pytest.raises(WriteError) as raised:
        write_text_atomic(folder / "session.json", "new")
    assert str(raised.value) == (
        f"cannot write {folder / 'session.json'}: permission denied (the folder {folder} is not writable)"
    )
    assert (folder / "session.json").read_bytes() == OLD and others(folder, "session.json") == []


# ----- the three failures ----------------------------------------------------------------------------------
KILLED_WRITER = """
    from pathlib import Path
    import time
    from core.atomic_write import atomic_target

    with atomic_target(Path(sys.argv[1])) as temp, open(temp, "wb") as file:
        file.write(b"N" * (1 << 20))
        file.flush()
        print("half-way", flush=True)
        time.sleep(60)
        file.write(b"N" * (1 << 20))
"""


def test_a_writer_killed_mid_write_leaves_the_previous_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "export.png"
    previous = os.urandom(3 << 20)
    target.write_bytes(previous)
    script = f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n" + textwrap.dedent(KILLED_WRITER)
    child = subprocess.Popen([sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline() == "half-way\n"
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait(timeout=30)
        assert child.stdout is not None
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert target.read_bytes() == previous
    # kill -9 leaves the hidden temporary file (nothing can remove it), never a file under the final name
    leftovers = others(tmp_path, "export.png")
    assert len(leftovers) == 1 and leftovers[0].startswith(".export.png.") and leftovers[0].endswith(".tmp.png")


LIMITED_RECORDS = """
    from pathlib import Path
    from core.bench.records import write_records
    from tests.test_bench_records import sample

    try:
        write_records([sample()] * 20, Path(sys.argv[1]), {"json"}, {"note": "meta"})
    except OSError as error:
        print(error)
        sys.exit(3)
"""


def test_a_file_size_limit_fails_the_bench_json_write_and_keeps_the_old_file(tmp_path: Path) -> None:
    old = tmp_path / "bench.json"
    old.write_bytes(OLD[:1000])
    result = run_limited(LIMITED_RECORDS, 2048, str(tmp_path))
    assert result.returncode == 3, result.stderr
    assert result.stdout.strip() == f"cannot write {old}: the file is too large (a file-size limit was reached)"
    assert old.read_bytes() == OLD[:1000] and others(tmp_path, "bench.json") == []


LIMITED_SESSION = """
    from pathlib import Path
    from core.presets import load_preset
    from core.session import Session, save_session

    try:
        save_session(Session(load_preset("conv2d-doc-example").spec, {"zoom": 1.5}), Path(sys.argv[1]))
    except OSError as error:
        print(error)
        sys.exit(3)
"""


def test_save_session_failing_over_a_good_session_leaves_it_loadable(tmp_path: Path) -> None:
    path = tmp_path / "lecture.json"
    save_session(GOOD, path)
    good = path.read_bytes()
    result = run_limited(LIMITED_SESSION, 100, str(path))  # the issue: 100 bytes were left, which the app refused
    assert result.returncode == 3, result.stderr
    assert "cannot write" in result.stdout and "too large" in result.stdout
    assert path.read_bytes() == good and load_session(path) == GOOD
    assert others(tmp_path, "lecture.json") == []


# ----- every core writer goes through the helper ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("session.json", lambda d: save_session(GOOD, d / "session.json")),
        ("bench.csv", lambda d: write_records([sample()], d, {"csv"}, {})),
        ("bench.json", lambda d: write_records([sample()], d, {"json"}, {})),
    ],
)
def test_each_core_writer_keeps_the_previous_file_when_the_write_cannot_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, write: Callable[[Path], object]
) -> None:
    (tmp_path / name).write_bytes(OLD)
    fail_renames_into(tmp_path, monkeypatch)
    with pytest.raises(WriteError, match=re.escape(f"cannot write {tmp_path / name}: ")):
        write(tmp_path)
    assert (tmp_path / name).read_bytes() == OLD and others(tmp_path, name) == []
