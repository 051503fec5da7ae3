"""What a command prints, as plain values the library yields and the CLI only echoes: a str
is a line for standard output, a Note a line for standard error, Raw text is written as it
is (CSV that ends its own lines). Styles are ANSI codes, which click.echo strips when the
output is not a terminal."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from click import style

__all__ = ["Note", "Raw", "coloured", "style"]

COLOURS = {"+": "green", "-": "red", "@": "cyan"}


class Note(str):
    """A line for standard error: counts, hints and warnings beside the output proper."""


class Raw(str):
    """Text written as it is, with no newline added."""


def coloured(lines: Iterable[tuple[str, str]]) -> Iterator[str]:
    """A diff's (kind, line) pairs as lines: heads bold, additions green, removals red."""
    for kind, line in lines:
        if kind == "head":
            yield style(line, bold=True)
        else:
            yield style(line, fg=COLOURS[kind]) if kind in COLOURS else line
