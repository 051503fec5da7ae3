"""The replica's newsroom and its sections: fictional staff writers and the site's categories."""

from __future__ import annotations

from dataclasses import dataclass

from .constants import ORIGIN


@dataclass(frozen=True, slots=True)
class Writer:
    """A staff writer: a WordPress account that Co-Authors Plus can put in a byline."""

    name: str
    slug: str
    bio: str

    @property
    def url(self) -> str:
        return f"{ORIGIN}/author/{self.slug}/"


@dataclass(frozen=True, slots=True)
class Section:
    """A category or a tag."""

    name: str
    slug: str
    taxonomy: str  # "category" or "tag"
    term_id: int

    @property
    def url(self) -> str:
        return f"{ORIGIN}/{self.taxonomy}/{self.slug}/"


# (writer, share of bylines)
STAFF: tuple[tuple[Writer, float], ...] = (
    (Writer("Hollis Vandermeer", "hollis-vandermeer",
            "Hollis Vandermeer edits the weekly issue and writes about spine and large joints."),
     0.24),
    (Writer("Tamsin Okoro-Blake", "tamsin-okoro-blake",
            "Tamsin Okoro-Blake covers research, biologics and the occasional space experiment."),
     0.2),
    (Writer("Reuben Castellane", "reuben-castellane",
            "Reuben Castellane reports on device companies, deals and the courtroom."), 0.18),
    (Writer("Anaïs Delorme-Quist", "anais-delorme-quist",
            "Anaïs Delorme-Quist writes about trauma care and sports medicine."), 0.14),
    (Writer("Dorian Fitch", "dorian-fitch",
            "Dorian Fitch follows regulators, payers and hospital purchasing."), 0.14),
    (Writer("Leontyne Mabry", "leontyne-mabry",
            "Leontyne Mabry moderates the weekly surgeon debates."), 0.1),
)
WRITERS = tuple(w for w, _ in STAFF)
WRITER_WEIGHTS = tuple(share for _, share in STAFF)

CATEGORIES: dict[str, Section] = {
    slug: Section(name, slug, "category", 3 + n)
    for n, (name, slug) in enumerate((
        ("Spine", "spine"), ("Trauma", "trauma"), ("Large Joints", "large-joints"),
        ("Extremities", "extremities"), ("Sports Medicine", "sports-medicine"),
        ("Biologics", "biologics"), ("Legal", "legal"), ("Business", "business"),
        ("Regulatory", "regulatory"), ("Research", "research"), ("Debates", "debates"),
        ("Interviews", "interviews"),
    ))
}


class TagBook:
    """Tags get ids in order of first use, so the same build always numbers them alike."""

    def __init__(self) -> None:
        self.by_slug: dict[str, Section] = {}

    def get(self, name: str, slug: str) -> Section:
        term = self.by_slug.get(slug)
        if term is None:
            term = self.by_slug[slug] = Section(name, slug, "tag", 400 + len(self.by_slug))
        return term
