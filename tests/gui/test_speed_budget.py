"""The Speed panel's default run fits its budget on every preset: arithmetic only (nothing is timed here)."""

from __future__ import annotations

import pytest

from core.bench.config import QUICK
from core.bench.duration import estimate
from core.presets import load_preset, preset_names
from gui.panels.speed import SpeedPanel

BUDGET_S = 20.0


@pytest.fixture
def fresh_panel(qtbot) -> SpeedPanel:
    """A Speed panel as the window makes it: default controls, nothing run yet."""
    from gui.launch import make_application

    make_application()
    widget = SpeedPanel()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize("name", preset_names())
def test_the_default_run_of_every_preset_is_expected_within_20_s_on_two_cores(fresh_panel: SpeedPanel, name) -> None:
    fresh_panel.set_spec(load_preset(name).spec)
    config = fresh_panel.config()
    assert (config.min_run_time, config.rounds, config.sweep, config.isolation) == (
        QUICK.min_run_time,
        QUICK.rounds,
        None,
        "process",
    )
    expected = estimate(config, roofline_measured=False, cpus=2)  # the first run in a fresh window, two cores
    assert expected.total_s < BUDGET_S, expected.describe()
    # Its arithmetic: at least rounds x each round's share for every implementation that can run the spec.
    assert expected.measuring_s >= config.min_run_time * 3 * 0.99 and expected.overhead_s > 0
