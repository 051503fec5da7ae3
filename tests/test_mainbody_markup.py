"""trafilatura's output read as HTML: inline code stays in its sentence, and a paragraph
trafilatura cut around an element it dropped is one paragraph again."""

from __future__ import annotations

from lxml import etree

from orthocrawl.pages import body as bodytext
from orthocrawl.pages.mainbody import _as_html


def _text(xml: str) -> str:
    return bodytext.body_text(_as_html(etree.fromstring(xml)))


def test_inline_code_stays_in_its_sentence():
    text = _text("<body><p>You have seen a <code>.github</code> folder before.</p></body>")
    assert text == "You have seen a .github folder before."


def test_inline_code_is_kept_apart_from_glued_words():
    text = _text("<body><p>variants 'ß'<code>U+00DF</code><code>0x C3 9F</code>, and</p></body>")
    assert text == "variants 'ß' U+00DF 0x C3 9F, and"


def test_a_code_block_stays_a_block():
    text = _text("<body><p>Run this:</p><code>make\nmake test</code></body>")
    assert text == "Run this:\n\nmake\nmake test"


def test_a_paragraph_cut_around_a_dropped_link_is_joined():
    text = _text("<body><div><p>Businesses remain the </p>backbone of the economy"
                 "<p> in many countries.</p></div></body>")
    assert text == "Businesses remain the backbone of the economy in many countries."


def test_paragraphs_that_end_a_sentence_stay_apart():
    text = _text("<body><p>The first sentence.</p>A heading<p>Another paragraph.</p></body>")
    assert text == "The first sentence.\n\nA heading\n\nAnother paragraph."
