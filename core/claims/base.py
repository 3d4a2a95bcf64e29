"""What every claim shares: its progress steps, its result (a verdict word, the evidence in words, the data for
its plots), the verdict vocabulary and cancellation.

A claim's ``run(...)`` is a generator: it yields :class:`ClaimProgress` between steps (a cancellation point: close
the generator there, or cancel its :class:`~core.bench.runner.CancelToken`) and returns a :class:`ClaimResult`.
Every number in a verdict text is formatted from the computation that produced it.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

from core.bench.runner import CancelToken
from core.i18n import tr, tr_noop
from core.registry import Registry, Term

# Verdict colours take white text at 4.5:1 or more (badges print the word too: never colour alone). The names are
# identifiers (results, logic, tests); the label and description are shown: through verdict_label/_description.
VERDICTS: Registry[Term] = Registry(
    "verdict",
    [
        Term(
            "true",
            tr_noop("Claims", "TRUE"),
            tr_noop("Claims", "the measurements support the claim as stated"),
            "#1b7f3b",
        ),
        Term(
            "partly true",
            tr_noop("Claims", "PARTLY TRUE"),
            tr_noop("Claims", "right in part; the rest needs a qualification"),
            "#9a4f00",
        ),
        Term(
            "depends",
            tr_noop("Claims", "DEPENDS"),
            tr_noop("Claims", "true under some conditions and false under others"),
            "#1f5fa8",
        ),
        Term(
            "false",
            tr_noop("Claims", "FALSE"),
            tr_noop("Claims", "the measurements contradict the claim as stated"),
            "#c0392b",
        ),
    ],
)


def verdict_label(name: str) -> str:
    """The badge word of verdict ``name`` (e.g. ``TRUE``) in the current language."""
    return tr("Claims", VERDICTS[name].label)


def verdict_description(name: str) -> str:
    """What verdict ``name`` means, in one phrase, in the current language."""
    return tr("Claims", VERDICTS[name].description)


@dataclass(frozen=True)
class ClaimProgress:
    """One step of a claim's run: ``fraction`` done (0 to 1) and what it is doing, in words."""

    fraction: float
    text: str


@dataclass(frozen=True, eq=False)
class ClaimResult:
    """A claim tested: ``verdict`` (a name of :data:`VERDICTS`), one paragraph of ``evidence`` in plain words with
    the numbers, and ``data``: the claim's own evidence object (what its plots and tables draw)."""

    name: str
    verdict: str
    evidence: str
    data: Any

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {self.verdict!r}; choose one of {', '.join(VERDICTS.names)}")


class ClaimCancelled(Exception):
    """A claim's run stopped because its cancel token was cancelled."""


ClaimRun = Generator[ClaimProgress, None, ClaimResult]


def _not_runnable(*_args: Any, **_kwargs: Any) -> ClaimRun:
    raise NotImplementedError("a Claim needs a run function")


@dataclass(frozen=True)
class Claim(Term):
    """A popular claim: ``label`` is its short title, ``quote`` the claim as heard, ``description`` what is
    measured. ``run(cancel=None, ...)`` tests it; ``cheap`` claims finish in well under a second (a window may
    run them as soon as they are selected), the others only on request."""

    quote: str = ""
    run: Callable[..., ClaimRun] = _not_runnable
    cheap: bool = True

    # The registry marks its texts with tr_noop("Claims", ...): these show them in the current language.
    def shown_label(self) -> str:
        """The short title, in the current language."""
        return tr("Claims", self.label)

    def shown_quote(self) -> str:
        """The claim as heard, in the current language."""
        return tr("Claims", self.quote)

    def shown_description(self) -> str:
        """What is measured, in the current language."""
        return tr("Claims", self.description)


def check_cancel(cancel: CancelToken | None) -> None:
    """Raise :class:`ClaimCancelled` if ``cancel`` was cancelled (called between steps)."""
    if cancel is not None and cancel.cancelled:
        raise ClaimCancelled("cancelled")
