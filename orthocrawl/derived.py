"""The derived layers computed for each new or changed article as it is stored (a crawl's
store pipeline, `reparse`): the industry layer (orthocrawl.entities) and stories
(orthocrawl.stories: the article joins the story of its syndicated copies). Each layer is
rebuildable from the stored articles and never part of an article's versions."""

from __future__ import annotations

import hashlib
import logging
import os
from functools import cached_property, lru_cache
from typing import Any

from orthocrawl import derived_worker

logger = logging.getLogger(__name__)
ENTITIES_VERSION = "2"  # raise when the extraction's rules change: the layer is rebuilt


class Derivations:
    """Called as derive(archive, url, record) by Archive.store for each new or changed
    article; the gazetteers are loaded once, on first use."""

    @cached_property
    def gazetteer(self) -> Any:
        """The shipped and ORTHOCRAWL_GAZETTEERS gazetteers, read once (the worker reads the
        same files)."""
        from orthocrawl.entities.gazetteer import paths_from_env

        self.gazetteers[:] = [str(path) for path in paths_from_env()]
        return _gazetteer(tuple((path, _stamp(path)) for path in self.gazetteers))

    @cached_property
    def extractor(self) -> Any:
        """Built on first use: a crawl whose worker makes every extraction never needs it."""
        from orthocrawl.entities import Extractor

        return Extractor(self.gazetteer)

    def __init__(self) -> None:
        self.stories = True  # off for a run whose archive's stories another method made
        self.gazetteers: list[str] = []
        # the worker computing each article's pure part ahead (orthocrawl.derived_worker),
        # and its results by URL until the article is stored
        self.worker: derived_worker.Worker | None = None
        self.chunk: list[tuple[str, derived_worker.Job]] = []  # prepared, not yet sent
        # by URL: the worker's task, the article's place in it, what it was sent
        self.pending: dict[str, tuple[int, int, derived_worker.Job]] = {}
        self.tasks: set[int] = set()  # sent since the last batch was stored

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
                       for e in self.gazetteer.entries.values())
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

    # ---- the worker: a crawl's articles' pure part computed ahead ----

    def start_worker(self) -> None:
        """Compute each prepared article's pure part in the process's worker from now on
        (a crawl, after start(): the stories may be off for the run)."""
        _ = self.gazetteer  # its files are the worker's too
        self.worker = derived_worker.acquire(self.gazetteers)

    def prepare(self, record: dict[str, Any]) -> None:
        """Start an article's entities and story signature in the worker, as it waits in
        the store's batch; __call__ takes them if the stored article is the same."""
        if self.worker is None:
            return
        story = None
        if self.stories:
            published = record.get("published_at")
            story = {"url": record["url"], "site": record.get("site") or "",
                     "body_text": record.get("body_text") or "", "title": record.get("title"),
                     "published_at": published if published is not None
                     else record.get("first_seen"),
                     "authors": tuple(record.get("authors") or ()),
                     "body_html": record.get("body_html")}
        self.chunk.append((record["url"], (_entity_inputs(record), story)))
        if len(self.chunk) >= CHUNK:
            self._send()

    def _send(self) -> None:
        chunk, self.chunk = self.chunk, []
        if self.worker is None:
            return
        try:
            task = self.worker.submit([job for _, job in chunk])
        except (derived_worker.WorkerLost, OSError, ValueError) as error:
            self._lose_worker(error)
            return
        self.tasks.add(task)
        for index, (url, job) in enumerate(chunk):
            self.pending[url] = (task, index, job)

    def settle(self) -> None:
        """After a batch is stored: results not taken (an unchanged article) are dropped."""
        if self.worker is not None:
            self.worker.forget(self.tasks)
        self.tasks.clear()
        self.pending.clear()
        self.chunk.clear()

    def stop_worker(self) -> None:
        if self.worker is not None:
            self.settle()
            self.worker = None
            derived_worker.release()

    def _lose_worker(self, error: BaseException) -> None:
        logger.warning("derived layers computed inline from now on: the worker failed (%s)",
                       error or type(error).__name__)
        self.stop_worker()

    def _ahead(self, url: str) -> tuple[derived_worker.Job, derived_worker.Ahead] | None:
        """What the worker was sent for an article and made of it, if it has it."""
        if self.chunk:  # the batch is being stored: the rest of it goes now, to be made
            self._send()  # while the articles before it are placed
        entry = self.pending.pop(url, None)
        if entry is None or self.worker is None or self.worker.starting():
            return None  # inline: not sent, or the worker is not up yet
        task, index, job = entry
        try:
            ahead = self.worker.result(task)[index]
        except derived_worker.WorkerLost as error:
            self._lose_worker(error)
            return None
        except KeyError:  # forgotten already
            return None
        return None if ahead is None else (job, ahead)

    def __call__(self, archive: Any, url: str, record: dict[str, Any]) -> None:
        inputs = _entity_inputs(record)
        made = self._ahead(url)
        # the worker's results only for what the store stores: the same inputs
        found = made[1].extraction if made is not None and made[0][0] == inputs \
            else self.extractor.extract(*inputs)
        archive.replace_entities(url, found, self.gazetteer.today)
        if self.stories:
            from orthocrawl.stories import StoryArticle, StoryIndex

            signed = None
            if made is not None and made[0][1] is not None and made[1].signature is not None \
                    and made[0][1]["body_html"] == record.get("body_html"):
                fields = {k: v for k, v in made[0][1].items() if k != "body_html"}
                signed = (StoryArticle(0, **fields, cites=made[1].cites), made[1].signature)
            archive.assign_story(url, StoryIndex(archive.story_storage(), self.story_params),
                                 signed)


CHUNK = 16  # articles sent to the worker at a time (see derived_worker.submit)


@lru_cache(maxsize=4)
def _gazetteer(files: tuple[tuple[str, tuple[int, int] | None], ...]) -> Any:
    """The gazetteers read once a process for all its crawls (five sites: five pipelines),
    read again if a file changed (its size and time are part of the key)."""
    from orthocrawl.entities.gazetteer import load_gazetteer

    return load_gazetteer([path for path, _ in files])


def _stamp(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:  # load_gazetteer says what is wrong with it
        return None
    return status.st_mtime_ns, status.st_size


def _entity_inputs(record: dict[str, Any]) -> tuple[str, str, str | None]:
    """What the entities of an article are extracted from: title, body, publication day."""
    return (record.get("title") or "", record.get("body_text") or "",
            (record.get("published_at") or "")[:10] or None)
