"""The panels' data as tables (core/panel_data.py): the arrays the window draws, written as CSV and JSON that read
back exactly, one table per landed stage, safe file names only, and no temporary file left behind."""

from __future__ import annotations

import csv
import dataclasses
import json
import math
import os
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

from core.display import reduce_matrix
from core.lab import STAGES, LabResult, compute_stages, instant_result
from core.panel_data import JSON_NAME, Table, export_panel_data, panel_tables, write_tables
from core.presets import load_preset
from core.spec import parse_spec
from core.validation import validate

LECTURE = "fc-4x2-as-conv-2x2"
LINEAR_WEIGHT = [[-0.4525, 0.1935, -0.3702, 0.3160], [0.2698, 0.2885, 0.2830, -0.0791]]
OUTPUTS = [0.2983, 1.4994]
STAGE_TABLES = {
    "conv": {"conv_weight", "sliding_input", "sliding_kernel", "sliding_output"},
    "linear": {"linear_weight"},
    "equality": {"conv_output", "linear_output", "output_difference"},
    "init": {"init_histogram"},
}


def computed(mode: str | None = None, stages: tuple[str, ...] = STAGES) -> LabResult:
    """The lecture preset (in ``mode``, if given) with ``stages`` computed as the window computes them."""
    spec = load_preset(LECTURE).spec
    valid = validate(spec if mode is None else dataclasses.replace(spec, mode=mode))
    result = instant_result(valid)
    for stage, value in compute_stages(valid, stages):
        result = result.with_stage(stage, value)
    return result


@pytest.fixture(scope="module")
def lecture() -> LabResult:
    return computed()


