"""The plain records one article's extraction returns (they map onto the archive's tables).

Entities are keyed by (kind, name): the archive gives each such pair one `entities.id`.
Every text field is a plain str; amounts are whole units of their currency (an int).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from orthocrawl.errors import BadInput

KINDS = ("company", "person", "product", "institution")
EVENT_KINDS = ("acquisition", "financing", "clearance", "launch", "appointment", "partnership")


class UnknownKindError(BadInput):
    """A kind of entity or event that orthocrawl does not know (one line, names the known ones)."""


def check_kind(kind: str, known: tuple[str, ...] = KINDS) -> str:
    """`kind` when it is one of `known` (entity kinds by default), else UnknownKindError."""
    if kind not in known:
        raise UnknownKindError(f"unknown kind {kind!r} (expected one of: {', '.join(known)})")
    return kind


@dataclass(frozen=True)
class Entity:
    """A row of `entities`: canonical name, the other names this article used, candidate flag."""

    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    candidate: bool = False


@dataclass(frozen=True)
class Mention:
    """A row of `mentions`: how often the article names the entity, and where first."""

    kind: str
    name: str
    count: int
    first_sentence: str


@dataclass(frozen=True)
class Amount:
    """A sum of money: `value` in whole units of `currency` (ISO 4217 code)."""

    value: int
    currency: str
    text: str


@dataclass
class Event:
    """A row of `events`: one deal or other corporate event, with the sentence it came from.

    `company` is the acquirer, the company raising money, the maker of the product cleared or
    launched, the company appointing or the first partner; `target` the company acquired or
    the other partner. `person` and `title` are an appointment's.
    """

    kind: str
    sentence: str
    date: str | None = None
    company: str | None = None
    target: str | None = None
    product: str | None = None
    number: str | None = None
    amount: int | None = None
    currency: str | None = None
    round: str | None = None
    status: str | None = None
    investors: tuple[str, ...] = ()
    person: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Person:
    """A surgeon (or other clinician or researcher) or an executive named in the article."""

    name: str
    role: str  # surgeon | executive | researcher
    sentence: str
    degrees: tuple[str, ...] = ()
    institution: str | None = None
    title: str | None = None
    company: str | None = None


@dataclass(frozen=True)
class RegulatoryNumber:
    """An FDA submission number (510(k) K123456, De Novo DEN123456, PMA P123456)."""

    number: str
    type: str  # 510(k) | De Novo | PMA
    sentence: str
    product: str | None = None
    company: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    people: tuple[Person, ...] = ()
    numbers: tuple[RegulatoryNumber, ...] = ()
    amounts: tuple[Amount, ...] = field(default=())

    def names(self, kind: str) -> list[str]:
        """The canonical names of one kind of entity, in order of first mention."""
        check_kind(kind)
        return [e.name for e in self.entities if e.kind == kind]
