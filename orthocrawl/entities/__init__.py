"""Industry entities from article text: companies, people, products, institutions, FDA numbers,
deals and other events (issue 12 §1). Pure: text in, plain records out; no Scrapy, no SQLite.

    from orthocrawl.entities import Extractor
    extractor = Extractor()            # shipped gazetteer + ORTHOCRAWL_GAZETTEERS, loaded once
    found = extractor.extract(title, body_text, published="2024-03-05")
    found.entities, found.mentions, found.events, found.people, found.numbers

The archive tables these records fill, and what a reparse does with them: docs/entities.md.
"""

from .extractor import Extractor, extract
from .gazetteer import ENV_VAR, Gazetteer, GazetteerError, load_gazetteer, paths_from_env
from .records import (
    EVENT_KINDS,
    KINDS,
    Amount,
    Entity,
    Event,
    Extraction,
    Mention,
    Person,
    RegulatoryNumber,
    UnknownKindError,
    check_kind,
)

__all__ = [
    "ENV_VAR", "EVENT_KINDS", "KINDS", "Amount", "Entity", "Event", "Extraction", "Extractor",
    "Gazetteer", "GazetteerError", "Mention", "Person", "RegulatoryNumber", "UnknownKindError",
    "check_kind", "extract", "load_gazetteer", "paths_from_env",
]
