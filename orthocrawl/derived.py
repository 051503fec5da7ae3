"""The derived layers computed for each new or changed article as it is stored (a crawl's
store pipeline, `reparse`): the industry layer (orthocrawl.entities) and stories
(orthocrawl.stories: the article joins the story of its syndicated copies). Each layer is
rebuildable from the stored articles and never part of an article's versions."""

from __future__ import annotations

import hashlib
import logging
from functools import cached_property
from typing import Any

logger = logging.getLogger(__name__)
ENTITIES_VERSION = "2"  # raise when the extraction's rules change: the layer is rebuilt


class Derivations:
    """Called as derive(archive, url, record) by Archive.store for each new or changed
    article; the gazetteers are loaded once, on first use."""

    @cached_property
    def extractor(self) -> Any:
        from orthocrawl.entities import Extractor

        return Extractor()

    def __init__(self) -> None:
        self.stories = True  # off for a run whose archive's stories another method made

    @cached_property
    def story_params(self) -> Any:
        from orthocrawl.stories import Params

        return Params()

    def stories_method(self) -> str:
        """What the stories are made with (StoryIndex.method: signature version, parameters)."""
        from orthocrawl.stories import MemoryStorage, StoryIndex

        return StoryIndex(MemoryStorage(), self.story_params).method

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
        self.start_stories(archive)

    def start_stories(self, archive: Any) -> None:
        """The stories' method is recorded on an archive without one (articles archived
        before stories existed stay in none until `orthocrawl stories --rebuild`); an
        archive whose stories another method made gets none assigned this run (their
        signatures may not compare), with a warning: `orthocrawl stories --rebuild`."""
        method, stored = self.stories_method(), archive.derived_method("stories")
        self.stories = stored in (None, method)
        if stored is None:
            archive.set_derived_method("stories", method)
            missing = archive.stories_missing()
            if missing:
                logger.warning("%d archived articles belong to no story yet: `orthocrawl "
                               "stories --rebuild` groups them", missing)
        elif stored != method:
            logger.warning("the archive's stories were made by %s, this orthocrawl uses %s: "
                           "no stories assigned until `orthocrawl stories --rebuild`",
                           stored, method)

    def __call__(self, archive: Any, url: str, record: dict[str, Any]) -> None:
        found = self.extractor.extract(record.get("title") or "", record.get("body_text") or "",
                                       (record.get("published_at") or "")[:10] or None)
        archive.replace_entities(url, found, self.extractor.gazetteer.today)
        if self.stories:
            from orthocrawl.stories import StoryIndex

            archive.assign_story(url, StoryIndex(archive.story_storage(), self.story_params))
