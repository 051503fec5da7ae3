"""People named in an article: clinicians by their degrees, "Dr." or "surgeon", executives by
their title, each rule starting from its cue (cues.py).

Shapes read: "Jane Doe, MD, PhD", "Dr. Jane Doe", "spine surgeon Jane Doe"; "Jane Doe,
president and CEO of", "CEO Jane Doe", "the appointment of Jane Doe as CFO", "Jane Doe has been
named chief medical officer", "Jane Doe joins Acme as CFO".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .cues import Cues
from .text import LOW, UP

_PART = rf"(?:[{UP}][{LOW}]+(?:[{UP}][{LOW}]+)?|[{UP}]['’][{UP}][{LOW}]+)(?:-[{UP}][{LOW}]+)*"
NAME = re.compile(rf"{_PART}(?:\s[{UP}]\.)?(?:\s(?:(?:van|von|de|da|del|der|di|du|le|la)\s)*"
                  rf"{_PART}){{1,2}}")
_NAME_TOKEN = re.compile(rf"(?:{_PART}|[{UP}]\.|van|von|de|da|del|der|di|du|le|la)")
_DEGREE = (r"(?:M\.D\.|MD|D\.O\.|DO|Ph\.D\.|PhD|MBBS|M\.B\.B\.S\.|FRCSC?|FRCS ?\(Orth\)|FAAOS|"
           r"FACS|FRACS|MPH|MBA|MHA|MS|M\.S\.|MSc|DPM|DC|PA-C|RN|DNP|ScD|MMSc)")
DEGREES = re.compile(rf"{_DEGREE}(?:,?\s{_DEGREE})*(?![\w])")
_DEGREE_SPLIT = re.compile(r",?\s")
CLINICAL = frozenset({"MD", "DO", "MBBS", "FRCS", "FRCSC", "FAAOS", "FACS", "FRACS", "DPM",
                      "FRCS(Orth)"})


def _ci(words: str) -> str:
    """A phrase whose words may start upper- or lowercase (titles are written both ways)."""
    return r"\s".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in words.split())


_DEPT = r"(?:\s(?:of|for)\s(?:the\s)?[a-z&]+(?:,?\s(?:and\s|&\s)?[a-z&]+){0,4}?(?![\w]))?"
_CORE = "|".join([
    rf"{_ci('chief')}\s(?:[A-Za-z]+\s){{1,2}}?{_ci('officer')}",
    r"CEO|CFO|COO|CTO|CMO|CCO|CSO|CIO|SVP|EVP",
    rf"(?:{_ci('executive')}\s|{_ci('senior')}\s)?{_ci('vice president')}{_DEPT}",
    rf"{_ci('general manager')}{_DEPT}", rf"{_ci('managing director')}",
    rf"{_ci('head')}\s{_ci('of')}\s[a-z&]+(?:\s[a-z&]+){{0,2}}?(?![\w])",
    rf"{_ci('president')}", rf"{_ci('chairman')}|{_ci('chairwoman')}|{_ci('chair')}",
    rf"[Cc]o-[Ff]ounder|{_ci('founder')}", rf"{_ci('executive director')}",
])
TITLE = re.compile(rf"(?:(?:{_ci('interim')}|{_ci('acting')}|{_ci('global')})\s)?(?:{_CORE})"
                   rf"(?:(?:,\s|\s(?:and|&)\s)(?:{_CORE}))*(?![\w])")
_TITLE_LEAD = re.compile(rf",\s(?:the\s|its\s|[{UP}][\w&\-]*(?:\s[{UP}][\w&\-]*)*['’]s\s)?"
                         rf"(?:new\s|newly\sappointed\s)?(?:(?:{_ci('interim')}|{_ci('acting')}|"
                         rf"{_ci('global')}|{_ci('senior')}|{_ci('executive')})\s)*$")
# "Jane Doe is chief medical officer of Acme" (a name, a copula, then the title)
_IS_LEAD = re.compile(r"\s(?:is|was|serves\sas|served\sas|remains)\s(?:the\s|its\s)?(?:(?:"
                      rf"{_ci('interim')}|{_ci('acting')}|{_ci('global')}|{_ci('senior')}|"
                      rf"{_ci('executive')})\s)*$")
_AS_TITLE = re.compile(r"\s(?:as|to)\s(?:the\s(?:role|position)\sof\s)?(?:its\s|the\s|our\s|"
                       r"new\s|company['’]s\s)*")
_BEEN = re.compile(r"(?:has\sbeen|was|is|will\sbe|have\sbeen)\s$")
_HEADLINE_GOES_ON = re.compile(rf"\s[{UP}]")
_JOINS_AS = re.compile(r"[^.]{0,80}?\sas\s(?:its\s|the\s|new\s)*")


@lru_cache(maxsize=8192)  # an article asks about the same few words (names, titles) often
def _is_name_token(word: str) -> bool:
    return _NAME_TOKEN.fullmatch(word) is not None


@lru_cache(maxsize=256)
def _clinical(degree: str) -> bool:
    """Whether a degree as written ("M.D.", "MD", "PhD") is a clinician's."""
    return degree.replace(".", "") in CLINICAL


