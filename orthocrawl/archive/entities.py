"""The industry layer: entities, their mentions per article, events and people (derived from
the articles by orthocrawl.entities; rebuildable, never part of an article's versions)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from orthocrawl.archive.connection import Connection
from orthocrawl.dates import utc_now

EVENT_COLUMNS = ("kind", "date", "company", "target", "product", "number", "amount", "currency",
                 "round", "status", "investors", "person", "title", "sentence")


class EntityStore(Connection):
    """Writing one article's extraction, and the trackers' reads."""

    def replace_entities(self, url: str, found: Any, today: Callable[[str], str]) -> None:
        """Replace an article's mentions, events and people by an extraction's (an
        orthocrawl.entities.Extraction); entities are upserted by (kind, name), their
        aliases merged. Joins the caller's transaction (the article's own store). The rows
        are keyed by the article's row id (schema 11: article_mentions, article_events,
        article_people; `mentions`, `events` and `people` are views of them by URL)."""
        row = self.db.execute("SELECT rowid FROM articles WHERE url = ?", [url]).fetchone()
        if row is None:
            return
        article = row[0]
        with self.transaction():
            for table in ("article_mentions", "article_events", "article_people"):
                self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", [article])
            ids = {(e.kind, e.name): self._entity_id(e, today) for e in found.entities}
            # each table's rows in one executemany: one statement prepared and run in C,
            # not one execute (and its Python call) a row
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO article_mentions VALUES (?, ?, ?, ?)",
                [(article, entity, mention.count, mention.first_sentence)
                 for mention in found.mentions
                 if (entity := ids.get((mention.kind, mention.name))) is not None])
            if found.events:
                self.db.conn.executemany(
                    f"INSERT INTO article_events (article_id, {', '.join(EVENT_COLUMNS)}) "
                    f"VALUES (?, {', '.join('?' * len(EVENT_COLUMNS))})",
                    [_event_row(article, event) for event in found.events])
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO article_people VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(article, entity, person.role, ", ".join(person.degrees) or None,
                  person.institution, person.title, person.company, person.sentence)
                 for person in found.people
                 if (entity := ids.get(("person", person.name))) is not None])

    # (kind, name) -> (id, aliases, candidate) as this transaction left the row: a batch's
    # articles name the same companies again and again, and while the transaction holds
    # the write lock no one else changes them.
    _entity_rows: dict[tuple[str, str], tuple[int, frozenset[str], bool]] = {}
    _entity_rows_for = -1  # the transaction they are valid in

    def _entity_id(self, entity: Any, today: Callable[[str], str]) -> int:
        if self._entity_rows_for != self.transactions:
            self._entity_rows, self._entity_rows_for = {}, self.transactions
        key = (entity.kind, entity.name)
        known = self._entity_rows.get(key)
        if known is not None and known[1].issuperset(entity.aliases) and \
                not (known[2] and not entity.candidate):
            return known[0]  # nothing to add to the row
        found = self._write_entity(entity, today)
        self._entity_rows[key] = found
        return found[0]

    def _write_entity(self, entity: Any, today: Callable[[str], str]
                      ) -> tuple[int, frozenset[str], bool]:
        row = self.db.execute("SELECT id, aliases, candidate FROM entities WHERE kind = ? AND "
                              "name = ?", [entity.kind, entity.name]).fetchone()
        parent = today(entity.name) if entity.kind == "company" else None
        if row is None:
            cursor = self.db.execute(
                "INSERT INTO entities (kind, name, aliases, candidate, today) VALUES "
                "(?, ?, ?, ?, ?)", [entity.kind, entity.name, json.dumps(
                    sorted(set(entity.aliases))), int(entity.candidate), parent])
            return (int(cursor.lastrowid or 0), frozenset(entity.aliases),
                    bool(entity.candidate))
        aliases = sorted(set(json.loads(row[1])) | set(entity.aliases))
        if aliases != json.loads(row[1]) or (row[2] and not entity.candidate):
            self.db.execute("UPDATE entities SET aliases = ?, candidate = candidate AND ? "
                            "WHERE id = ?", [json.dumps(aliases), int(entity.candidate), row[0]])
        return int(row[0]), frozenset(aliases), bool(row[2] and entity.candidate)

    def forget_orphan_entities(self) -> int:
        """Delete entities no article mentions any more (after a rebuild); how many."""
        with self.transaction():
            return self.db.execute(
                "DELETE FROM entities WHERE id NOT IN (SELECT entity_id FROM article_mentions) "
                "AND id NOT IN (SELECT entity_id FROM article_people)").rowcount

    # ---- the method a derived layer was made with ----

    def derived_method(self, layer: str) -> str | None:
        row = self.db.execute("SELECT method FROM derived_methods WHERE layer = ?",
                              [layer]).fetchone()
        return row[0] if row else None

    def set_derived_method(self, layer: str, method: str) -> None:
        with self.transaction():
            self.db.execute("INSERT OR REPLACE INTO derived_methods VALUES (?, ?, ?)",
                            [layer, method, utc_now()])

    # ---- reads ----

    def _by_id(self) -> bool:
        """Whether the layer is keyed by article row id (schema 11 on), or by URL (read-only
        commands read older archives as they are)."""
        if "_entities_by_id" not in self.__dict__:
            self.__dict__["_entities_by_id"] = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'article_mentions'"
            ).fetchone() is not None
        return bool(self.__dict__["_entities_by_id"])

    def _layer(self, alias: str, table: str) -> str:
        """`table` (mentions or events) as alias, joined to `articles a`."""
        if self._by_id():
            return f"article_{table} {alias} JOIN articles a ON a.rowid = {alias}.article_id"
        return f"{table} {alias} JOIN articles a ON a.url = {alias}.article_url"

    def _story(self) -> str:
        """What counts as one story: the article's story when stories exist, else itself."""
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}
        return "coalesce(a.story_id, a.url)" if "story_id" in columns else "a.url"

    def entity_counts(self, kind: str | None, candidates: bool, since: str | None,
                      sites: list[str], limit: int) -> list[dict[str, Any]]:
        """Entities most mentioned first: name, kind, candidate, articles, stories."""
        where, params = ["1"], []
        if kind:
            where.append("n.kind = ?")
            params.append(kind)
        if candidates:
            where.append("n.candidate = 1")
        if since:
            where.append("a.published_at >= ?")
            params.append(since)
        if sites:
            where.append(f"a.site IN ({', '.join('?' * len(sites))})")
            params += sites
        sql = (f"SELECT n.name, n.kind, n.candidate, count(*) AS articles, "
               f"count(DISTINCT {self._story()}) AS stories FROM {self._layer('m', 'mentions')} "
               "JOIN entities n ON n.id = m.entity_id "
               f"WHERE {' AND '.join(where)} GROUP BY n.id ORDER BY stories DESC, articles DESC,"
               " n.name LIMIT ?")
        return [dict(zip(("name", "kind", "candidate", "articles", "stories"), row,
                         strict=True)) for row in self.db.execute(sql, [*params, limit])]

    def entity_names(self, name: str) -> list[str]:
        """The canonical names an analyst's name may mean: itself, or the entity whose
        aliases hold it (case-insensitive)."""
        rows = self.db.execute(
            "SELECT DISTINCT name FROM entities WHERE lower(name) = lower(?) OR EXISTS ("
            "SELECT 1 FROM json_each(entities.aliases) WHERE lower(value) = lower(?))",
            [name, name]).fetchall()
        return [row[0] for row in rows]

    def trend(self, names: list[str], by: str, as_today: bool) -> list[tuple[str, str, int]]:
        """(period, name, stories) for each name: mentions counted once per story, by month
        or quarter; `as_today` counts a former company name for its parent."""
        period = ("substr(a.published_at, 1, 7)" if by == "month" else
                  "substr(a.published_at, 1, 4) || '-Q' || "
                  "((cast(substr(a.published_at, 6, 2) AS INTEGER) + 2) / 3)")
        label = "coalesce(n.today, n.name)" if as_today else "n.name"
        marks = ", ".join("?" * len(names))
        sql = (f"SELECT {period} AS period, {label} AS label, count(DISTINCT {self._story()}) "
               f"FROM {self._layer('m', 'mentions')} JOIN entities n ON n.id = m.entity_id "
               f"WHERE {label} IN ({marks}) AND a.published_at IS NOT "
               "NULL GROUP BY period, label ORDER BY period, label")
        return [(row[0], row[1], row[2]) for row in self.db.execute(sql, names)]

    def events_of(self, kind: str | None, company: str | None,
                  since: str | None) -> Iterator[dict[str, Any]]:
        """The trackers' rows: events newest first, with the article's site and title."""
        where, params = ["1"], []
        for column, value in (("e.kind", kind), ("e.company", company)):
            if value:
                where.append(f"{column} = ?")
                params.append(value)
        if since:
            where.append("e.date >= ?")
            params.append(since)
        cursor = self.db.execute(
            f"SELECT e.date, e.kind, e.company, e.target, e.product, e.number, e.amount, "
            f"e.currency, e.round, e.status, e.investors, e.person, e.title, a.site, "
            f"a.url AS article_url, e.sentence FROM {self._layer('e', 'events')} "
            f"WHERE {' AND '.join(where)} ORDER BY e.date DESC, e.id", params)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            yield dict(zip(names, row, strict=True))


def _event_row(article: int, event: Any) -> list[Any]:
    """An event's row of article_events: the article, then EVENT_COLUMNS' values."""
    values = {c: getattr(event, c) for c in EVENT_COLUMNS}
    values["investors"] = json.dumps(list(event.investors)) if event.investors else None
    return [article, *values.values()]
