"""Chrome that lives inside the body container: typed by editors or placed by the CMS.

The Ask Spine Surgeons series repeats the same paragraphs every week (what the series is,
next week's question, where to send answers, the editor's note); old articles end with a
typed "More articles on ..." list; the CMS drops ad modules and sign-up prompts between
paragraphs. None of it is body text: each piece carries its visible lines as chrome.
"""

from __future__ import annotations

from datetime import timedelta
from html import escape
from typing import TYPE_CHECKING

from ..blocks import Block
from ..corpus import parts
from ..inline import Ink, attr
from ..text import normalize
from ..timefmt import DAYS, MONTHS
from .clock import local
from .constants import ORIGIN, WORDS

if TYPE_CHECKING:
    from ..corpus.writer import Writer
    from .model import Article

_INTRO, _NOTE = WORDS["series_intro"], WORDS["editors_note"]


def _chrome(html: str, *lines: str) -> Block:
    return Block("chrome", html, "", chrome=tuple(normalize(line) for line in lines))


def _typed(w: Writer, text: str, bold_label: str = "") -> str:
    """A paragraph as editors type it: sometimes italic, sometimes led by a stray &nbsp;."""
    html, _ = w.ink.t(text)
    if bold_label:
        label, _ = w.ink.t(bold_label)
        html = f"<strong>{label}</strong> {w.ink.t(text.removeprefix(bold_label).lstrip())[0]}"
    roll = w.rng.random()
    if roll < 0.3:
        html = f"<em>{html}</em>"
    elif roll < 0.4:
        html = f'<span style="font-size: 10pt;">{html}</span>'
    lead = "&nbsp;" if w.chance(0.2) else ""
    return f"<p>{lead}{html}</p>"


def series_intro(w: Writer) -> Block:
    return _chrome(_typed(w, _INTRO), _INTRO)


def editors_note(w: Writer) -> Block:
    text = _NOTE.format(apos=w.pick(("'", "’")))
    return _chrome(_typed(w, text, "Editor's note:" if "'" in text else ""), text)


def next_question(w: Writer, this_week: str) -> Block:
    upcoming = [q for q in (w.fill(q) for q in parts.QUESTIONS) if q != this_week]
    text = "Next question: " + w.pick(upcoming)
    return _chrome(_typed(w, text, "Next question:"), text)


def send_responses(w: Writer) -> Block:
    writer = w.slots.get("writer", "the editor")
    first, _, last = writer.partition(" ")
    email = f"{first[:1].lower()}{last.lower().replace(' ', '')}@beckersspine.example"
    due = local(w.published + timedelta(days=w.rng.randint(5, 8)))
    when = f"{DAYS[due.weekday()]}, {MONTHS[due.month - 1]} {due.day}"
    text = f"Please send responses to {writer} at {email} by 5 p.m. CST {when}."
    ink = w.ink
    html = (f"<p>{ink.t('Please send responses to ' + writer + ' at ')[0]}"
            f'<a href="mailto:{attr(email)}">{email}</a>'
            f"{ink.t(' by 5 p.m. CST ' + when + '.')[0]}</p>")
    return _chrome(html, text)


def more_articles(article: Article, topic: str, style: int, ink: Ink) -> Block:
    """The related list that ends an article: typed paragraphs on the old CMS (style 0: a
    heading paragraph then one link per paragraph; style 1: one paragraph of <br>-separated
    links), a div on the new one (style 2)."""
    heading = f"More articles on {topic}:"
    if style == 1:
        heading = f"More Articles on {topic.title()}:"
    titles = [(r.url, r.title) for r in article.related]
    lines = [heading, *(t for _, t in titles)]
    if style == 0:
        html = f"<p><strong>{ink.t(heading)[0]}</strong></p>\n" + "\n".join(
            f'<p><a href="{attr(url)}">{ink.t(title)[0]}</a></p>' for url, title in titles)
    elif style == 1:
        links = "<br />\n".join(f'<a href="{attr(url)}">{ink.t(title)[0]}</a>'
                                for url, title in titles)
        html = f"<p><strong>{ink.t(heading)[0]}</strong><br />\n{links}</p>"
    else:
        items = "".join(f'<li><a href="{attr(url)}">{ink.t(title)[0]}</a></li>'
                        for url, title in titles)
        html = (f'<div class="more-articles"><p class="more-articles__title">'
                f"{ink.t(heading)[0]}</p><ul>{items}</ul></div>")
    return _chrome(html, *lines)


def banner_module(n: int) -> Block:
    """A Joomla banner module loaded into the article text ({loadposition})."""
    html = (f'<div class="moduletable bsr-inline-banner"><div class="bannergroup">'
            f'<div class="bannerheader">Advertisement</div><div class="banneritem">'
            f'<a href="{ORIGIN}/component/banners/click/{n}" target="_blank" '
            f'rel="noopener noreferrer" title="Spine coding webinar"><img '
            f'src="{ORIGIN}/images/banners/spine-coding-{n}.jpg" alt="Spine coding webinar" '
            f'width="468" height="60" /></a><div class="clr"></div></div></div></div>')
    return _chrome(html, "Advertisement")


def ad_slot(n: int) -> Block:
    html = (f'<div class="ad-container ad-inline" data-ad-unit="/21700000/bsr/article_inline">'
            f'<span class="ad-label">Advertisement</span><div id="div-gpt-ad-inline-{n}">'
            "</div></div>")
    return _chrome(html, "Advertisement")


_PROMPT = WORDS["newsletter_prompt"]


def newsletter_prompt() -> Block:
    html = (f'<div class="newsletter-prompt"><p>{_PROMPT}</p><a class="btn" '
            f'href="{ORIGIN}/e-weekly/">Subscribe</a></div>')
    return _chrome(html, _PROMPT)


def webinar_promo(topic: str) -> Block:
    text = f"Upcoming webinar: what payers expect from {topic} programs in the year ahead."
    html = (f'<div class="promo-inline"><strong>Upcoming webinar:</strong> '
            f'<a href="{ORIGIN}/webinars/">what payers expect from {escape(topic)} programs in '
            "the year ahead.</a></div>")
    return _chrome(html, text)
