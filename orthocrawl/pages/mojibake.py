"""Text encoded twice: UTF-8 bytes decoded as Latin-1 or Windows-1252 and encoded again.

Some pages are served that way (a CMS that stored UTF-8 in a Latin-1 column): "doesn’t"
arrives as "doesnâ\\x80\\x99t" or "doesnâ€™t", and a Windows-1252 quote as a C1 control
character. ftfy, the well-kept library for this, undoes it. It only runs on a page that holds
a C1 control character, which no text uses (ftfy reads a 500 KB page in about 0.2 s): on
../shared/bench/wcxb-dev 19 of 891 pages hold one, and the others parse as before.
"""

from __future__ import annotations

import codecs
import re

import ftfy

_C1 = re.compile("[\u0080-\u009f]")
# A C1 character as UTF-8 writes it: in a UTF-8 page's bytes, the one place one can come from.
_UTF8_C1 = re.compile(rb"\xc2[\x80-\x9f]")


def repair(text: str, body: bytes | None = None, encoding: str | None = None) -> str | None:
    """The text with its twice-encoded characters repaired (None: nothing to repair).

    Given the page's bytes and the encoding they were decoded with, a UTF-8 page is
    checked in its bytes (a search led by one byte value that rarely occurs). Checking
    every page's decoded text instead made the page objects about 0.2 ms a page slower
    (benchmarks/extract.py; 0.11 ms with this regex), several times what the check
    measures on its own; why was not established."""
    if body is not None and encoding and _is_utf8(encoding):
        if not _UTF8_C1.search(body):
            return None
    elif not _C1.search(text):
        return None
    repaired = ftfy.fix_encoding(text)
    return repaired if repaired != text else None


def _is_utf8(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False
