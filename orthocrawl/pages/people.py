"""Authors as people: names out of bylines, structured data and meta tags, without "By",
roles, dates or organisations.

A page names its authors in several places that disagree in form: JSON-LD ``author``
(a Person, an Organization, or a bare string), ``<meta name="author">`` and its kin, and the
visible byline ("By Jane Doe, Senior Editor | Updated March 3"). ``clean_names`` turns any of
them into a list of names; ``choose_authors`` takes the first source that names people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from orthocrawl.pages.headline import unescape

# What comes before a name in a byline: "By", "Written by", "Author:", and a few words
# before a "by" ("View all posts by", "This post was written by").
_LEAD = re.compile(
    r"^(?:(?:\w+\s+){0,4}by|authors?|writer|from)\b[\s:]*", re.I)
# Between names.
_SEPARATORS = re.compile(r"\s*(?:;|\||/|,?\s+and\s+|\s+&\s+|&|,(?!\s*(?:jr|sr|ii|iii)\b))\s*",
                         re.I)
# A name ends where a role, a date or a label starts. Job titles and page labels of English
# bylines (a general vocabulary, not any site's).
_STOP_WORDS = frozenset("""
    editor editors writer writers reporter reporters correspondent contributor contributors
    columnist author authors staff team founder cofounder co-founder ceo cto coo cfo president
    director manager head lead chief senior junior associate assistant deputy executive
    managing contributing freelance guest expert specialist consultant analyst strategist
    coordinator producer photographer designer developer engineer researcher scientist
    professor lecturer dietitian nutritionist coach trainer attorney lawyer doctor nurse
    former certified licensed registered board
    updated published posted last reviewed edited fact checked read more about follow
    on at in the of for via with minute minutes min read views comments share
    monday tuesday wednesday thursday friday saturday sunday today yesterday ago
""".split())
# Month names end a name only when a day or year follows ("Luke Kim December 12"): "May" and
# "June" are names too.
_MONTHS = frozenset("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
# Months that are first names too: only a day or year after them makes them a date's.
_NAME_MONTHS = frozenset({"april", "may", "june", "august", "apr", "jun", "aug"})
# Words that make a name an organisation's.
_ORGANISATION_WORDS = frozenset("""
    team staff editors editorial desk newsroom newsdesk inc llc ltd gmbh corp corporation
    company co group media news magazine journal press publishing studio studios agency
    university college school institute association foundation society network center
    centre department office council committee board clinic hospital bank blog website
    admin administrator webmaster contributor marketing solutions services consulting
    consultants technologies technology software systems digital partners labs ventures
    holdings enterprises industries
