"""Pages that answer 200 but are not the page asked for: bot challenges and login walls.

Recognised by what such pages share (challenge forms and scripts, the usual wording,
a password field with next to no text), so they are dropped with their reason and
never overwrite an archived article.
"""

from __future__ import annotations

import re

from parsel import Selector

_CHALLENGE_TITLES = re.compile(
    r"^\s*(just a moment|attention required|access denied|please wait|security check|"
    r"are you a robot|checking your browser|ddos-guard)", re.I)
# Looked for only on pages with little text (a challenge page is short), so the
# whole-document scans cost nothing on real articles.
_CHALLENGE_MARK = re.compile(r"challenge-form|cf-challenge|cf-browser-verification|"
                             r"g-recaptcha|h-captcha|/cdn-cgi/challenge-platform/")
SHORT_PAGE = 2500  # characters of visible text
_CHALLENGE_TEXT = re.compile(
    r"checking (if the site connection is secure|your browser before accessing)|"
    r"enable javascript and cookies to continue|verify you are (a )?human", re.I)
_LOGIN_TEXT = re.compile(
    r"(log ?in|sign ?in|subscribe|become a member|members only)\b[^.]{0,60}"
    r"\b(to (read|continue|view|access)|required)", re.I)


def blocker_kind(selector: Selector) -> str | None:
    """"challenge", "login_wall" or None for an ordinary page."""
    title = selector.xpath("string(/html/head/title)").get() or ""
    if _CHALLENGE_TITLES.match(title):
        return "challenge"
    root = selector.root
    password = any(el.get("type") == "password" for el in root.iter("input"))
    parts: list[str] = []
    size = 0
    for paragraph in root.iter("p"):  # stop reading once the page is plainly long
        piece = "".join(paragraph.itertext())
        parts.append(piece)
        size += len(piece)
        if size > (4 * SHORT_PAGE if password else SHORT_PAGE):
            break
    text = " ".join(parts)
    if size > SHORT_PAGE and not password:
        return None
    # Divs are the bulk of a page: looked at only on pages with next to no text.
    tags = ("form", "script", "iframe", "div") if size < SHORT_PAGE / 4 else (
        "form", "script", "iframe")
    marked = any(
        _CHALLENGE_MARK.search(f"{el.get('id', '')} {el.get('class', '')} {el.get('src', '')}")
        for el in root.iter(*tags))
    if marked or _CHALLENGE_TEXT.search(text):
        return "challenge"
    if password and _LOGIN_TEXT.search(text) and len(text) < 4 * SHORT_PAGE:
        return "login_wall"
    return None
