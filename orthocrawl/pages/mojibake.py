"""Text encoded twice: UTF-8 bytes read as Latin-1 and encoded as UTF-8 again.

Some pages are served that way (a CMS that stored UTF-8 in a Latin-1 column): "doesn’t"
arrives as "doesnâ\\x80\\x99t", the right quote's three bytes as three characters, two of them
C1 control characters that no text uses. ``repair`` turns each such run back into the
character it was. A run is only repaired when it is a whole UTF-8 sequence (a lead byte and
its continuation bytes) and the page holds a C1 control character, so a page that really
says "Ã©" (or any page written in Latin-1 letters) is left alone. On ../shared/bench/wcxb-dev
5 of 891 pages are encoded twice.
"""

from __future__ import annotations

import re

# A UTF-8 sequence read as Latin-1: a lead byte, then its 1 to 3 continuation bytes.
_SEQUENCE = re.compile("[\u00c2-\u00df][\u0080-\u00bf]|[\u00e0-\u00ef][\u0080-\u00bf]{2}|"
                       "[\u00f0-\u00f4][\u0080-\u00bf]{3}")
_C1 = re.compile("[\u0080-\u009f]")


def repair(text: str) -> str | None:
    """The text with its twice-encoded characters repaired (None: nothing to repair)."""
    if not _C1.search(text):
        return None
    repaired = _SEQUENCE.sub(_decoded, text)
    return repaired if repaired != text else None


def _decoded(match: re.Match[str]) -> str:
    try:
        return match.group(0).encode("latin-1").decode("utf-8")
    except UnicodeDecodeError:
        return match.group(0)
