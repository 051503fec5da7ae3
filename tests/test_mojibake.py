"""Pages encoded twice (UTF-8 read as Latin-1, encoded again) are read as they were written."""

from __future__ import annotations

import asyncio

from web_poet import HttpResponse

from orthocrawl.pages import GenericPage
from orthocrawl.pages.mojibake import repair

TWICE = "doesn\u00e2\u0080\u0099t cost\u00c2\u00a0much \u2013 caf\u00c3\u00a9"


def test_twice_encoded_characters_are_repaired():
    assert repair(TWICE) == "doesn\u2019t cost\u00a0much \u2013 caf\u00e9"


def test_windows_1252_quotes_are_repaired():
    mixed = "we\u0092re \u00e2\u0080\u009cquoted\u00e2\u0080\u009d"
    assert repair(mixed) == "we\u2019re \u201cquoted\u201d"


def test_text_without_control_characters_is_left_alone():
    # Latin-1 letters that look like a twice-encoded "é", on a page with no C1 character.
    assert repair("Ã© is what the sign said, and café") is None
    assert repair("plain text") is None


def test_a_generic_page_encoded_twice_reads_as_written():
    paragraph = ("Pet insurance doesn\u00e2\u0080\u0099t have to be a wallet-buster, and "
                 "here\u00e2\u0080\u0099s what owners pay for it in every state of the country, "
                 "from puppies to senior cats, month by month and year by year.")
    page = (f"<html><head><meta charset='utf-8'><title>What it costs</title></head><body>"
            f"<article><h1>What it costs</h1><p>{paragraph}</p><p>{paragraph}</p>"
            f"</article></body></html>").encode()
    article = asyncio.run(GenericPage(response=HttpResponse(
        "https://example.com/cost", body=page)).to_item())
    assert "doesn\u2019t have" in article.body_text and "\u00e2" not in article.body_text


def test_a_utf8_page_is_checked_in_its_bytes_and_others_in_their_text():
    utf8 = TWICE.encode("utf-8")
    assert b"\xc2\x80" in utf8  # the C1 character as UTF-8 writes it
    assert repair(TWICE, utf8, "utf-8") == repair(TWICE)
    assert repair(TWICE, utf8, "UTF8") == repair(TWICE)
    clean = "doesn\u2019t cost much"
    assert repair(clean, clean.encode("utf-8"), "utf-8") is None
    # a page declared in Windows-1252 or an unknown name is checked in its text
    assert repair(TWICE, b"unused", "cp1252") == repair(TWICE)
    assert repair(TWICE, b"unused", "no-such-codec") == repair(TWICE)
