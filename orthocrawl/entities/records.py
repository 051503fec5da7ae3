"""The plain records one article's extraction returns (they map onto the archive's tables).

Entities are keyed by (kind, name): the archive gives each such pair one `entities.id`.
Every text field is a plain str; amounts are whole units of their currency (an int).
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import TypeVar, dataclass_transform

from orthocrawl.errors import BadInput

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True)  # type checkers see a frozen dataclass
def _record(cls: type[_T]) -> type[_T]:
    """A frozen dataclass whose __init__ stores the fields in the instance's __dict__ directly:
    a frozen dataclass's own __init__ calls object.__setattr__ once a field, several times
    slower, and an article makes a few dozen records (about 2% of its extraction). The
    instances stay frozen: assigning a field afterwards raises FrozenInstanceError."""
    record = dataclass(frozen=True)(cls)
    defaults, params, stores = {}, [], []
    for f in fields(record):  # type: ignore[arg-type]  # a dataclass by now
        if f.default is not MISSING:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        else:
            params.append(f.name)
        stores.append(f"    values[{f.name!r}] = {f.name}")
    source = (f"def __init__(self, {', '.join(params)}):\n    values = self.__dict__\n"
              + "\n".join(stores))
    namespace: dict[str, object] = {}
    exec(source, defaults, namespace)  # as dataclasses makes __init__, with the defaults
    init = namespace["__init__"]
    init.__qualname__ = f"{record.__qualname__}.__init__"  # type: ignore[attr-defined]
    record.__init__ = init  # type: ignore[method-assign,assignment]
    return record

KINDS = ("company", "person", "product", "institution")
EVENT_KINDS = ("acquisition", "financing", "clearance", "launch", "appointment", "partnership")


class UnknownKindError(BadInput):
    """A kind of entity or event that orthocrawl does not know (one line, names the known ones)."""


def check_kind(kind: str, known: tuple[str, ...] = KINDS) -> str:
    """`kind` when it is one of `known` (entity kinds by default), else UnknownKindError."""
    if kind not in known:
        raise UnknownKindError(f"unknown kind {kind!r} (expected one of: {', '.join(known)})")
    return kind


@_record
class Entity:
    """A row of `entities`: canonical name, the other names this article used, candidate flag."""

    kind: str
    name: str
    aliases: tuple[str, ...] = ()
    candidate: bool = False


@_record
class Mention:
    """A row of `mentions`: how often the article names the entity, and where first."""

    kind: str
    name: str
    count: int
    first_sentence: str


@_record
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


@_record
class Person:
    """A surgeon (or other clinician or researcher) or an executive named in the article."""

    name: str
    role: str  # surgeon | executive | researcher
    sentence: str
    degrees: tuple[str, ...] = ()
    institution: str | None = None
    title: str | None = None
    company: str | None = None


@_record
class RegulatoryNumber:
    """An FDA submission number (510(k) K123456, De Novo DEN123456, PMA P123456)."""

    number: str
    type: str  # 510(k) | De Novo | PMA
    sentence: str
    product: str | None = None
    company: str | None = None


@_record
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
