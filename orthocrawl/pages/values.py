"""Small value helpers shared by the page objects: JSON-LD values as lists, clean string lists."""

from __future__ import annotations

from typing import Any

from orthocrawl.pages.body import normalize_space


def as_list(value: Any) -> list[Any]:
    """A JSON-LD value as a list (a single value becomes a one-item list, None an empty one)."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def clean_list(values: list[Any]) -> list[str]:
    """Strings, stripped, empty ones and repeats dropped, order kept."""
    seen: dict[str, None] = {}
    for value in values:
        if isinstance(value, str):
            text = normalize_space(value)
            if text:
                seen.setdefault(text, None)
    return list(seen)


def split_keywords(value: Any) -> list[str]:
    """Comma-separated keywords (one string or several) as a clean list."""
    items: list[Any] = []
    for item in as_list(value):
        items.extend(item.split(",") if isinstance(item, str) else [])
    return clean_list(items)
