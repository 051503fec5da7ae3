"""People named in an article: clinicians by their degrees or "Dr.", executives by their title.

Each rule returns spans of the text; the extractor ties a person to the institution or company
named next to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import LOW, UP

_PART = rf"(?:[{UP}][{LOW}]+(?:[{UP}][{LOW}]+)?|[{UP}]['’][{UP}][{LOW}]+)(?:-[{UP}][{LOW}]+)*"
NAME = (rf"{_PART}(?:\s[{UP}]\.)?(?:\s(?:(?:van|von|de|da|del|der|di|du|le|la|bin)\s)*{_PART})"
        r"{1,2}")
_DEGREE = (r"(?:M\.D\.|MD|D\.O\.|DO|Ph\.D\.|PhD|MBBS|M\.B\.B\.S\.|FRCSC?|FRCS ?\(Orth\)|FAAOS|"
           r"FACS|FRACS|MPH|MBA|MHA|MS|M\.S\.|MSc|DPM|DC|PA-C|RN|DNP|ScD|MMSc)")
DEGREES = rf"{_DEGREE}(?:,?\s{_DEGREE})*"
CLINICAL = frozenset({"MD", "DO", "MBBS", "FRCS", "FRCSC", "FAAOS", "FACS", "FRACS", "DPM",
                      "FRCS(Orth)"})


def _ci(words: str) -> str:
    """A phrase whose words may start upper- or lowercase (titles are written both ways)."""
    return r"\s".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in words.split())


_DEPT = r"(?:\s(?:of|for)\s(?:the\s)?[A-Za-z&]+(?:,?\s(?:and\s|&\s)?[A-Za-z&]+){0,4}?)?"
_CORE = "|".join([
    rf"{_ci('chief')}\s(?:[A-Za-z]+\s){{1,2}}?{_ci('officer')}",
    r"CEO|CFO|COO|CTO|CMO|CCO|CSO|CIO|CPO|CRO|SVP|EVP",
    rf"(?:{_ci('executive')}\s|{_ci('senior')}\s)?{_ci('vice president')}{_DEPT}",
    rf"{_ci('general manager')}{_DEPT}", rf"{_ci('managing director')}",
    rf"{_ci('head')}\s{_ci('of')}\s[A-Za-z&]+(?:\s[A-Za-z&]+){{0,2}}?",
    rf"{_ci('president')}", rf"{_ci('chairman')}|{_ci('chairwoman')}|{_ci('chair')}",
    rf"[Cc]o-[Ff]ounder|{_ci('founder')}", rf"{_ci('executive director')}",
])
TITLE = (rf"(?:(?:{_ci('interim')}|{_ci('acting')}|{_ci('global')})\s)?(?:{_CORE})"
         rf"(?:(?:,\s|\s(?:and|&)\s)(?:{_CORE}))*")

# "Jane Doe, MD, PhD" / "Dr. Jane Doe" / "orthopedic surgeon Jane Doe"
_CLINICIAN = re.compile(
    rf"(?P<n1>{NAME}),\s(?P<deg>{DEGREES})(?![\w])"
    rf"|\bDr\.?\s(?P<n2>{NAME})"
    rf"|\b(?:[Oo]rthopa?edic\s(?:spine\s|trauma\s)?|[Ss]pine\s|[Ss]pinal\s|[Nn]euro)?surgeon\s"
    rf"(?P<n3>{NAME})")
# "Jane Doe, president and CEO of" / "CEO Jane Doe" / "the appointment of Jane Doe as CFO"
_EXECUTIVE = re.compile(
    rf"(?P<n1>{NAME}),\s(?:the\s|its\s|[{UP}][\w&\-]*(?:\s[{UP}][\w&\-]*)*['’]s\s)?"
    rf"(?:(?:new|newly appointed)\s)?(?P<t1>{TITLE})(?![\w])"
    rf"|(?<![\w,])(?P<t2>{TITLE})\s(?P<n2>{NAME})"
    rf"|(?:appointment\sof|appointed|appoints|named|names|hired|hires|promoted|welcomes)\s"
    rf"(?P<n3>{NAME})\s(?:as|to)\s(?:the\s(?:role|position)\sof\s)?(?:its\s|the\s|new\s)*"
    rf"(?P<t3>{TITLE})"
    rf"|(?P<n4>{NAME})\s(?:has\sbeen|was|is|will\sbe)\s(?:appointed|named|promoted\sto|hired\sas)"
    rf"\s(?:as\s)?(?:its\s|the\s|new\s)*(?P<t4>{TITLE})"
    rf"|(?P<n5>{NAME})\s(?:joins|joined|has\sjoined)\s[^.]{{0,60}}?\sas\s(?:its\s|the\s|new\s)*"
    rf"(?P<t5>{TITLE})")
_DEGREE_SPLIT = re.compile(r",?\s")


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


def find_people(text: str) -> list[Found]:
    """Every clinician and executive the rules find, by first appearance (merged by name)."""
    found: dict[str, Found] = {}
    for hit in _CLINICIAN.finditer(text):
        name = hit.group("n1") or hit.group("n2") or hit.group("n3")
        group = "n1" if hit.group("n1") else "n2" if hit.group("n2") else "n3"
        degrees = [d for d in _DEGREE_SPLIT.split(hit.group("deg") or "") if d]
        clinical = not degrees or any(d.replace(".", "") in CLINICAL for d in degrees)
        person = found.setdefault(name, Found(name, hit.start(group), hit.end(),
                                              "surgeon" if clinical else "researcher"))
        person.degrees += [d for d in degrees if d not in person.degrees]
        if clinical and person.role == "researcher":
            person.role = "surgeon"
    for hit in _EXECUTIVE.finditer(text):
        n = next(i for i in range(1, 6) if hit.group(f"n{i}"))
        name, title = hit.group(f"n{n}"), hit.group(f"t{n}")
        person = found.setdefault(name, Found(name, hit.start(f"n{n}"), hit.end(), "executive"))
        if person.title is None:
            person.title = " ".join(title.split())
            person.title_start, person.title_end = hit.start(f"t{n}"), hit.end(f"t{n}")
            person.role = "executive"
    return sorted(found.values(), key=lambda p: p.start)
