"""Text encoded twice: UTF-8 bytes decoded as Latin-1 or Windows-1252 and encoded again.

Some pages are served that way (a CMS that stored UTF-8 in a Latin-1 column): "doesn’t"
arrives as "doesnâ\\x80\\x99t" or "doesnâ€™t", and a Windows-1252 quote as a C1 control
character. ftfy, the well-kept library for this, undoes it. It only runs on a page that holds
a C1 control character, which no text uses (ftfy reads a 500 KB page in about 0.2 s): on
../shared/bench/wcxb-dev 19 of 891 pages hold one, and the others parse as before.
"""

from __future__ import annotations

import ftfy

# Looked for one by one: 32 substring searches take 31 us on a 58 KB page where one
# character-class regex took 108 us (every page is checked).
_C1 = tuple(map(chr, range(0x80, 0xA0)))


def repair(text: str) -> str | None:
    """The text with its twice-encoded characters repaired (None: nothing to repair)."""
    if not any(char in text for char in _C1):
        return None
    repaired = ftfy.fix_encoding(text)
    return repaired if repaired != text else None
