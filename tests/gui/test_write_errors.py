"""Every write the window makes (Save session, Export current panel, the Speed panel's Export) into a target it
cannot write is a message naming the path and the reason, never an exception, never "exported" when nothing was
written; a failed write leaves the previous file as it was; a good target is still written."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.session import Session, load_session, save_session
from core.spec import parse_spec
from gui.main_window import MainWindow
from tests.gui.windows import lab_window
from tests.test_atomic_write import OLD, fail_renames_into, others
from tests.test_bench_export import sweep_result

SMALL = parse_spec(dims=1, cin=2, cout=3, kernel=1, input_size=4)
PLOT_FILES = {f"bench_{kind}.{ext}" for kind in ("time", "ratio", "ratio_bars", "roofline") for ext in ("png", "svg")}


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    win = lab_window(qtbot, tmp_path / "settings.ini")
    win.show()
    win.apply_spec(SMALL, synchronous=True)
    yield win
    for box in win.findChildren(QMessageBox):
        box.close()
    win.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding a file ``file`` and a folder ``folder``."""
    root = tmp_path / "targets"
    root.mkdir()
    (root / "file").write_bytes(OLD)
    (root / "folder").mkdir()
    return root


def read_only(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``root/read-only``, a folder nobody may create files in (for root, whom mode bits do not stop, the
    refusal is emulated where the kernel would give it: creating the temporary file)."""
    path = root / "read-only"
    path.mkdir()
    path.chmod(0o555)
    if os.access(path, os.W_OK):
        real_open = os.open

        def refusing_open(name: str | Path, flags: int, *args: object, **kwargs: object) -> int:
            if flags & os.O_CREAT and Path(name).parent == path:
                raise PermissionError(errno.EACCES, "Permission denied", str(name))
            return real_open(name, flags, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", refusing_open)
    return path


# (name, target inside the folder fixture, the reason expected after "cannot write TARGET: ")
FILE_TARGETS: list[tuple[str, Callable[[Path, pytest.MonkeyPatch], Path], str]] = [
    ("missing-folder", lambda d, _: d / "missing" / "out", "the folder {d}/missing does not exist"),
    ("file-as-folder", lambda d, _: d / "file" / "out", "{d}/file is a file, not a folder"),
    ("a-folder", lambda d, _: d / "folder", "it is a folder"),
    ("read-only-folder", lambda d, m: read_only(d, m) / "out", "permission denied"),
]


def answer_dialog(monkeypatch: pytest.MonkeyPatch, method: str, path: Path) -> None:
    """The file dialog ``method`` returns ``path`` as if the user had chosen it."""
    if method == "getExistingDirectory":
        monkeypatch.setattr(QFileDialog, method, staticmethod(lambda *args, **kwargs: str(path)))
    else:
        monkeypatch.setattr(QFileDialog, method, staticmethod(lambda *args, **kwargs: (str(path), "")))


def shown_warning(win: MainWindow) -> str:
    boxes = [box for box in win.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    return boxes[0].text()


def snapshot(root: Path) -> dict[str, bytes | None]:
    return {str(p.relative_to(root)): p.read_bytes() if p.is_file() else None for p in sorted(root.rglob("*"))}


@pytest.mark.parametrize(("name", "make", "reason"), FILE_TARGETS, ids=[t[0] for t in FILE_TARGETS])
def test_save_session_into_an_unwritable_target_is_a_message(
    window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch, name: str, make, reason: str
) -> None:
    target = make(folder, monkeypatch)
    target = target.with_suffix(".json") if name != "a-folder" else target
    before = snapshot(folder)
    answer_dialog(monkeypatch, "getSaveFileName", target)
    window.save_session_dialog()  # what File > Save session calls
    expected = f"cannot write {target}: {reason.format(d=folder)}"
    assert window.status.text().startswith(f"session not saved: {expected}")
    assert shown_warning(window).startswith(expected)
    assert snapshot(folder) == before


@pytest.mark.parametrize(("name", "make", "reason"), FILE_TARGETS, ids=[t[0] for t in FILE_TARGETS])
def test_export_current_panel_to_an_unwritable_target_is_a_message(
    window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch, name: str, make, reason: str
) -> None:
    target = make(folder, monkeypatch)
    target = target.with_suffix(".png") if name != "a-folder" else target
    before = snapshot(folder)
    answer_dialog(monkeypatch, "getSaveFileName", target)
    window.export_panel_dialog()  # what File > Export current panel calls
    expected = f"cannot write {target}: {reason.format(d=folder)}"
    assert window.status.text().startswith(f"not exported: {expected}")
    assert not window.status.text().startswith("exported")
    assert shown_warning(window).startswith(expected)
    assert snapshot(folder) == before


def test_export_current_panel_to_a_format_qt_cannot_write_is_a_message(
    window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_dialog(monkeypatch, "getSaveFileName", folder / "panel.xyz")
    window.export_panel_dialog()
    assert (
        window.status.text()
        == f"not exported: cannot write {folder / 'panel.xyz'}: Qt cannot write .xyz images (use .png)"
    )
    assert sorted(os.listdir(folder)) == ["file", "folder"]


def test_a_save_that_cannot_finish_keeps_the_good_session_loadable(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "good" / "lecture.json"
    path.parent.mkdir()
    good = Session(parse_spec(dims=2, cin=4, cout=6, kernel=3, input_size=6), {"theme": "dark"})
    save_session(good, path)
    fail_renames_into(path.parent, monkeypatch)  # the process dies / the disk fails just before the rename
    assert not window.save_session_to(path)
    assert window.status.text() == f"session not saved: cannot write {path}: Input/output error"
    assert load_session(path) == good and others(path.parent, "lecture.json") == []


def test_export_and_save_into_good_targets_still_write_the_files(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    png, session = out / "panel.png", out / "session.json"
    png.write_bytes(OLD)  # replaced, not appended to
    answer_dialog(monkeypatch, "getSaveFileName", png)
    window.export_panel_dialog()
    assert window.status.text() == f"exported {png}"
    image = QImage(str(png))
    assert not image.isNull() and image.size() == window.tabs.currentWidget().size()
    answer_dialog(monkeypatch, "getSaveFileName", session)
    window.save_session_dialog()
    assert window.status.text() == f"saved session to {session}"
    assert load_session(session).spec == SMALL
    assert sorted(os.listdir(out)) == ["panel.png", "session.json"]  # and no temporary file
    assert not window.findChildren(QMessageBox)


# ----- the Speed panel's Export (a folder) -------------------------------------------------------------------------
FOLDER_TARGETS: list[tuple[str, Callable[[Path, pytest.MonkeyPatch], Path], str]] = [
    ("a-file", lambda d, _: d / "file", "cannot write {d}/file: it is a file, not a folder"),
    ("missing-under-a-file", lambda d, _: d / "file" / "plots", "cannot write {d}/file/plots: {d}/file is a file"),
    ("read-only", lambda d, m: read_only(d, m), "cannot write {d}/read-only/bench.csv: permission denied"),
]


@pytest.mark.parametrize(("name", "make", "message"), FOLDER_TARGETS, ids=[t[0] for t in FOLDER_TARGETS])
def test_speed_export_into_an_unwritable_folder_is_a_message(
    window: MainWindow, folder: Path, monkeypatch: pytest.MonkeyPatch, name: str, make, message: str
) -> None:
    panel = window.panels["speed"]
    panel.result = sweep_result()
    target = make(folder, monkeypatch)
    before = snapshot(folder)
    answer_dialog(monkeypatch, "getExistingDirectory", target)
    panel.export_dialog()  # what the Export button calls
    assert panel.message.text().startswith(f"error: export failed: {message.format(d=folder)}")
    assert snapshot(folder) == before


def test_speed_export_into_a_missing_folder_creates_it_and_writes_every_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = window.panels["speed"]
    panel.result = sweep_result()
    target = tmp_path / "new" / "plots"
    answer_dialog(monkeypatch, "getExistingDirectory", target)
    panel.export_dialog()
    assert panel.message.text() == f"wrote 10 files to {target}"
    assert set(os.listdir(target)) == PLOT_FILES | {"bench.csv", "bench.json"}
