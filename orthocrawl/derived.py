"""The derived layers computed for each new or changed article as it is stored (a crawl's
store pipeline, `reparse`): today the industry layer (orthocrawl.entities). Each layer is
rebuildable from the stored articles and never part of an article's versions."""

from __future__ import annotations

import hashlib
import logging
from functools import cached_property
from typing import Any

logger = logging.getLogger(__name__)
ENTITIES_VERSION = "1"  # raise when the extraction's rules change: the layer is rebuilt


class Derivations:
    """Called as derive(archive, url, record) by Archive.store for each new or changed
    article; the gazetteers are loaded once, on first use."""

    @cached_property
    def extractor(self) -> Any:
        from orthocrawl.entities import Extractor

        return Extractor()

    def method(self) -> str:
        """What the entities layer is made with: the rules' version and the gazetteers'."""
        names = sorted(f"{e.kind}:{e.name}:{e.aliases}:{e.tickers}:{e.parent}:{e.since}"
                       for e in self.extractor.gazetteer.entries.values())
        digest = hashlib.sha256("\n".join(names).encode()).hexdigest()[:16]
        return f"entities-{ENTITIES_VERSION}-{digest}"

    def start(self, archive: Any) -> None:
        """Before a run's first write: the layer's method is recorded on an archive without
        one; an archive whose entities another method made is left so, with a warning
        (`orthocrawl reparse` rebuilds them), since mixing both would be worse."""
        method, stored = self.method(), archive.derived_method("entities")
        if stored is None:
            archive.set_derived_method("entities", method)
        elif stored != method:
            logger.warning("the archive's entities were made by %s, this orthocrawl uses %s: "
                           "`orthocrawl reparse` rebuilds them", stored, method)

    def __call__(self, archive: Any, url: str, record: dict[str, Any]) -> None:
        found = self.extractor.extract(record.get("title") or "", record.get("body_text") or "",
                                       (record.get("published_at") or "")[:10] or None)
        archive.replace_entities(url, found, self.extractor.gazetteer.today)