""".split())
_PARTICLES = frozenset({"de", "da", "van", "von", "der", "den", "del", "la", "le", "di", "du",
                        "bin", "al", "el", "dos", "das", "ter", "ten", "y", "e"})
# Degrees, credentials and honorifics: in capitals ("MD", "RN", "FACS"), or the few mixed-case
# ones; none of them is part of the name.
_CREDENTIAL = re.compile(r"^(?:[A-Z][A-Z.\-]{1,4}|Ph\.?D\.?|M\.?Sc\.?|B\.?Sc\.?|Esq\.?|Jr\.?|"
                         r"Sr\.?|Dr\.?|Prof\.?|Mr\.?|Mrs\.?|Ms\.?)$")
# Honorifics before a name.
_HONORIFIC = re.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms|Sir|Dame)\.?$")
# Words that are never a name on their own.
_NOT_NAMES = frozenset({"the", "a", "an", "name", "full", "bio", "by", "and", "admin", "guest",
                        "anonymous", "unknown", "user", "none", "null", "undefined"})
_TOKEN = re.compile(r"[^\s]+")
_URLISH = re.compile(r"^(?:https?:)?//|^www\.|\.(?:com|org|net|io)\b|@")
MAX_NAME_WORDS = 5


def _is_name_word(word: str) -> bool:
    core = word.strip(".,'’()")
    if not core:
        return False
    if core.lower() in _PARTICLES:
        return True
    return core[0].isupper() or (core[0].isalpha() and "." in word and len(core) <= 2)


def clean_name(text: str, first: bool = True) -> str | None:
    """One person's name out of a byline fragment, or None when it names no person. A
    fragment that is not the byline's first ("Jane Doe, Home Security Expert") must be a
    whole name of two words or more: a role or a label there is not a second author."""
    text = _LEAD.sub("", unescape(text)).strip(" ,.:-–—|·•")
    if not text or _URLISH.search(text):
        return None
    tokens = _TOKEN.findall(text)
    words: list[str] = []
    cut = False
    for index, word in enumerate(tokens):
        bare = word.strip(".,:;()[]'’\"")
        if not words and _HONORIFIC.match(bare):
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if (bare.lower() in _STOP_WORDS or _CREDENTIAL.match(bare) or any(
                ch.isdigit() for ch in word)
                or (bare.lower() in _MONTHS and (following[:1].isdigit() or (
                    words and bare.lower() not in _NAME_MONTHS)))
                or not _is_name_word(word) or word.count("-") > 1):
            cut = True
            break
        words.append(word.strip(",;:"))
    if {w.strip(".,").lower() for w in words} & _ORGANISATION_WORDS:
        return None  # "South Carolina Learning Network on Facebook": not cut to its first two
    if cut and len(words) > 2 and not any(len(w.strip(".")) == 1 for w in words[1:-1]):
        words = words[:2]  # "Liz Kenny Former McKinsey Consultant": a role's modifiers
    if not words or len(words) > MAX_NAME_WORDS or (cut and len(words) == 1):
        return None  # "Our Editors", "Home Security Expert": a label, not a name
    if not first and (cut or len(words) == 1):
        return None
    if words[-1].lower() in _PARTICLES or words[0].lower() in _NOT_NAMES:
        return None
    if len(words) == 1 and words[0].strip(".").lower() in _MONTHS:
        return None  # "Dec" of "Dec 17, 2025 · Jane Doe": a date's month, not a name
    return " ".join(words)


def is_organisation(name: str, site_names: Iterable[str] = ()) -> bool:
    """Whether a name is an organisation's: it has an organisation's word, or it is one word
    that is the site's own name (a person's site is often named after them: two words that
    are the site's name may be a person's)."""
    words = {w.strip(".,").lower() for w in name.split()}
    if words & _ORGANISATION_WORDS:
        return True
    if len(words) > 1:
        return False
    key = re.sub(r"\W+", "", name.lower())
    return any(key and (key == n or (len(key) > 3 and key in n))
               for n in (re.sub(r"\W+", "", s.lower()) for s in site_names) if n)


def clean_names(texts: Iterable[str], site_names: Iterable[str] = ()) -> list[str]:
    """The people a list of byline texts names, each once, in order."""
    sites = list(site_names)
    found: dict[str, None] = {}
    for text in texts:
        parts = _SEPARATORS.split(_LEAD.sub("", unescape(text or "")))
        for index, part in enumerate(parts):
            name = clean_name(part, first=index == 0)
            if name and not is_organisation(name, sites):
                found.setdefault(name, None)
    return list(found)


def choose_authors(sources: Iterable[Iterable[str]],
                   site_names: Iterable[str] = ()) -> list[str]:
    """The people the first source naming any people names (sources best first, read one
    at a time: a generator's later sources are never computed when an early one names
    someone)."""
    sites = list(site_names)
    for texts in sources:
        names = clean_names(texts, sites)
        if names:
            return names
    return []


def widen_authors(names: list[str], lists: Iterable[list[str]]) -> list[str]:
    """The first list that names everyone in `names` and more (its co-authors), else
    `names`: lists read one at a time."""
    chosen = {name.casefold() for name in names}
    for found in lists:
        if len(found) > len(names) and chosen <= {name.casefold() for name in found}:
            return found
    return names
