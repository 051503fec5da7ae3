"""The generic body's safety nets (cascade.py), on small pages written here."""

from __future__ import annotations

from lxml import etree, html

from orthocrawl.pages import body as bodytext
from orthocrawl.pages.cascade import Body, _agreed, _with_lede
from orthocrawl.pages.density import Block, leaf_blocks

SECTIONS = [
    ("Choosing a brace", "A lumbar brace after fusion surgery limits how far the spine bends "
     "while the bone graft heals, and surgeons differ on how long a patient should wear one."),
    ("Fitting it well", "A brace that is too loose does nothing and one that is too tight "
     "presses on the incision, so the fitting is done by an orthotist in the first week."),
    ("Wearing it at night", "Most patients may take the brace off in bed, since lying down "
     "puts little load on the fused levels, but some surgeons ask for it around the clock."),
    ("When to stop", "The brace usually comes off after six to twelve weeks, once an x-ray "
     "shows the graft taking and the patient can walk a mile without pain in the back."),
]


def _guide() -> etree._Element:
    parts = "".join(f"<h2>{head}</h2><p>{text}</p><p>{text.replace('brace', 'support')}</p>"
                    for head, text in SECTIONS)
    return html.fromstring(f"<html><body><main><article><h1>Wearing a brace after fusion</h1>"
                           f"{parts}</article></main></body></html>")


def _fragment(text: str) -> Body:
    div = etree.Element("div")
    etree.SubElement(div, "p").text = text
    return Body(div, "main")


def _words(blocks: list[Block]) -> int:
    return sum(b.words for b in blocks)


def test_recall_wins_when_it_holds_the_fragment_and_the_densest_block():
    root = _guide()
    dense = leaf_blocks(root)
    fragment = _fragment(SECTIONS[-1][1])
    chosen = _agreed(fragment, 30, dense, root, "https://example.com/guides/brace", [])
    assert chosen.source == "recall"
    text = bodytext.body_text(chosen.root)
    assert all(head in text and body in text for head, body in SECTIONS)


def test_the_body_stays_when_the_densest_block_is_elsewhere():
    root = _guide()
    elsewhere = html.fromstring("<div><p>" + "Comments on another topic entirely, about "
                                "gardens and tomatoes and the weather this spring. " * 4
                                + "</p></div>")
    fragment = _fragment(SECTIONS[-1][1])
    chosen = _agreed(fragment, 30, leaf_blocks(elsewhere), root,
                     "https://example.com/guides/brace", [])
    assert chosen is fragment


def test_stray_short_lines_leave_both_ends_of_a_body():
    from orthocrawl.pages.ends import trim_ends
    root = html.fromstring(
        "<div><p>Back to all posts</p><h2>Choosing a brace</h2><p>" + SECTIONS[0][1] + "</p>"
        "<p>Steps to take:</p><ul><li>See the orthotist</li></ul><p>" + SECTIONS[1][1]
        + "</p><p>Join our newsletter</p><p>Privacy Policy</p></div>")
    trim_ends(root)
    blocks = bodytext.body_text(root).split("\n\n")
    # The leading heading is short and unpunctuated too: at an end, it goes with the link.
    assert blocks[0] == SECTIONS[0][1]
    assert "Steps to take:" in blocks and "- See the orthotist" in blocks
    assert blocks[-1] == SECTIONS[1][1]


def test_a_body_of_one_short_line_keeps_it():
    from orthocrawl.pages.ends import trim_ends
    root = html.fromstring("<div><p>Short note</p></div>")
    trim_ends(root)
    assert bodytext.body_text(root) == "Short note"


def _longer(text: str) -> str:
    """A paragraph of the body: on the opening paragraph's subject, and longer."""
    other = text.replace("brace", "support")
    return f"{other} {other}"


def _lede_page(paragraphs: int) -> list[Block]:
    """A headline, `paragraphs` opening paragraphs in a box of their own, then the body."""
    opening = "".join(f"<p>{text}</p>" for _, text in SECTIONS[:paragraphs])
    rest = "".join(f"<h2>{head}</h2><p>{_longer(text)}</p>" for head, text in SECTIONS)
    root = html.fromstring(f"<html><body><h1>Wearing a brace after fusion</h1>"
                           f"<div class='summary'>{opening}</div><div>{rest}</div>"
                           "</body></html>")
    return leaf_blocks(root)


def _rest() -> Body:
    div = etree.Element("div")
    for head, text in SECTIONS:
        etree.SubElement(div, "h2").text = head
        etree.SubElement(div, "p").text = _longer(text)
    return Body(div, "main")


def test_opening_paragraphs_between_headline_and_body_are_put_back():
    text = bodytext.body_text(_with_lede(_rest(), _lede_page(3)).root)
    assert text.startswith(SECTIONS[0][1])
    assert all(body in text for _, body in SECTIONS[:3])
    assert text.endswith(_longer(SECTIONS[-1][1]))


def test_a_standfirst_under_the_headline_stays_out():
    body = _rest()
    assert _with_lede(body, _lede_page(1)) is body
