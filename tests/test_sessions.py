"""Session files are data: every malformed one is one SpecError, and reading never blocks or runs away."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.errors import SpecError
from core.session import MAX_SESSION_BYTES, load_session

HEAD = '{"format": "linconv-lab-session", "version": 1, '


def session_text(spec: str = '{"cin": 3}', view: str = "{}") -> str:
    return HEAD + f'"spec": {spec}, "view": {view}' + "}"


def test_a_session_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as file:
        file.truncate(MAX_SESSION_BYTES * 4096)  # 4 GiB, sparse: reading it would take the whole RAM
    with pytest.raises(SpecError, match=r"4\.0 GiB"):
        load_session(path)


def test_a_named_pipe_a_device_and_a_folder_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)  # opening it for reading would block until someone writes
    for path in (fifo, Path("/dev/zero"), tmp_path):
        with pytest.raises(SpecError, match="not a regular file"):
            load_session(path)


def test_odd_names_and_versions_are_one_line_and_refused(tmp_path: Path) -> None:
    odd = tmp_path / "bad\nname.json"
    odd.write_text("{}")
    with pytest.raises(SpecError) as caught:
        load_session(odd)
    assert "\n" not in str(caught.value)
    for version in ("true", "1.0"):
        path = tmp_path / f"v{version}.json"
        path.write_text(HEAD.replace('"version": 1', f'"version": {version}') + '"spec": {}}')
        with pytest.raises(SpecError, match="unsupported version"):
            load_session(path)
