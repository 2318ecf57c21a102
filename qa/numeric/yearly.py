"""A figure's year and the year before it: the period a change is against, and the same
period a year earlier."""

from __future__ import annotations

from ..facts import Fact

_PERIODS = frozenset({"year", "half-year", "quarter"})


def year_on_year(f: Fact) -> bool:
    """Whether a change is against the same period a year earlier: it says so, or it is the
    change of a year's, a half-year's or a quarter's figure with no other basis stated ("its
    revenue for the first half of 2023 rose 18 percent"), as results are reported."""
    if f.change is None:
        return False
    return f.change.basis == "year-on-year" or (f.change.basis is None and f.time_kind in _PERIODS)


def basis_said(f: Fact) -> str:
    """How a working names a change's basis."""
    assert f.change is not None
    return f.change.basis or "(no basis stated: against the same period a year earlier)"


def year_of(time: str | None) -> int | None:
    """The year of a time ("2023-H1" → 2023); None when it has none."""
    return int(time[:4]) if time and time[:4].isdigit() else None


def prev_time(time: str) -> str:
    """The same period a year earlier: "2021" → "2020", "2023-H1" → "2022-H1"."""
    return f"{int(time[:4]) - 1}{time[4:]}"
