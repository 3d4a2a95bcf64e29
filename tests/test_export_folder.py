"""Writing an export folder all at once (core.export_folder, core.export_writer, core.export_index): nothing under a
final name until every file is written; failure, cancellation and interrupts leave the folder as it was; a second
export replaces only what an export wrote."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from core.atomic_write import WriteError
from core.export_folder import STAGING_PREFIX, StagedFolder, check_file_name, probe_folder
from core.export_index import INDEX_HTML, INDEX_MD, MANIFEST, ExportedFile, export_info, index_files, previous_files
from core.export_writer import ExportItem, write_export
from core.lab import compute_stages_here, instant_result
from core.panel_data import JSON_NAME, panel_tables
from core.presets import load_preset
from core.standalone_script import SCRIPT_NAME
from core.validation import validate

VALID = validate(load_preset("fc-4x2-as-conv-2x2").spec)


def lab_result():
    result = instant_result(VALID)
    for stage, value in compute_stages_here(VALID):
        result = result.with_stage(stage, value)
    return result


def info():
    return export_info(VALID, preset="fc-4x2-as-conv-2x2", language="en", theme="light", width=1920)


def items(names: list[str], fail_at: str | None = None) -> list[ExportItem]:
    def content(name: str) -> Callable[[], bytes]:
        def make() -> bytes:
            if name == fail_at:  # as a write on a full disk fails
                raise WriteError(Path(name), OSError(28, "No space left on device"))
            return f"content of {name}".encode()

        return make

    return [ExportItem(name, f"file {name}", content(name)) for name in names]


def run(generator):
    while True:
        try:
            next(generator)
        except StopIteration as stop:
            return stop.value


def listing(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


NAMES = ["a.png", "b.svg", "sliding-frames/frame-000.png"]


def test_an_export_writes_every_file_and_an_index_that_lists_them(tmp_path: Path) -> None:
    paths = run(write_export(tmp_path / "out", items(NAMES), panel_tables(lab_result()), VALID, info()))
    names = {str(path.relative_to(tmp_path / "out")) for path in paths}
    assert {*NAMES, JSON_NAME, SCRIPT_NAME, INDEX_MD, INDEX_HTML, MANIFEST, "linear_weight.csv"} <= names
    assert listing(tmp_path / "out") == names | {"sliding-frames"}  # no staging folder, nothing else
    index = (tmp_path / "out" / INDEX_MD).read_text(encoding="utf-8")
    for name in names:
        assert f"[{name}](<{name}>)" in index
    assert VALID.spec.describe() in index and "| theme | light |" in index and "PyTorch" in index
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text(encoding="utf-8"))
    assert {file["name"] for file in manifest["files"]} == names
    assert (tmp_path / "out" / "a.png").read_bytes() == b"content of a.png"


@pytest.mark.parametrize("how", ["failure", "cancel", "interrupt"])
def test_a_failed_cancelled_or_interrupted_export_leaves_the_folder_as_it_was(tmp_path: Path, how: str) -> None:
    folder = tmp_path / "slides"
    folder.mkdir()
    (folder / "a.png").write_bytes(b"the old a")
    (folder / "notes.txt").write_text("mine")
    steps: list[object] = []
    writing = write_export(
        folder,
        items(NAMES, "b.svg" if how == "failure" else None),
        {},
        VALID,
        info(),
        lambda: len(steps) >= 2 if how == "cancel" else False,
    )
    if how == "failure":
        with pytest.raises(WriteError, match="no space left"):
            steps += writing
    elif how == "cancel":
        steps += writing
        assert len(steps) == 2  # stopped between files
    else:
        steps += [next(writing), next(writing)]
        with pytest.raises(KeyboardInterrupt):
            writing.throw(KeyboardInterrupt)
    assert listing(folder) == {"a.png", "notes.txt"}
    assert (folder / "a.png").read_bytes() == b"the old a"


def test_an_interrupt_inside_the_generator_cleans_up(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "slides"
    writing = write_export(folder, items(NAMES), {}, VALID, info())
    next(writing)
    next(writing)
    with pytest.raises(KeyboardInterrupt):
        writing.throw(KeyboardInterrupt)
    assert not (tmp_path / "new").exists()  # the folders it created are gone too


def test_a_second_export_replaces_what_the_first_wrote_and_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    run(write_export(folder, items(["a.png", "old.png", "sliding-frames/frame-001.png"]), {}, VALID, info()))
    (folder / "notes.txt").write_text("mine")
    (folder / "sliding-frames" / "mine.png").write_bytes(b"mine")
    run(write_export(folder, items(["a.png", "b.png"]), {}, VALID, info()))
    assert not (folder / "old.png").exists() and not (folder / "sliding-frames" / "frame-001.png").exists()
    assert (folder / "notes.txt").read_text() == "mine" and (folder / "sliding-frames" / "mine.png").exists()
    assert (folder / "b.png").exists()


def test_a_hand_edited_manifest_cannot_remove_files_outside_the_export(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (tmp_path / "precious.txt").write_text("keep")
    (folder / "Notes.TXT").write_text("keep")
    manifest = {"generator": "LinConv Lab export", "files": [{"name": "../precious.txt"}, {"name": "Notes.TXT"}]}
    (folder / MANIFEST).write_text(json.dumps(manifest))
    assert previous_files(folder) == []
    run(write_export(folder, items(["a.png"]), {}, VALID, info()))
    assert (tmp_path / "precious.txt").exists() and (folder / "Notes.TXT").exists()


def test_a_commit_that_fails_halfway_puts_every_previous_file_back(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for name in ("a.png", "b.png"):
        (folder / name).write_text(f"old {name}")
    real_replace = os.replace
    moves = []

    def replace(source, target):
        moves.append(target)
        if Path(target) == folder / "c.png":
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(WriteError), StagedFolder(folder) as staged:
        for name in ("a.png", "b.png", "c.png"):
            staged.path(name).write_text(f"new {name}")
        staged.commit(["a.png", "b.png", "c.png"])
    assert listing(folder) == {"a.png", "b.png"}
    assert [(folder / n).read_text() for n in ("a.png", "b.png")] == ["old a.png", "old b.png"]


def test_a_folder_where_a_file_is_refused_before_anything_is_moved(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    (folder / "b.png").mkdir(parents=True)
    with pytest.raises(WriteError, match="it is a folder"), StagedFolder(folder) as staged:
        for name in ("a.png", "b.png"):
            staged.path(name).write_text(name)
        staged.commit(["a.png", "b.png"])
    assert listing(folder) == {"b.png"}


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda tmp: (tmp / "file").write_text("x") and tmp / "file", "it is a file, not a folder"),
        (lambda tmp: (tmp / "file").write_text("x") and tmp / "file" / "sub", "is a file, not a folder"),
    ],
)
def test_an_impossible_folder_is_refused_with_its_reason_and_nothing_is_left(tmp_path: Path, make, reason) -> None:
    target = make(tmp_path)
    before = listing(tmp_path)
    with pytest.raises(WriteError, match=reason):
        probe_folder(target)
    assert listing(tmp_path) == before


def test_probing_a_missing_folder_leaves_nothing_behind(tmp_path: Path) -> None:
    probe_folder(tmp_path / "a" / "b")
    assert listing(tmp_path) == set()


def test_export_file_names_are_relative_lower_case_and_one_folder_deep() -> None:
    for good in ("a.png", "sliding-frames/frame-000.png", "linear_weight.csv"):
        assert check_file_name(good) == good
    for bad in ("../x", "/etc/passwd", "a/b/c.png", ".hidden", "A.png", "", "a/../b", f"{STAGING_PREFIX}x"):
        with pytest.raises(ValueError):
            check_file_name(bad)


def test_the_html_index_escapes_what_it_shows() -> None:
    files = [ExportedFile("a.png", "<b>not bold</b> & more")]
    page = index_files(info(), files)[INDEX_HTML]
    assert "&lt;b&gt;not bold&lt;/b&gt; &amp; more" in page and '<a href="a.png">' in page


def test_the_html_index_names_its_language_for_the_browser() -> None:
    chinese = export_info(VALID, preset="fc-4x2-as-conv-2x2", language="zh_CN", theme="light", width=1920)
    assert '<html lang="zh-CN">' in index_files(chinese, [])[INDEX_HTML]
    assert '<html lang="en">' in index_files(info(), [])[INDEX_HTML]