@dataclass
class Found:
    """A person as the rules saw them, before institution and company are tied on."""

    name: str
    start: int
    end: int  # end of the name with its degrees or title
    role: str
    degrees: list[str] = field(default_factory=list)
    title: str | None = None
    title_start: int = -1
    title_end: int = -1


def name_before(text: str, end: int, floor: int) -> tuple[int, str] | None:
    """The person's name that ends at `end` (2 to 4 name-shaped words), if any."""
    lo = max(floor, end - 60)
    line = text.rfind("\n", lo, end)  # a name starts its line at the latest
    words = text[max(lo, line + 1):end].split(" ")
    if words and words[-1] == "":
        return None
    taken: list[str] = []
    for word in reversed(words):
        if len(taken) == 4 or not _is_name_token(word):
            break
        taken.insert(0, word)
    while taken and not taken[0][0].isupper():
        taken.pop(0)
    while len(taken) > 2 and taken[0].endswith("."):  # a sentence's first word is no initial
        taken.pop(0)
    if len(taken) < 2 or taken[-1].endswith(".") or taken[-1][0].islower():
        return None
    name = " ".join(taken)
    return end - len(name), name


def find_people(text: str, cues: Cues) -> list[Found]:
    """Every clinician and executive the rules find, by first appearance (merged by name)."""
    found: dict[str, Found] = {}

    def add(start: int, name: str, end: int, role: str) -> Found:
        person = found.get(name)
        if person is None:
            person = found[name] = Found(name, start, end, role)
        elif start < person.start:  # the rules run by kind, not in the text's order
            person.start, person.end = start, end
        return person

    for start, _, _ in cues.get("degree", ()):
        degrees = DEGREES.match(text, start + 2)
        got = name_before(text, start, 0) if degrees else None
        if got is None or degrees is None:
            continue
        names = [d for d in _DEGREE_SPLIT.split(degrees.group(0)) if d]
        clinical = any(map(_clinical, names))
        person = add(got[0], got[1], degrees.end(), "surgeon" if clinical else "researcher")
        person.degrees += [d for d in names if d not in person.degrees]
        person.end = max(person.end, degrees.end())
        if clinical and person.role == "researcher":
            person.role = "surgeon"
    for category in ("doctor", "surgeon"):
        for cue, end, _ in cues.get(category, ()):
            pos = end + (1 if text[end:end + 1] == "." else 0)
            name = NAME.match(text, pos + 1) if text[pos:pos + 1] == " " else None
            if (name is not None and category == "surgeon" and text[cue].isupper()
                    and (_HEADLINE_GOES_ON.match(text, name.end())
                         or text[max(0, cue - 3):cue].strip(" s") in ("’", "'"))):
                # a title-case headline ("Surgeon Volume Affect Outcomes After ..", "Acme's
                # Surgeon Consulting Deals"): "Surgeon" is a noun there, not a title
                continue
            if name is not None and (category == "surgeon" or text[end - 2:end] in ("Dr", "DR")):
                add(name.start(), name.group(0), name.end(), "surgeon")
    title_end = -1
    for start, _, _ in cues.get("title", ()):
        if start < title_end:
            continue  # inside a title already read ("president and CEO")
        title = TITLE.match(text, start)
        if title is None:
            continue
        title_end = title.end()
        # "Jane Doe, president and CEO" (a name before the title)
        lead = (_TITLE_LEAD.search(text, max(0, start - 40), start)
                or _IS_LEAD.search(text, max(0, start - 40), start))
        got = name_before(text, lead.start(), 0) if lead else None
        if got is None and text[title.end():title.end() + 1] == " ":
            # "CEO Jane Doe"
            name = NAME.match(text, title.end() + 1)
            got = (name.start(), name.group(0)) if name else None
        if got is not None:
            _title(add(got[0], got[1], title.end(), "executive"), title)
    for start, end, key in cues.get("hiring", ()):
        if key in ("joins", "joined"):
            got = name_before(text, start - 1, 0) if start else None
            tail = _JOINS_AS.match(text, end) if got else None
            title = TITLE.match(text, tail.end()) if tail else None
        elif (been := _BEEN.search(text, max(0, start - 16), start)) is not None:
            got = name_before(text, been.start() - 1, 0)
            tail = _AS_TITLE.match(text, end) or re.compile(r"\s").match(text, end)
            title = TITLE.match(text, tail.end()) if got and tail else None
        else:
            name = NAME.match(text, end + 1)
            got = (name.start(), name.group(0)) if name else None
            tail = _AS_TITLE.match(text, name.end()) if name else None
            title = TITLE.match(text, tail.end()) if tail else None
        if got is not None and title is not None:
            _title(add(got[0], got[1], title.end(), "executive"), title)
    return sorted(found.values(), key=lambda p: p.start)


def _title(person: Found, title: re.Match[str]) -> None:
    said = " ".join(title.group(0).split())
    if person.title is None or (title.start() < person.title_start
                                and not person.title.lower().startswith(said.lower())):
        # the first title the text gives ("the appointment of X as CFO" before "X, CFO,
        # said"), unless it is the start of a later, fuller one ("Vice President" of a
        # headline, "vice president of marketing" of the body)
        person.title = said
        person.title_start, person.title_end = title.start(), title.end()
        person.role = "executive"
