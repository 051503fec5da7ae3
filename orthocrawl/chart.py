"""The picture of `orthocrawl stats --chart`: articles per month, one band per site."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

from orthocrawl.errors import UserError


def _month_range(first: str, last: str) -> list[str]:
    year, month = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class ChartError(UserError, ValueError):
    """A chart that cannot be drawn or written; the message is one line."""


def check_path(path: Path) -> None:
    if path.suffix.lower() not in (".png", ".svg"):
        raise ChartError(f"{path}: the chart file must end in .png or .svg", 2)


def _quarter_range(first: str, last: str) -> list[str]:
    """Every quarter from first to last ("2024-Q3")."""
    year, quarter = int(first[:4]), int(first[-1])
    quarters = []
    while (year, quarter) <= (int(last[:4]), int(last[-1])):
        quarters.append(f"{year:04d}-Q{quarter}")
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return quarters


def draw(counts: list[tuple[str, str, int]], path: Path, title: str) -> None:
    """Stacked bars of articles per month by site, saved as PNG or SVG (by suffix)."""
    if not counts:
        raise ChartError("no dated articles to draw")
    by_site: dict[str, dict[str, int]] = defaultdict(dict)
    for month, site, count in counts:
        by_site[site][month] = count
    months = _month_range(counts[0][0], counts[-1][0])
    fig, ax = plt.subplots(figsize=(max(8, min(14, len(months) / 8)), 4.8), dpi=120)
    bottom = [0] * len(months)
    for site in sorted(by_site, key=lambda s: -sum(by_site[s].values())):
        values = [by_site[site].get(m, 0) for m in months]
        ax.bar(range(len(months)), values, bottom=bottom, width=0.9, label=site)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    _finish(fig, ax, months, "articles per month", title, path, ncols=min(5, len(by_site)))


def draw_trend(series: dict[str, dict[str, int]], path: Path, title: str, by: str) -> None:
    """One line per name: stories mentioning it per month or quarter, every period between
    the first and the last shown (zero where none), with axis labels, legend and dates."""
    periods = sorted({p for counts in series.values() for p in counts})
    if not periods:
        raise ChartError("nothing to draw: no dated article mentions these names")
    periods = _month_range(periods[0], periods[-1]) if by == "month" else \
        _quarter_range(periods[0], periods[-1])
    fig, ax = plt.subplots(figsize=(max(8, min(14, len(periods) / 6)), 4.8), dpi=120)
    for name, counts in series.items():
        ax.plot(range(len(periods)), [counts.get(p, 0) for p in periods], marker="o",
                markersize=3, linewidth=1.6, label=name)
    ax.set_xlabel(by)
    _finish(fig, ax, periods, f"stories per {by}", title, path)


def _finish(fig: Any, ax: Any, periods: list[str], ylabel: str, title: str, path: Path,
            ncols: int = 1) -> None:
    """Axes, grid, title and legend as every chart has them; saved to `path`, closed."""
    step = max(1, len(periods) // 12)
    ax.set_xticks(range(0, len(periods), step), periods[::step], rotation=45, ha="right")
    ax.set_ylabel(ylabel)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", alpha=0.3)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(frameon=False, ncols=ncols)
    fig.tight_layout()
    try:
        fig.savefig(path)
    except OSError as error:
        raise ChartError(f"cannot write {path}: {error.strerror}") from None
    finally:
        plt.close(fig)