@pytest.fixture(scope="module")
def exported(lecture: LabResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export") / "new folder"
    export_panel_data(lecture, folder)
    return folder


def read_csv(path: Path) -> tuple[list[str], list[str], list[list[float]]]:
    """(header, row labels, values) of a written table."""
    with open(path, newline="", encoding="utf-8") as file:
        header, *rows = list(csv.reader(file))
    return header, [row[0] for row in rows], [[float(v) for v in row[1:]] for row in rows]


def test_the_linear_weight_reads_back_exactly(lecture: LabResult, exported: Path) -> None:
    assert lecture.linear is not None
    header, labels, values = read_csv(exported / "linear_weight.csv")
    assert header == ["out feature \\ in feature", "0", "1", "2", "3"]
    assert labels == ["0", "1"]
    assert np.allclose(values, LINEAR_WEIGHT, atol=1e-4, rtol=0)
    assert values == lecture.linear.mapping.linear.weight.detach().double().tolist()  # every bit


def test_both_outputs_and_their_difference(exported: Path) -> None:
    for name in ("conv_output", "linear_output"):
        header, labels, values = read_csv(exported / f"{name}.csv")
        assert header == ["channel \\ output position", "0"] and labels == ["0", "1"]
        assert np.allclose(values, [[v] for v in OUTPUTS], atol=1e-4, rtol=0)
    assert read_csv(exported / "output_difference.csv")[2] == [[0.0], [0.0]]  # the preset says: bit for bit


def test_the_sliding_window_of_channel_0(lecture: LabResult) -> None:
    tables = panel_tables(lecture)
    assert tables["sliding_input"].values.tolist() == [[1.0, 2.0], [3.0, 4.0]]  # input_fill arange, no padding
    assert np.allclose(tables["sliding_kernel"].values, np.reshape(LINEAR_WEIGHT[0], (2, 2)), atol=1e-4, rtol=0)
    assert np.allclose(tables["sliding_output"].values, [[OUTPUTS[0]]], atol=1e-4, rtol=0)
    # The conv weight is the Linear's rows, one kernel under the other (full-kernel mapping).
    assert np.allclose(tables["conv_weight"].values, np.reshape(LINEAR_WEIGHT, (4, 2)), atol=1e-4, rtol=0)


def test_the_init_histogram_has_edges_and_both_densities(lecture: LabResult) -> None:
    init = lecture.init
    assert init is not None
    table = panel_tables(lecture)["init_histogram"]
    assert table.col_labels() == ("bin_start", "bin_end", "linear_density", "conv_density")
    assert table.values[:, 0].tolist() == init.bin_edges[:-1] and table.values[:, 1].tolist() == init.bin_edges[1:]
    assert table.values[:, 2].tolist() == init.linear_density and table.values[:, 3].tolist() == init.conv_density


def test_json_holds_every_table_and_the_spec(lecture: LabResult, exported: Path) -> None:
    tables = panel_tables(lecture)
    data = json.loads((exported / JSON_NAME).read_text(encoding="utf-8"))
    assert parse_spec(data["spec"]) == lecture.spec
    assert [t["name"] for t in data["tables"]] == list(tables) and set(tables) == set().union(*STAGE_TABLES.values())
    for entry in data["tables"]:
        table = tables[entry["name"]]
        labels = (table.title, table.row_label, table.col_label)
        assert (entry["title"], entry["row_label"], entry["col_label"]) == labels
        assert entry["shape"] == list(table.shape) and entry["values"] == table.values.tolist()
        assert read_csv(exported / f"{entry['name']}.csv")[2] == entry["values"]


def test_the_folder_holds_complete_files_only(lecture: LabResult, exported: Path) -> None:
    tables = panel_tables(lecture)
    assert sorted(os.listdir(exported)) == sorted([*(f"{name}.csv" for name in tables), JSON_NAME])
    for name, table in tables.items():
        assert (exported / f"{name}.csv").read_text(encoding="utf-8") == table.to_csv()
    again = export_panel_data(lecture, exported)  # over an earlier export: replaced, nothing left beside
    assert sorted(p.name for p in again) == sorted(os.listdir(exported))


def test_the_patch_matrix_only_in_unfold_mode(lecture: LabResult) -> None:
    assert lecture.valid.mode == "full" and "patches" not in panel_tables(lecture)
    unfold = panel_tables(computed("unfold", ("conv", "linear")))
    assert unfold["patches"].values.tolist() == [[1.0], [2.0], [3.0], [4.0]]  # the one window over arange input
    assert set(unfold) == STAGE_TABLES["conv"] | STAGE_TABLES["linear"] | {"patches"}


@pytest.mark.parametrize("missing", STAGES)
def test_a_missing_stage_gives_none_of_its_tables(lecture: LabResult, missing: str) -> None:
    cleared: dict[str, Any] = {missing: None}
    partial = dataclasses.replace(lecture, **cleared)
    expected = set().union(*(names for stage, names in STAGE_TABLES.items() if stage != missing))
    assert set(panel_tables(partial)) == expected
    assert panel_tables(instant_result(lecture.valid)) == {}


def test_a_reduced_matrix_is_written_as_shown(lecture: LabResult) -> None:
    assert lecture.linear is not None
    weight = torch.arange(16, dtype=torch.float64).reshape(4, 4) - 7.5
    reduced = reduce_matrix(weight, torch.zeros((4, 4), dtype=torch.long), max_cells=4)
    assert reduced.block == 2
    shown = dataclasses.replace(lecture, linear=dataclasses.replace(lecture.linear, linear_matrix=reduced))
    table = panel_tables(shown)["linear_weight"]
    assert table.values.tolist() == [[-7.5, -5.5], [5.5, 7.5]]  # each block's largest magnitude, as drawn
    assert table.row_labels() == ("0", "2") and table.col_labels() == ("0", "2")  # the full matrix's indices
    assert "2x2 blocks" in table.note and "4x4" in table.note and table.title == "Linear.weight 4×4"


def test_numbers_round_trip_bit_for_bit(tmp_path: Path) -> None:
    numbers = [0.1, 1 / 3, 5e-324, -0.0, 1.7976931348623157e308, math.nan, math.inf, -math.inf]
    table = Table("hard", "hard numbers", "r", "c", np.array([numbers]), col_index=tuple("abcdefgh"))
    write_tables({"hard": table}, tmp_path, {"seed": 1})
    _, _, (back,) = read_csv(tmp_path / "hard.csv")
    assert np.array(back).tobytes() == np.array(numbers).tobytes()
    strict = json.loads((tmp_path / JSON_NAME).read_text(), parse_constant=lambda c: pytest.fail(c))
    assert strict["tables"][0]["values"][0][-3:] == ["nan", "inf", "-inf"]
    assert strict["spec"] == {"seed": 1}


@pytest.mark.parametrize("name", ["", "../up", "a/b", ".hidden", "Upper", "con", "with space", "x.csv", "x" * 65])
def test_unsafe_names_are_refused_before_writing(tmp_path: Path, name: str) -> None:
    table = Table(name, "t", "r", "c", np.zeros((1, 1)))
    folder = tmp_path / "out"
    with pytest.raises(ValueError, match="not a safe table name"):
        write_tables({name: table}, folder, {})
    assert not folder.exists()


def test_a_table_under_another_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="another name"):
        write_tables({"other": Table("mine", "t", "r", "c", np.zeros((1, 1)))}, tmp_path, {})
    assert os.listdir(tmp_path) == []


def test_a_table_is_two_dimensional_and_read_only() -> None:
    with pytest.raises(ValueError, match="2-D"):
        Table("flat", "t", "r", "c", np.zeros(3))
    with pytest.raises(ValueError, match="3 labels for 2 rows"):
        Table("rows", "t", "r", "c", np.zeros((2, 1)), row_index=("a", "b", "c"))
    table = Table("ok", "t", "r", "c", np.array([[1, 2]]))
    assert table.values.dtype == np.float64
    with pytest.raises(ValueError, match="read-only"):
        table.values[0, 0] = 5.0
